import { Decimal } from 'decimal.js';
import { CashField, NETWORK_IDS, NETWORK_STATUS_ELEMENT, NetworkField, OrderIdField, ThaiMobileNumber } from '../wire.ts';
import type { NetworkId } from '../wire.ts';
import type { SimulatorContext } from './context.ts';
import { DETAIL } from './details.ts';
import { requestReturn } from './lifecycle.ts';
import { discountOf, thb } from './money.ts';
import { statusCancel, statusRefill } from './orders.ts';
import type { SimOrder } from './orders.ts';
import type { EasysoftEndpoint } from './public-types.ts';
import { okAnswer, TopupRefusal } from './xml-answers.ts';
import type { TopupResponse } from './xml-answers.ts';

/** Answers one function; a refusal is thrown as TopupRefusal (STATUS 0 with its DETAIL). */
export type FunctionHandler = (ctx: SimulatorContext, form: URLSearchParams) => TopupResponse;

/** The function handlers by endpoint name. */
export const HANDLERS: Readonly<Record<EasysoftEndpoint, FunctionHandler>> = {
  refill,
  update,
  return: returnOrder,
  balance,
  online,
};

/** A form field, with an empty value read as absent (as PHP's empty()). */
function field(form: URLSearchParams, name: string): string | undefined {
  const value = form.get(name);
  return value === null || value === '' ? undefined : value;
}

/** mobile=refill: validates, charges cash − discount, opens the order and answers ORDERID and DISCOUNT. */
function refill(ctx: SimulatorContext, form: URLSearchParams): TopupResponse {
  const network = NetworkField.safeParse(field(form, 'network'));
  if (!network.success) throw new TopupRefusal(DETAIL.badNetwork);
  const networkId = Number(network.data) as NetworkId;
  const number = ThaiMobileNumber.safeParse(field(form, 'number'));
  if (!number.success) throw new TopupRefusal(DETAIL.badNumber);
  const cashText = CashField.safeParse(field(form, 'cash'));
  const offer = ctx.networks.get(networkId);
  if (!cashText.success || !offer || !offer.amounts.includes(Number(cashText.data))) throw new TopupRefusal(DETAIL.badCash);
  const usersField = field(form, 'users');
  if (usersField !== undefined && usersField.length > 64) throw new TopupRefusal(DETAIL.badUsers);
  const users = usersField ?? ctx.credentials.username;
  const refField = field(form, 'orderid');
  const clientRef = refField === undefined ? null : OrderIdField.safeParse(refField);
  if (clientRef && !clientRef.success) throw new TopupRefusal(DETAIL.badOrderId);
  const ref = clientRef?.data ?? null;

  if (ref !== null) {
    const earlier = ctx.byClientRef.get(ref);
    if (earlier) {
      const same = earlier.network === networkId && earlier.number === number.data && earlier.cash.eq(cashText.data) && earlier.users === users;
      if (!same) throw new TopupRefusal(DETAIL.duplicateOrderId);
      return refillAnswer(earlier);
    }
  }
  if (!offer.online) throw new TopupRefusal(DETAIL.networkClosed);
  const cash = new Decimal(cashText.data);
  const discount = discountOf(cash, offer.discountPercent);
  const charge = cash.minus(discount);
  if (charge.gt(ctx.account.balance)) throw new TopupRefusal(DETAIL.insufficientBalance);

  const now = ctx.now();
  const order: SimOrder = {
    id: ctx.nextOrderId(),
    network: networkId,
    number: number.data,
    cash,
    discount,
    charge,
    users,
    clientRef: ref,
    createdAt: now,
    phase: 'pending',
    refillResult: null,
    cancelRequestedAt: null,
    cancelResult: null,
    reversalRefused: false,
    refilled: false,
  };
  const auto = ctx.behaviour.autoResult;
  if (auto) order.refillResult = { at: now + auto.delayMs, earliest: now + auto.delayMs, outcome: auto.outcome };
  ctx.account.balance = ctx.account.balance.minus(charge);
  ctx.ledger.push({ kind: 'charge', orderRef: order.id, amount: thb(charge), at: now });
  ctx.orders.set(order.id, order);
  if (ref !== null) ctx.byClientRef.set(ref, order);
  return refillAnswer(order);
}

function refillAnswer(order: SimOrder): TopupResponse {
  return okAnswer([
    ['ORDERID', order.id],
    ['DISCOUNT', thb(order.discount)],
  ]);
}

function orderOf(ctx: SimulatorContext, form: URLSearchParams): SimOrder {
  const id = field(form, 'orderid');
  if (id === undefined) throw new TopupRefusal(DETAIL.badOrderId);
  const order = ctx.orders.get(id);
  if (!order) throw new TopupRefusal(DETAIL.orderNotFound);
  return order;
}

/** mobile=update: the balance, what the order deducted, and its two result flags. */
function update(ctx: SimulatorContext, form: URLSearchParams): TopupResponse {
  const order = orderOf(ctx, form);
  return okAnswer([
    ['AMOUNT', thb(ctx.account.balance)],
    ['REALAMOUNT', thb(order.charge)],
    ['STATUS_REFILL', statusRefill(order)],
    ['STATUS_CANCEL', statusCancel(order)],
  ]);
}

/** mobile=return: takes the cancel request (its result comes later, by update and callback). */
function returnOrder(ctx: SimulatorContext, form: URLSearchParams): TopupResponse {
  requestReturn(ctx, orderOf(ctx, form));
  return okAnswer();
}

/** amount=1: ยอดเงินคงเหลือ. */
function balance(ctx: SimulatorContext): TopupResponse {
  return okAnswer([['AMOUNT', thb(ctx.account.balance)]]);
}

/** online=1: one 0/1 element per network, in the document's order. */
function online(ctx: SimulatorContext): TopupResponse {
  return okAnswer(NETWORK_IDS.map((id) => [NETWORK_STATUS_ELEMENT[id], ctx.networks.get(id)?.online ? '1' : '0'] as const));
}
