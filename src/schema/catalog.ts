import { resolveArrayConnection } from '@pothos/plugin-relay';
import type { Currency, Money } from '../domain/money.ts';
import type { Conversion } from '../services/fx.ts';
import { FxRateUnavailableError } from '../domain/errors.ts';
import type { OfferDetails, ProviderCountry } from '../domain/provider.ts';
import type { CatalogOffer, CatalogService } from '../services/catalog.ts';
import { builder } from './builder.ts';
import { ConvertedMoneyRef, CurrencyEnum, MoneyRef } from './money.ts';
import { OrderKindEnum, ProviderIdEnum } from './provider-enums.ts';

/** A catalog entry plus the currency the client wants prices in. */
interface PricedService {
  readonly service: CatalogService;
  readonly currency: Currency | null;
}

// The catalog answers the same services far more often than they change: the objects its fields
// resolve from are made once per service list, currency and conversion, not per request
// (docs/performance.md, "The catalog hot path").
const pricedServiceLists = new WeakMap<readonly CatalogService[], Map<string, PricedService[]>>();
const pricedOfferLists = new WeakMap<CatalogService, Map<string, { offer: CatalogOffer; currency: Currency | null }[]>>();
const convertedPrices = new WeakMap<Conversion, Conversion & { original: Money }>();

function pricedServices(services: readonly CatalogService[], currency: Currency | null): PricedService[] {
  let byCurrency = pricedServiceLists.get(services);
  if (!byCurrency) pricedServiceLists.set(services, (byCurrency = new Map()));
  let list = byCurrency.get(currency ?? '');
  if (!list) byCurrency.set(currency ?? '', (list = services.map((service) => ({ service, currency }))));
  return list;
}

function pricedOffers(service: CatalogService, currency: Currency | null): { offer: CatalogOffer; currency: Currency | null }[] {
  let byCurrency = pricedOfferLists.get(service);
  if (!byCurrency) pricedOfferLists.set(service, (byCurrency = new Map()));
  let list = byCurrency.get(currency ?? '');
  if (!list) byCurrency.set(currency ?? '', (list = service.offers.map((offer) => ({ offer, currency }))));
  return list;
}

function withOriginal(conversion: Conversion, original: Money): Conversion & { original: Money } {
  let shown = convertedPrices.get(conversion);
  if (!shown) convertedPrices.set(conversion, (shown = { ...conversion, original }));
  return shown;
}

const CountryRef = builder.objectRef<ProviderCountry>('Country').implement({
  description: 'A country numbers can be bought in.',
  fields: (t) => ({
    code: t.string({ description: 'ISO 3166-1 alpha-2 code.', resolve: (c) => c.code }),
    name: t.string({ description: 'English name.', resolve: (c) => c.name }),
    dialCode: t.string({ nullable: true, description: 'International dialing prefix, e.g. +62.', resolve: (c) => c.dialCode }),
  }),
});

const OfferRef = builder.objectRef<{ offer: CatalogOffer; currency: Currency | null }>('Offer').implement({
  description: "One provider's price for a service.",
  fields: (t) => ({
    provider: t.field({ type: ProviderIdEnum, description: 'The provider selling it.', resolve: ({ offer }) => offer.provider }),
    providerRef: t.string({ description: "The provider's own reference for this offer (opaque).", resolve: ({ offer }) => offer.providerRef }),
    nativePrice: t.field({ type: MoneyRef, description: "Price in the provider's own currency: what will be charged.", resolve: ({ offer }) => offer.price }),
    price: t.field({
      type: ConvertedMoneyRef,
      nullable: true,
      description: 'Price converted into the currency asked for (4 decimals), with the rate disclosed; null when no currency was asked for or no fresh rate exists.',
      resolve: ({ offer, currency }, _args, ctx) => {
        if (!currency) return null;
        try {
          return withOriginal(ctx.services.fx.projection(offer.price, currency, 'UNIT'), offer.price);
        } catch (error) {
          if (error instanceof FxRateUnavailableError) return null;
          throw error;
        }
      },
    }),
    available: t.int({ nullable: true, description: 'Numbers in stock, when the provider says.', resolve: ({ offer }) => offer.available }),
    inStock: t.boolean({ description: 'Whether the offer can be bought now.', resolve: ({ offer }) => offer.available === null || offer.available > 0 }),
  }),
});

const OtpServiceDetailsRef = builder.objectRef<Extract<OfferDetails, { kind: 'OTP_NUMBER' }>>('OtpServiceDetails').implement({
  description: 'An OTP number: a platform in a country.',
  isTypeOf: (d) => (d as OfferDetails).kind === 'OTP_NUMBER',
  fields: (t) => ({
    platform: t.string({ description: 'Canonical platform key, e.g. whatsapp.', resolve: (d) => d.platform }),
    country: t.string({ description: 'ISO 3166-1 alpha-2 country code.', resolve: (d) => d.country }),
  }),
});

const MobileTopupServiceDetailsRef = builder.objectRef<Extract<OfferDetails, { kind: 'MOBILE_TOPUP' }>>('MobileTopupServiceDetails').implement({
  description: 'A mobile network refills can be sent to.',
  isTypeOf: (d) => (d as OfferDetails).kind === 'MOBILE_TOPUP',
  fields: (t) => ({
    network: t.string({ description: 'Network key: AIS, DTAC, TRUEH, TOT3G, MY, FEELS, PENGUIN.', resolve: (d) => d.network }),
    online: t.boolean({ nullable: true, description: 'Whether the provider reports the network online now (null when it does not say).', resolve: (d) => d.online }),
    amounts: t.field({ type: ['Decimal'], description: 'The face values (THB) a refill may have.', resolve: (d) => [...d.amounts] }),
  }),
});

