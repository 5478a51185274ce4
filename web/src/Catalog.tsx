import { useEffect, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { graphql } from './gql';
import type { CatalogQuery, Currency, OrderKind } from './gql/graphql';
import { age, describeError, describeRequestError, formatMoney, KIND_LABELS, newIdempotencyKey, providerName, sourceLabel, type TypedError } from './format';
import { navigate, useNow, useSingleFlight } from './hooks';
import { rememberAttempts } from './store';
import { TopUpForm } from './TopUpForms';

const CatalogDocument = graphql(`
  query Catalog($currency: Currency, $filter: CatalogFilter, $first: Int, $after: String) {
    catalog(currency: $currency, filter: $filter, first: $first, after: $after) {
      edges {
        node {
          key
          kind
          name
          details {
            __typename
            ... on OtpServiceDetails { platform country }
            ... on MobileTopupServiceDetails { network amounts online }
            ... on GameTopupServiceDetails { game fields }
            ... on SocialBoostServiceDetails { platform minQuantity maxQuantity unitQuantity }
            ... on PremiumAppServiceDetails { app }
          }
          offers {
            provider
            providerRef
            inStock
            available
            nativePrice { amount currency }
            price { amount currency fx { pair rate source asOf } }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const CountriesDocument = graphql(`
  query Countries {
    countries { code name dialCode }
  }
`);

const BuyNumberDocument = graphql(`
  mutation StorefrontBuyNumber($input: BuyNumberInput!) {
    buyNumber(input: $input) {
      __typename
      ... on BuyNumberPayload {
        order { id status phoneNumber provider expiresAt }
        attempts { provider outcome price { amount currency } }
      }
      ... on Error { code message }
      ... on ProviderFailure { provider }
      ... on NoOfferAvailable { attempts { provider outcome price { amount currency } } }
      ... on RateLimited { retryAfterSeconds }
      ... on ServiceUnavailable { unavailableForSeconds: retryAfterSeconds }
      ... on FxRateUnavailable { pair }
      ... on ValidationError { field }
      ... on NotFound { resource }
    }
  }
`);

export type Service = CatalogQuery['catalog']['edges'][number]['node'];
export type Offer = Service['offers'][number];

const KINDS: OrderKind[] = ['OTP_NUMBER', 'MOBILE_TOPUP', 'GAME_TOPUP', 'SOCIAL_BOOST', 'PREMIUM_APP'];
const PAGE_SIZE = 60;

export function Catalog({ currency }: { currency: Currency }) {
  const [kind, setKind] = useState<OrderKind>('OTP_NUMBER');
  const [search, setSearch] = useState('');
  const [country, setCountry] = useState('');
  const [pages, setPages] = useState<Array<string | null>>([null]);

  const [countries] = useQuery({ query: CountriesDocument, pause: kind !== 'OTP_NUMBER' });

  const selectKind = (next: OrderKind) => {
    setKind(next);
    setPages([null]);
  };

  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title" className="visually-hidden">
        Catalog
      </h1>
      <div role="tablist" aria-label="What to buy" className="tabs">
        {KINDS.map((k) => (
          <button
            key={k}
            role="tab"
            type="button"
            id={`tab-${k}`}
            aria-selected={k === kind}
            aria-controls="catalog-panel"
            className={k === kind ? 'tab active' : 'tab'}
            onClick={() => selectKind(k)}
            onKeyDown={(event) => {
              const i = KINDS.indexOf(k);
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                const next = KINDS[(i + (event.key === 'ArrowRight' ? 1 : KINDS.length - 1)) % KINDS.length]!;
                selectKind(next);
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {KIND_LABELS[k]}
          </button>
        ))}
      </div>

      <div className="filters">
        <label className="field">
          <span>Search platform or name</span>
          <input type="search" value={search} placeholder="e.g. whatsapp" onChange={(e) => setSearch(e.target.value)} />
        </label>
        {kind === 'OTP_NUMBER' && (
          <label className="field">
            <span>Country</span>
            <select
              value={country}
              onChange={(e) => {
                setCountry(e.target.value);
                setPages([null]);
              }}
            >
              <option value="">All countries</option>
              {(countries.data?.countries ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code}{c.dialCode ? ` ${c.dialCode}` : ''})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>

      <div id="catalog-panel" role="tabpanel" aria-labelledby={`tab-${kind}`}>
        {pages.map((after, index) => (
          <CatalogPage
            key={`${kind}:${country}:${after ?? ''}`}
            kind={kind}
            country={kind === 'OTP_NUMBER' ? country : ''}
            currency={currency}
            after={after}
            search={search}
            first={index === 0}
            onMore={index === pages.length - 1 ? (cursor) => setPages((current) => (current.includes(cursor) ? current : [...current, cursor])) : undefined}
          />
        ))}
      </div>
    </section>
  );
}

function CatalogPage(props: { kind: OrderKind; country: string; currency: Currency; after: string | null; search: string; first: boolean; onMore: ((cursor: string) => void) | undefined }) {
  const { kind, country, currency, after, search } = props;
  const variables = useMemo(
    () => ({ currency, first: PAGE_SIZE, after, filter: { kind, ...(country ? { country } : {}) } }),
    [currency, after, kind, country],
  );
  const [result] = useQuery({ query: CatalogDocument, variables });
  const services = result.data?.catalog.edges.map((e) => e.node) ?? [];
  const needle = search.trim().toLowerCase();
  const shown = needle ? services.filter((s) => searchText(s).includes(needle)) : services;
  const error = describeRequestError(result.error);
  // Search looks at names as well as platform keys, so it runs here: while a search is typed, the remaining pages load too.
  const pageInfo = result.data?.catalog.pageInfo;
  const { onMore } = props;
  useEffect(() => {
    if (needle && onMore && pageInfo?.hasNextPage && pageInfo.endCursor) onMore(pageInfo.endCursor);
  }, [needle, onMore, pageInfo]);

  return (
    <>
      {props.first && <RateDisclosure services={services} currency={currency} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result.fetching && !result.data && <p className="muted">Loading the catalog…</p>}
      {result.data && props.first && shown.length === 0 && <p className="muted">Nothing matches{needle ? ` “${search}”` : ''}.</p>}
      <ul className="services">
        {shown.map((service) => (
          <ServiceCard key={service.key} service={service} />
        ))}
      </ul>
      {props.onMore && result.data?.catalog.pageInfo.hasNextPage && result.data.catalog.pageInfo.endCursor && (
        <button type="button" className="secondary more" onClick={() => props.onMore?.(result.data!.catalog.pageInfo.endCursor!)}>
          Show more
        </button>
      )}
    </>
  );
}

function searchText(service: Service): string {
  const d = service.details;
  const extra =
    d.__typename === 'OtpServiceDetails' ? `${d.platform} ${d.country}`
    : d.__typename === 'MobileTopupServiceDetails' ? d.network
    : d.__typename === 'GameTopupServiceDetails' ? d.game
    : d.__typename === 'SocialBoostServiceDetails' ? d.platform
    : d.__typename === 'PremiumAppServiceDetails' ? d.app
    : '';
  return `${service.name} ${service.key} ${extra}`.toLowerCase();
}

/** The rates the shown prices rest on: pair, rate, source and age. */
function RateDisclosure({ services, currency }: { services: Service[]; currency: Currency }) {
  const now = useNow(5000);
  const rates = new Map<string, { pair: string; rate: string; source: string; asOf: string }>();
  for (const service of services) for (const offer of service.offers) if (offer.price && !offer.price.fx.source.includes('IDENTITY')) rates.set(`${offer.price.fx.pair}|${offer.price.fx.source}`, offer.price.fx);
  return (
    <div className="rates" aria-live="polite" data-testid="rates">
      <strong>Prices in {currency}</strong>
      {rates.size === 0 ? (
        <span className="muted"> — providers charge in {currency}: no conversion.</span>
      ) : (
        <ul>
          {[...rates.values()].map((fx) => {
            const [from, to] = fx.pair.split('/');
            return (
              <li key={`${fx.pair}|${fx.source}`}>
                1 {from} = {fx.rate} {to} <span className="muted">· {sourceLabel(fx.source)} · {age(fx.asOf, now)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function detailLine(service: Service): string {
  const d = service.details;
  switch (d.__typename) {
    case 'OtpServiceDetails':
      return `${d.platform} · ${d.country}`;
    case 'MobileTopupServiceDetails':
      return `${d.network} · ${d.amounts.length} amounts${d.online === false ? ' · offline now' : ''}`;
    case 'GameTopupServiceDetails':
      return `${d.game} · needs ${d.fields.join(', ')}`;
    case 'SocialBoostServiceDetails':
      return `${d.platform} · ${d.minQuantity}–${d.maxQuantity}, price per ${d.unitQuantity}`;
    case 'PremiumAppServiceDetails':
      return d.app;
    default:
      return '';
  }
}

function ServiceCard({ service }: { service: Service }) {
  const [open, setOpen] = useState(false);
  const isOtp = service.details.__typename === 'OtpServiceDetails';
  const anyInStock = service.offers.some((o) => o.inStock);
  const headingId = `svc-${service.key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  return (
    <li className="card service" aria-labelledby={headingId} data-service={service.key}>
      <div className="service-head">
        <div>
          <h2 id={headingId}>{service.name}</h2>
          <p className="muted small">{detailLine(service)}</p>
        </div>
        {isOtp ? (
          <BuyNumberButton service={service} label="Buy best price" disabled={!anyInStock} />
        ) : (
          <button type="button" aria-expanded={open} disabled={!anyInStock} onClick={() => setOpen(!open)}>
            {open ? 'Close' : 'Order'}
          </button>
        )}
      </div>
      <table className="offers">
        <caption className="visually-hidden">Offers for {service.name}, cheapest first</caption>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Price</th>
            <th scope="col" className="hide-narrow">
              Charged as
            </th>
            <th scope="col">Stock</th>
            {isOtp && (
              <th scope="col">
                <span className="visually-hidden">Buy</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {service.offers.map((offer) => (
            <tr key={`${offer.provider}:${offer.providerRef}`} className={offer.inStock ? '' : 'out'} data-provider={offer.provider}>
              <td>{providerName(offer.provider)}</td>
              <td className="price" data-testid="price">
                {offer.price ? formatMoney(offer.price) : <span className="muted">no rate</span>}
              </td>
              <td className="hide-narrow muted">{formatMoney(offer.nativePrice)}</td>
              <td>{offer.inStock ? (offer.available != null ? `${offer.available} left` : 'In stock') : <span className="badge">Out of stock</span>}</td>
              {isOtp && (
                <td>
                  <BuyNumberButton service={service} offer={offer} label="Buy" disabled={!offer.inStock} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {open && !isOtp && <TopUpForm service={service} />}
    </li>
  );
}

/** One idempotency key per click, made when the click starts; the button is disabled while the purchase is in flight. */
function BuyNumberButton({ service, offer, label, disabled }: { service: Service; offer?: Offer; label: string; disabled: boolean }) {
  const client = useClient();
  const { busy, run } = useSingleFlight();
  const [error, setError] = useState<string | null>(null);
  const details = service.details.__typename === 'OtpServiceDetails' ? service.details : null;
  if (!details) return null;
  const who = offer ? ` from ${providerName(offer.provider)}` : '';

  const buy = () =>
    run(async () => {
      const idempotencyKey = newIdempotencyKey();
      setError(null);
      const result = await client
        .mutation(BuyNumberDocument, { input: { service: details.platform, country: details.country, idempotencyKey, ...(offer ? { provider: offer.provider } : {}) } })
        .toPromise();
      const answer = result.data?.buyNumber;
      if (!answer) return setError(describeRequestError(result.error));
      if (answer.__typename === 'BuyNumberPayload') {
        rememberAttempts(answer.order.id, answer.attempts);
        navigate('order', answer.order.id);
        return;
      }
      setError(describeError(answer as TypedError));
    });

  return (
    <span className="buy">
      <button type="button" onClick={buy} disabled={disabled || busy} aria-busy={busy} aria-label={`${label} ${service.name}${who}`}>
        {busy ? 'Buying…' : label}
      </button>
      {error && (
        <span role="alert" className="error small">
          {error}
        </span>
      )}
    </span>
  );
}
