import { ValidationError } from '../domain/errors.ts';
import { builder } from './builder.ts';
import { ORDER_ACTION_ERRORS, SPENDING_ERRORS } from './errors.ts';
import { OrderRef, parseOrderId } from './order.ts';

/** Spending mutations beyond OTP numbers, and the order actions that go with them. */

const idempotencyKey = (t: { string: (o: { required: true; description: string }) => never }) =>
  t.string({ required: true, description: 'Unique per purchase (1–128 printable ASCII characters). Retrying with the same key and input returns the same order; nothing is bought twice.' });

const RefillMobileInput = builder.inputType('RefillMobileInput', {
  description: 'A mobile airtime refill.',
  fields: (t) => ({
    network: t.string({ required: true, description: 'Network key from the catalog (MOBILE_TOPUP services): AIS, DTAC, TRUEH, TOT3G, MY, FEELS, PENGUIN.' }),
    phoneNumber: t.string({ required: true, description: 'Thai mobile number: 0812345678, +66812345678 or 66812345678.' }),
    amount: t.field({ type: 'Decimal', required: true, description: 'Face value in THB; one of the amounts the network’s service lists.' }),
    idempotencyKey: idempotencyKey(t as never),
  }),
});

const TopUpFieldInput = builder.inputType('TopUpFieldInput', {
  description: 'One field of the game account (the package lists which it needs).',
  fields: (t) => ({
    field: t.string({ required: true, description: 'Field name, e.g. gameid or server.' }),
    value: t.string({ required: true, description: 'Its value.' }),
  }),
});

const TopUpGameInput = builder.inputType('TopUpGameInput', {
  description: 'A game top-up.',
  fields: (t) => ({
    packageId: t.string({ required: true, description: 'The package: its id (e.g. ROLTH_A01_P001) or its service key from the catalog.' }),
    topupInfo: t.field({ type: [TopUpFieldInput], required: true, description: 'The game account; every field the package lists is required.' }),
    idempotencyKey: idempotencyKey(t as never),
  }),
});

const OrderSocialBoostInput = builder.inputType('OrderSocialBoostInput', {
  description: 'A social media boost.',
  fields: (t) => ({
    optionId: t.string({ required: true, description: 'The option: the key of a SOCIAL_BOOST service in the catalog (or its offer’s providerRef).' }),
    link: t.string({ required: true, description: 'http(s) URL of the post or profile to boost.' }),
    quantity: t.int({ required: true, description: 'How many; within the option’s minQuantity and maxQuantity.' }),
    idempotencyKey: idempotencyKey(t as never),
  }),
});

const BuyPremiumAppInput = builder.inputType('BuyPremiumAppInput', {
  description: 'A premium app account.',
  fields: (t) => ({
    serviceId: t.string({ required: true, description: 'The app: the key of a PREMIUM_APP service in the catalog (or its offer’s providerRef).' }),
    idempotencyKey: idempotencyKey(t as never),
  }),
});

const OrderActionInput = (name: string, description: string) =>
  builder.inputType(name, { description, fields: (t) => ({ orderId: t.id({ required: true, description: 'Global id of the order.' }) }) });

const CancelRefillInput = OrderActionInput('CancelRefillInput', 'Which refill to cancel.');
const RefundOrderInput = OrderActionInput('RefundOrderInput', 'Which order to refund.');

