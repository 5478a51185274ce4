import { ApiError, ok } from './api-errors.ts';
import { PRODUCT_SORTS } from './catalog.ts';
import type { ProductSort } from './catalog.ts';
import { intParam, moneyFor, requireFx } from './endpoint-request.ts';
import type { EndpointHandler } from './endpoint-request.ts';
import { fxDisclosure } from './money-projection.ts';

/** GET /catalog/countries (same on v1 and v2). */
export const listCountries: EndpointHandler = ({ ctx }) =>
  ok(ctx.catalog.countries.map((c) => ({ id: c.id, code: c.code, name: c.name, dial_code: c.dial_code, emoji: c.emoji, active: true })));

/** GET /catalog/services?country_id (same on v1 and v2). */
export const listServices: EndpointHandler = ({ ctx, query }) => {
  const countryId = intParam(query, 'country_id', { min: 1 });
  return ok(ctx.catalog.servicesIn(countryId).map((p) => ({ id: p.id, code: p.code, name: p.name, active: true })));
};

/** GET /catalog/products?country_id&platform_id&sort&limit&page; `meta.count` is the number of items on this page. */
export const listProducts: EndpointHandler = (request) => {
  const { ctx, query } = request;
  const countryId = intParam(query, 'country_id', { min: 1 });
  const platformId = intParam(query, 'platform_id', { min: 1 });
  const limit = intParam(query, 'limit', { min: 1, max: 10_000 }) ?? 1000;
  const page = intParam(query, 'page', { min: 1 }) ?? 1;
  const sortParam = query.get('sort') || 'price_asc';
  if (!(PRODUCT_SORTS as readonly string[]).includes(sortParam)) {
    throw new ApiError('VALIDATION_ERROR', `sort must be one of ${PRODUCT_SORTS.join(', ')}`);
  }
  const { money, fx } = moneyFor(request);
  const items = ctx.catalog
    .products({ countryId, platformId, sort: sortParam as ProductSort })
    .slice((page - 1) * limit, page * limit)
    .map((o) => ({
      id: o.id,
      name: o.name,
      country_id: o.countryId,
      platform_id: o.platformId,
      catalog_product_id: o.catalogProductId,
      available: o.available,
      price: money(o.price, 'unit'),
      active: o.active,
    }));
  const meta = { page, limit, count: items.length };
  return ok(items, fx ? { ...meta, fx } : meta);
};

/** GET /catalog/exchange-rate: v1 honours ?pair (only USD/IDR exists) and 404s without a rate; v2 ignores ?pair and 503s. */
export const exchangeRate: EndpointHandler = ({ ctx, version, query }) => {
  if (version === 'v2') return ok(fxDisclosure(requireFx(ctx)));
  const pair = (query.get('pair') || 'USD/IDR').trim().toUpperCase();
  if (pair !== 'USD/IDR' || !ctx.fx) throw new ApiError('NOT_FOUND', `Exchange rate ${pair} not found`);
  return ok({ pair: 'USD/IDR', base_currency: 'USD', quote_currency: 'IDR', rate: ctx.fx.rate });
};
