/**
 * The best-tuned framework baseline's schema: bare Pothos (no plugins), the same types and fields the
 * storefront's Catalog query selects from the gateway (web/src/Catalog.tsx), answered from one catalog
 * held in memory — the gateway's own JSON answer, loaded at start. Enum values are read from the
 * gateway's schema.graphql so both servers accept the same variables.
 */
import { readFileSync } from 'node:fs';
import SchemaBuilder from '@pothos/core';
import { buildSchema, isEnumType, type GraphQLSchema } from 'graphql';

/** The catalog as the gateway answered it (`data.catalog` of the Catalog query). */
export interface CatalogAnswer {
  readonly edges: ReadonlyArray<{ readonly node: ServiceShape }>;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

interface MoneyShape {
  readonly amount: string;
  readonly currency: string;
}
interface FxShape {
  readonly pair: string;
  readonly rate: string;
  readonly source: string;
  readonly asOf: string;
}
interface ConvertedShape extends MoneyShape {
  readonly fx: FxShape;
}
interface OfferShape {
  readonly provider: string;
  readonly providerRef: string;
  readonly inStock: boolean;
  readonly available: number | null;
  readonly nativePrice: MoneyShape;
  readonly price: ConvertedShape | null;
}
interface DetailsShape {
  readonly __typename: string;
  readonly [field: string]: unknown;
}
interface ServiceShape {
  readonly key: string;
  readonly kind: string;
  readonly name: string;
  readonly details: DetailsShape;
  readonly offers: readonly OfferShape[];
}

/** Builds the schema over `catalog`; `gatewaySchemaPath` is the gateway's schema.graphql (for enum values). */
export function buildCatalogSchema(catalog: CatalogAnswer, gatewaySchemaPath: string): GraphQLSchema {
  const gateway = buildSchema(readFileSync(gatewaySchemaPath, 'utf8'));
  const enumValues = (name: string): string[] => {
    const type = gateway.getType(name);
    if (!isEnumType(type)) throw new Error(`${gatewaySchemaPath} has no enum ${name}`);
    return type.getValues().map((v) => v.name);
  };

  // The project's type check also sees @pothos/plugin-scope-auth (src/), whose declarations make its
  // options required on every builder's type; this builder loads no plugin, so the cast only silences that.
  const builder = new SchemaBuilder<{
    DefaultFieldNullability: false;
    Scalars: { Decimal: { Input: string; Output: string }; DateTime: { Input: string; Output: string } };
  }>({ defaultFieldNullability: false } as never);

  builder.scalarType('Decimal', { description: 'An exact decimal number written as a string.', serialize: (v) => v, parseValue: (v) => String(v) });
  builder.scalarType('DateTime', { description: 'A date-time string at UTC (RFC 3339).', serialize: (v) => v, parseValue: (v) => String(v) });
  const Currency = builder.enumType('Currency', { description: 'A currency (the gateway’s values).', values: enumValues('Currency') });
  const OrderKind = builder.enumType('OrderKind', { description: 'What kind of order a service makes (the gateway’s values).', values: enumValues('OrderKind') });
  const ProviderId = builder.enumType('ProviderId', { description: 'A provider (the gateway’s values).', values: enumValues('ProviderId') });

  const Money = builder.objectRef<MoneyShape>('Money').implement({
    description: 'An exact amount in one currency.',
    fields: (t) => ({
      amount: t.expose('amount', { type: 'Decimal', description: 'Exact decimal amount.' }),
      currency: t.field({ type: Currency, description: 'Currency of the amount.', resolve: (m) => m.currency }),
    }),
  });
  const AppliedFxRate = builder.objectRef<FxShape>('AppliedFxRate').implement({
    description: 'The rate a conversion used.',
    fields: (t) => ({
      pair: t.exposeString('pair', { description: 'FROM/TO.' }),
      rate: t.expose('rate', { type: 'Decimal', description: 'Units of TO for one unit of FROM.' }),
      source: t.exposeString('source', { description: 'Where the rate came from.' }),
      asOf: t.expose('asOf', { type: 'DateTime', description: 'When the rate was published.' }),
    }),
  });
  const ConvertedMoney = builder.objectRef<ConvertedShape>('ConvertedMoney').implement({
    description: 'An amount converted for display.',
    fields: (t) => ({
      amount: t.expose('amount', { type: 'Decimal', description: 'Converted amount.' }),
      currency: t.field({ type: Currency, description: 'Currency converted into.', resolve: (m) => m.currency }),
      fx: t.field({ type: AppliedFxRate, description: 'The rate applied.', resolve: (m) => m.fx }),
    }),
  });
  const Offer = builder.objectRef<OfferShape>('Offer').implement({
    description: "One provider's price for a service.",
    fields: (t) => ({
      provider: t.field({ type: ProviderId, description: 'The provider selling it.', resolve: (o) => o.provider }),
      providerRef: t.exposeString('providerRef', { description: "The provider's own reference." }),
      inStock: t.exposeBoolean('inStock', { description: 'Whether the offer can be bought now.' }),
      available: t.exposeInt('available', { nullable: true, description: 'Numbers in stock, when the provider says.' }),
      nativePrice: t.field({ type: Money, description: "Price in the provider's currency.", resolve: (o) => o.nativePrice }),
      price: t.field({ type: ConvertedMoney, nullable: true, description: 'Price converted into the currency asked for.', resolve: (o) => o.price }),
    }),
  });

  const detail = (name: string, description: string, fields: Record<string, 'String' | 'Int' | 'Boolean' | '[String]' | '[Decimal]'>) =>
    builder.objectRef<DetailsShape>(name).implement({
      description,
      fields: (t) =>
        Object.fromEntries(
          Object.entries(fields).map(([field, type]) => {
            const resolve = (d: DetailsShape) => d[field] as never;
            const description = `${name}.${field} as the gateway answers it.`;
            if (type === '[String]') return [field, t.stringList({ description, resolve })];
            if (type === '[Decimal]') return [field, t.field({ type: ['Decimal'], description, resolve })];
            if (type === 'Boolean') return [field, t.boolean({ nullable: true, description, resolve })];
            if (type === 'Int') return [field, t.int({ description, resolve })];
            return [field, t.string({ description, resolve })];
          }),
        ),
    });
  const details = [
    detail('OtpServiceDetails', 'An OTP number: a platform in a country.', { platform: 'String', country: 'String' }),
    detail('MobileTopupServiceDetails', 'A mobile network.', { network: 'String', amounts: '[Decimal]', online: 'Boolean' }),
    detail('GameTopupServiceDetails', 'A game top-up package.', { game: 'String', fields: '[String]' }),
    detail('SocialBoostServiceDetails', 'A social boost option.', { platform: 'String', minQuantity: 'Int', maxQuantity: 'Int', unitQuantity: 'Int' }),
    detail('PremiumAppServiceDetails', 'A premium app account.', { app: 'String' }),
  ];
  const ServiceDetails = builder.unionType('ServiceDetails', {
    description: 'What is specific to the kind of service.',
    types: details,
    resolveType: (d) => d.__typename,
  });
  const Service = builder.objectRef<ServiceShape>('Service').implement({
    description: 'Something a customer buys.',
    fields: (t) => ({
      key: t.exposeString('key', { description: 'Canonical key.' }),
      kind: t.field({ type: OrderKind, description: 'What kind of order buying it makes.', resolve: (s) => s.kind }),
      name: t.exposeString('name', { description: 'Display name.' }),
      details: t.field({ type: ServiceDetails, description: 'Kind-specific facts.', resolve: (s) => s.details }),
      offers: t.field({ type: [Offer], description: 'Every provider offer, cheapest first.', resolve: (s) => s.offers }),
    }),
  });
  const PageInfo = builder.objectRef<CatalogAnswer['pageInfo']>('PageInfo').implement({
    description: 'Where this page ends.',
    fields: (t) => ({
      hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Whether more services follow.' }),
      endCursor: t.exposeString('endCursor', { nullable: true, description: 'Cursor of the last edge.' }),
    }),
  });
  const Edge = builder.objectRef<CatalogAnswer['edges'][number]>('QueryCatalogConnectionEdge').implement({
    description: 'One service of the page.',
    fields: (t) => ({ node: t.field({ type: Service, description: 'The service.', resolve: (e) => e.node }) }),
  });
  const Connection = builder.objectRef<CatalogAnswer>('QueryCatalogConnection').implement({
    description: 'A page of the catalog.',
    fields: (t) => ({
      edges: t.field({ type: [Edge], description: 'The services of the page.', resolve: (c) => c.edges }),
      pageInfo: t.field({ type: PageInfo, description: 'Where this page ends.', resolve: (c) => c.pageInfo }),
    }),
  });
  const CatalogFilter = builder.inputType('CatalogFilter', {
    description: 'Narrows the catalog (accepted for the same variables; the baseline answers one page).',
    fields: (t) => ({
      country: t.string({ description: 'ISO 3166-1 alpha-2 code.' }),
      inStockOnly: t.boolean({ description: 'Leave out services with nothing in stock.' }),
      kind: t.field({ type: OrderKind, description: 'Only services of this kind.' }),
      provider: t.field({ type: ProviderId, description: 'Only this provider’s offers.' }),
      service: t.string({ description: 'OTP platform key.' }),
    }),
  });

  builder.queryType({
    description: 'The catalog from memory.',
    fields: (t) => ({
      catalog: t.field({
        type: Connection,
        description: 'The catalog page the gateway answered, first `first` services.',
        args: {
          currency: t.arg({ type: Currency, description: 'Accepted, not applied (prices are already in the answer’s currency).' }),
          filter: t.arg({ type: CatalogFilter, description: 'Accepted, not applied.' }),
          first: t.arg.int({ description: 'At most this many services.' }),
          after: t.arg.string({ description: 'Accepted, not applied.' }),
          last: t.arg.int({ description: 'Accepted, not applied.' }),
          before: t.arg.string({ description: 'Accepted, not applied.' }),
        },
        resolve: (_root, args) => (args.first != null && args.first < catalog.edges.length ? { ...catalog, edges: catalog.edges.slice(0, args.first) } : catalog),
      }),
    }),
  });
  return builder.toSchema({ sortSchema: false });
}
