import { CreateOrderBody } from '../wire.ts';
import type { SimOrder } from './context.ts';
import { ApiError, success } from './envelopes.ts';
import { createdOrderData } from './endpoint-request.ts';
import type { EndpointHandler } from './endpoint-request.ts';
import { thbText } from './money.ts';
import { wakeWhenDue } from './order-lifecycle.ts';

/**
 * POST /orders. Refusals do no work and are decided in this order: a body that is not the documented shape
 * (MISSING_FIELD), a refID this partner already used (REF_ID_EXISTS: no second order, no second charge), an
 * unknown packageID or a topupInfo without the package's keys (MISSING_FIELD), a price above the balance
 * (INSUFFICIENT_BALANCE). Then the package's price is charged and the order starts `pending`.
 */
export const createOrder: EndpointHandler = ({ ctx, partner, rawBody }) => {
  const body = parseCreateBody(rawBody);
  if (partner.ordersByRef.has(body.refID)) throw new ApiError('REF_ID_EXISTS', 'refID already exists');
  const pkg = ctx.packages.get(body.packageID);
  // The document has no code for an unknown package; MISSING_FIELD (400, nothing done) is its nearest.
  if (!pkg) throw new ApiError('MISSING_FIELD', `packageID ${body.packageID} does not exist`);
  const missing = pkg.fields.filter((field) => (body.topupInfo[field] ?? '').trim() === '');
  if (missing.length > 0) throw new ApiError('MISSING_FIELD', `topupInfo is missing ${missing.join(', ')}`);
  if (partner.balance.lt(pkg.amount)) {
    throw new ApiError('INSUFFICIENT_BALANCE', `Insufficient balance: ${thbText(pkg.amount)} THB required`);
  }

  const now = ctx.now();
  const order: SimOrder = {
    orderID: ctx.nextOrderId(),
    partnerId: partner.partnerId,
    refID: body.refID,
    packageID: pkg.id,
    topupInfo: { ...body.topupInfo },
    hookURL: body.hookURL ?? null,
    price: pkg.amount,
    createdAt: now,
    status: 'pending',
    reason: '',
    refunded: false,
    auto: null,
  };
  partner.balance = partner.balance.minus(pkg.amount);
  ctx.ledger.push({ kind: 'charge', orderRef: order.orderID, amount: thbText(pkg.amount), at: now });
  partner.ordersByRef.set(order.refID, order);
  ctx.orders.set(order.orderID, order);

  const auto = ctx.autoComplete;
  if (auto) {
    const processingAfter = Math.floor(auto.delayMs / 2);
    order.auto = { processingAt: now + processingAfter, completeAt: now + auto.delayMs, outcome: auto.outcome, reason: auto.reason };
    // Sandbox mode runs in real time: wake up when each step is due (advanceClock() drives a frozen test clock).
    wakeWhenDue(ctx, order);
  }
  return success(201, 'ORDER_CREATED', createdOrderData(ctx, order), now);
};

function parseCreateBody(rawBody: string): CreateOrderBody {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new ApiError('MISSING_FIELD', 'The body must be a JSON object with refID, packageID and topupInfo');
  }
  // A null hookURL is read as "no hookURL".
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && (json as Record<string, unknown>).hookURL === null) {
    const { hookURL: _none, ...rest } = json as Record<string, unknown>;
    json = rest;
  }
  const parsed = CreateOrderBody.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw new ApiError('MISSING_FIELD', issues.join('; '));
}