builder.mutationFields((t) => ({
  refillMobile: t.field({
    authScopes: { BUY: true },
    type: OrderRef,
    description: 'Refills airtime on a Thai mobile number. Validated against the catalog before anything is sent; idempotent per idempotencyKey.',
    errors: { types: SPENDING_ERRORS, dataField: { name: 'order', description: 'The refill (a MobileRefillOrder), ACTIVE while the provider processes it.' } },
    args: { input: t.arg({ type: RefillMobileInput, required: true, description: 'What to refill.' }) },
    resolve: (_root, { input }, ctx) => ctx.services.topUps.refillMobile(ctx.viewer.clientId, { network: input.network, phoneNumber: input.phoneNumber, amount: String(input.amount), idempotencyKey: input.idempotencyKey }),
  }),
  cancelRefill: t.field({
    authScopes: { BUY: true },
    type: OrderRef,
    description: 'Asks the provider to cancel (return) a refill; the outcome arrives later on orderUpdated (REFUNDED, or unchanged when refused).',
    errors: { types: ORDER_ACTION_ERRORS, dataField: { name: 'order', description: 'The refill.' } },
    args: { input: t.arg({ type: CancelRefillInput, required: true, description: 'Which refill.' }) },
    resolve: async (_root, { input }, ctx) => {
      const id = parseOrderId(String(input.orderId));
      const order = await ctx.services.book.getOwned(id, ctx.viewer.clientId);
      if (order.kind !== 'MOBILE_TOPUP') throw new ValidationError('cancelRefill takes a mobile refill; use cancelOrder for other orders', 'orderId');
      return ctx.services.orderActions.cancel(ctx.viewer.clientId, id);
    },
  }),
  topUpGame: t.field({
    authScopes: { BUY: true },
    type: OrderRef,
    description: 'Tops up a game account with a package. topupInfo is checked against the package’s fields before anything is sent; idempotent per idempotencyKey.',
    errors: { types: SPENDING_ERRORS, dataField: { name: 'order', description: 'The top-up (a GameTopUpOrder).' } },
    args: { input: t.arg({ type: TopUpGameInput, required: true, description: 'What to top up.' }) },
    resolve: (_root, { input }, ctx) => {
      // No prototype: a field named toString or __proto__ is just a (refused later) field name.
      const topupInfo: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const { field, value } of input.topupInfo) {
        if (Object.hasOwn(topupInfo, field)) throw new ValidationError('a topupInfo field is given twice', 'topupInfo');
        topupInfo[field] = value;
      }
      return ctx.services.topUps.topUpGame(ctx.viewer.clientId, { packageId: input.packageId, topupInfo, idempotencyKey: input.idempotencyKey });
    },
  }),
  orderSocialBoost: t.field({
    authScopes: { BUY: true },
    type: OrderRef,
    description: 'Orders a social media boost for one link; idempotent per idempotencyKey.',
    errors: { types: SPENDING_ERRORS, dataField: { name: 'order', description: 'The boost (a SocialBoostOrder).' } },
    args: { input: t.arg({ type: OrderSocialBoostInput, required: true, description: 'What to boost.' }) },
    resolve: (_root, { input }, ctx) => ctx.services.topUps.orderSocialBoost(ctx.viewer.clientId, input),
  }),
  buyPremiumApp: t.field({
    authScopes: { BUY: true },
    type: OrderRef,
    description: 'Buys a premium app account; its credentials appear on the order, for its owner only. Idempotent per idempotencyKey.',
    errors: { types: SPENDING_ERRORS, dataField: { name: 'order', description: 'The purchase (a PremiumAppOrder).' } },
    args: { input: t.arg({ type: BuyPremiumAppInput, required: true, description: 'What to buy.' }) },
    resolve: (_root, { input }, ctx) => ctx.services.topUps.buyPremiumApp(ctx.viewer.clientId, input),
  }),
  refundOrder: t.field({
    authScopes: { BUY: true },
    type: OrderRef,
    description: 'Asks the provider to refund an order, where it supports refunds (see capabilities); Unsupported elsewhere.',
    errors: { types: ORDER_ACTION_ERRORS, dataField: { name: 'order', description: 'The order.' } },
    args: { input: t.arg({ type: RefundOrderInput, required: true, description: 'Which order.' }) },
    resolve: (_root, { input }, ctx) => ctx.services.orderActions.refund(ctx.viewer.clientId, parseOrderId(String(input.orderId))),
  }),
}));