const GameTopupServiceDetailsRef = builder.objectRef<Extract<OfferDetails, { kind: 'GAME_TOPUP' }>>('GameTopupServiceDetails').implement({
  description: 'A game top-up package.',
  isTypeOf: (d) => (d as OfferDetails).kind === 'GAME_TOPUP',
  fields: (t) => ({
    game: t.string({ description: 'The game (and region).', resolve: (d) => d.game }),
    fields: t.stringList({ description: 'The account fields (topupInfo) a top-up needs, e.g. gameid, server.', resolve: (d) => [...d.fields] }),
  }),
});

const SocialBoostServiceDetailsRef = builder.objectRef<Extract<OfferDetails, { kind: 'SOCIAL_BOOST' }>>('SocialBoostServiceDetails').implement({
  description: 'A social boost option.',
  isTypeOf: (d) => (d as OfferDetails).kind === 'SOCIAL_BOOST',
  fields: (t) => ({
    platform: t.string({ description: 'Canonical platform key, e.g. tiktok.', resolve: (d) => d.platform }),
    minQuantity: t.int({ description: 'Smallest quantity an order may have.', resolve: (d) => d.minQuantity }),
    maxQuantity: t.int({ description: 'Largest quantity an order may have.', resolve: (d) => d.maxQuantity }),
    unitQuantity: t.int({ description: 'The quantity the offer price is for (e.g. 1000).', resolve: (d) => d.unitQuantity }),
  }),
});

const PremiumAppServiceDetailsRef = builder.objectRef<Extract<OfferDetails, { kind: 'PREMIUM_APP' }>>('PremiumAppServiceDetails').implement({
  description: 'A premium app account.',
  isTypeOf: (d) => (d as OfferDetails).kind === 'PREMIUM_APP',
  fields: (t) => ({ app: t.string({ description: 'The app.', resolve: (d) => d.app }) }),
});

const DETAILS_TYPE: Record<OfferDetails['kind'], string> = {
  OTP_NUMBER: 'OtpServiceDetails',
  MOBILE_TOPUP: 'MobileTopupServiceDetails',
  GAME_TOPUP: 'GameTopupServiceDetails',
  SOCIAL_BOOST: 'SocialBoostServiceDetails',
  PREMIUM_APP: 'PremiumAppServiceDetails',
};

const ServiceDetailsRef = builder.unionType('ServiceDetails', {
  description: 'What is specific to the kind of service.',
  types: [OtpServiceDetailsRef, MobileTopupServiceDetailsRef, GameTopupServiceDetailsRef, SocialBoostServiceDetailsRef, PremiumAppServiceDetailsRef],
  resolveType: (details) => DETAILS_TYPE[(details as OfferDetails).kind],
});

const ServiceRef = builder.objectRef<PricedService>('Service').implement({
  description: 'Something a customer buys, provider-neutral, of any kind; for OTP numbers a platform in a country.',
  fields: (t) => ({
    key: t.string({ description: 'Canonical key, e.g. otp:whatsapp:ID.', resolve: ({ service }) => service.key }),
    kind: t.field({ type: OrderKindEnum, description: 'What kind of order buying it makes.', resolve: ({ service }) => service.kind }),
    name: t.string({ description: 'Display name.', resolve: ({ service }) => service.name }),
    details: t.field({ type: ServiceDetailsRef, description: 'Kind-specific facts (platform and country for OTP numbers…).', resolve: ({ service }) => service.offers[0]!.details as never }),
    offers: t.field({
      type: [OfferRef],
      description: 'Every provider offer, cheapest first after conversion into one currency (offers without a usable rate last).',
      resolve: ({ service, currency }) => pricedOffers(service, currency),
    }),
  }),
});

const CatalogFilter = builder.inputType('CatalogFilter', {
  description: 'Narrows the catalog.',
  fields: (t) => ({
    kind: t.field({ type: OrderKindEnum, description: 'Only services of this kind.' }),
    service: t.string({ description: 'OTP platform key, e.g. "whatsapp" (OTP services only).' }),
    country: t.string({ description: 'ISO 3166-1 alpha-2 code, e.g. "ID".' }),
    provider: t.field({ type: ProviderIdEnum, description: 'Only this provider’s offers.' }),
    inStockOnly: t.boolean({ description: 'Leave out services with nothing in stock.' }),
  }),
});

builder.queryFields((t) => ({
  countries: t.field({
    authScopes: { CATALOG_READ: true },
    type: [CountryRef],
    description: 'Countries any configured provider sells numbers in.',
    resolve: (_root, _args, ctx) => ctx.services.catalog.countries(),
  }),
  catalog: t.connection({
    authScopes: { CATALOG_READ: true },
    type: ServiceRef,
    description: 'The unified catalog: services with every provider offer, prices native and converted into `currency`.',
    args: {
      filter: t.arg({ type: CatalogFilter, description: 'Optional filters.' }),
      currency: t.arg({ type: CurrencyEnum, description: 'Show prices converted into this currency too.' }),
    },
    resolve: async (_root, args, ctx) => {
      const services = await ctx.services.catalog.services({
        kind: args.filter?.kind ?? undefined,
        platform: args.filter?.service?.trim().toLowerCase() || undefined,
        country: args.filter?.country?.trim().toUpperCase() || undefined,
        provider: args.filter?.provider ?? undefined,
      });
      const visible = args.filter?.inStockOnly ? services.filter((s) => s.offers.some((o) => o.available === null || o.available > 0)) : services;
      const priced = pricedServices(visible, args.currency ?? null);
      return resolveArrayConnection({ args }, priced);
    },
  }),
}));
