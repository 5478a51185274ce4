/**
 * The adapter contract suite: what every provider adapter must do against its own simulator,
 * whatever its wire protocol (src/domain/provider.ts is the contract it checks).
 *
 * A provider's adapter test calls it once, with a setup that starts a fresh simulator and an
 * adapter pointed at it (the suite calls it before every case and tears it down after):
 *
 *   describeAdapterContract('smscode', async () => {
 *     const simulator = createSmscodeSimulator({ ... });
 *     await simulator.start();
 *     const adapter = createSmscodeAdapter({ baseUrl: simulator.baseUrl, ... });
 *     return {
 *       adapter,
 *       simulator,
 *       buyable: async () => ({ offer: ..., intent: { kind: 'OTP_NUMBER', policy: 'CHEAPEST' } }),
 *       faultEndpoint: { place: 'create', lookup: 'order' },
 *       teardown: () => simulator.stop(),
 *       // optional: makeHandle, unknownProviderRef, errorCodes, readyFor, webhook, and what the
 *       // provider's document declares: lookupCanAnswerAbsent, cancelSettlesLater + settleLater
 *     };
 *   });
 *
 * Every case runs on a fresh setup, so faults, rate-limit pauses and health never leak between cases.
 *
 * Cases that do not apply to a provider (an operation it does not declare, a push it does not send)
 * are reported as skipped, not silently passed.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AmbiguousOutcomeError, ProviderFailure, ServiceUnavailableError, SwitchboardError } from '../../src/domain/errors.ts';
import { Money } from '../../src/domain/money.ts';
import { ORDER_KINDS } from '../../src/domain/order-kind.ts';
import { ORDER_STATUSES } from '../../src/domain/order-status.ts';
import { WebhookRejectedError } from '../../src/domain/provider.ts';
import type {
  OrderHandle,
  OrderIntent,
  OrderSnapshot,
  PlaceOrderRequest,
  ProviderAdapter,
  ProviderOffer,
  ProviderOperation,
  WebhookRequest,
} from '../../src/domain/provider.ts';
import type { ProviderSimulator } from '../../src/providers/shared/simulator-contract.ts';

/** What one provider hands the suite for one case: a fresh simulator and an adapter pointed at it. */
export interface AdapterContractSetup {
  readonly adapter: ProviderAdapter;
  /** Already started. */
  readonly simulator: ProviderSimulator;
  /** An offer in stock and the intent that buys it (the suite places it, so every call spends). */
  buyable(): Promise<{ offer: ProviderOffer; intent: OrderIntent }>;
  /** The simulator's endpoint names (for injectFault) of the place call and of a lookup by provider ref. */
  readonly faultEndpoint: { readonly place: string; readonly lookup: string };
  /** The handle the core would store after `place` answered `snapshot` (default: defaultHandle). */
  makeHandle?(snapshot: OrderSnapshot, request: PlaceOrderRequest): OrderHandle;
  /** A provider ref in the adapter's format that the simulator has never issued (default '987654321'). */
  readonly unknownProviderRef?: string;
  /** The provider's own error codes for the injected `error` faults (defaults: smscode-style names). */
  readonly errorCodes?: { readonly unavailable?: string; readonly internal?: string; readonly rateLimited?: string };
  /**
   * Brings a placed order where `operation` applies (advance the clock past a cancel lock, deliver an
   * SMS before complete…). Default: nothing.
   */
  readyFor?(operation: ProviderOperation, order: OrderHandle): Promise<void>;
  /**
   * Whether the provider's API can say "no such order" definitely (default true). False where it
   * cannot (easysoft: its only failure answer is a free-text STATUS 0, the same for an unknown order,
   * a bad login or a busy system): a ref it never issued must then look up as `unknown`, never `absent`.
   */
  readonly lookupCanAnswerAbsent?: boolean;
  /**
   * Whether cancel only starts something whose result arrives later (default false). True where the
   * document says so (easysoft `mobile=return`: STATUS 1 only means the request was taken): cancel
   * must answer ACTIVE with no refund, and after `settleLater` a lookup settles it, with the refund
   * on the provider's books.
   */
  readonly cancelSettlesLater?: boolean;
  /** With cancelSettlesLater: brings the provider to the result of what was started (e.g. its clock past the documented delay). */
  settleLater?(order: OrderHandle): Promise<void>;
  /** Providers that push: makes the simulator send a genuine push about this order and returns it as received. */
  readonly webhook?: { deliver(providerRef: string): Promise<WebhookRequest> };
  teardown(): Promise<void>;
}

/** Every operation the contract knows (ProviderOperations), so an unexpected key is caught. */
export const PROVIDER_OPERATIONS: readonly ProviderOperation[] = [
  'cancel',
  'refund',
  'complete',
  'resend',
  'activeOrders',
  'history',
  'countries',
  'publishedRates',
];

/** The handle the core stores for a placed order: request facts, the snapshot's ref/price/providerData. */
export function defaultHandle(snapshot: OrderSnapshot, request: PlaceOrderRequest, createdAt: Date): OrderHandle {
  return {
    kind: request.intent.kind,
    reference: request.reference,
    providerRef: snapshot.providerRef,
    offerRef: request.offerRef,
    intent: request.intent,
    maxPrice: request.maxPrice,
    price: snapshot.price,
    providerData: snapshot.providerData ?? {},
    createdAt,
  };
}

/** A fresh gateway reference (`[A-Za-z0-9_-]`, ≤ 64). */
export function newReference(label = 'contract'): string {
  return `${label}-${randomBytes(8).toString('hex')}`;
}

/** Runs the adapter contract for one provider: one `describe` with every case. */
export function describeAdapterContract(name: string, setup: () => Promise<AdapterContractSetup>): void {
  describe(`${name}: adapter contract`, () => {
    let s: AdapterContractSetup;
    let adapter: ProviderAdapter;
    let simulator: ProviderSimulator;

    beforeEach(async () => {
      s = await setup();
      adapter = s.adapter;
      simulator = s.simulator;
    });

    afterEach(async () => {
      await adapter.close?.();
      await s.teardown();
    });

    const codes = () => ({
      unavailable: s.errorCodes?.unavailable ?? 'SERVICE_UNAVAILABLE',
      internal: s.errorCodes?.internal ?? 'INTERNAL_ERROR',
      rateLimited: s.errorCodes?.rateLimited ?? 'RATE_LIMIT_EXCEEDED',
    });
    const charges = () => simulator.ledger.filter((entry) => entry.kind === 'charge').length;

    /** A spending request for the buyable offer. */
    async function purchase(): Promise<PlaceOrderRequest> {
      const { offer, intent } = await s.buyable();
      return { offerRef: offer.providerRef, intent, maxPrice: null, reference: newReference(), callbackUrl: null };
    }

    function handleOf(snapshot: OrderSnapshot, request: PlaceOrderRequest, createdAt: Date): OrderHandle {
      return s.makeHandle ? s.makeHandle(snapshot, request) : defaultHandle(snapshot, request, createdAt);
    }

    /** Places the buyable offer and answers the snapshot and the handle the core would keep. */
    async function placed(): Promise<{ request: PlaceOrderRequest; snapshot: OrderSnapshot; handle: OrderHandle }> {
      const request = await purchase();
      const createdAt = new Date(simulator.now());
      const snapshot = await adapter.place(request);
      return { request, snapshot, handle: handleOf(snapshot, request, createdAt) };
    }

    /** The error `promise` rejects with (fails the case when it resolves). */
    async function rejection(promise: Promise<unknown>): Promise<unknown> {
      return promise.then(
        (value) => expect.unreachable(`expected a rejection, got ${JSON.stringify(value)}`),
        (error: unknown) => error,
      );
    }

    // Reads may be retried by the transport: enough copies that every try meets the fault (leftovers cleared).
    function injectReadFault(status: number, code: string): void {
      for (let i = 0; i < 3; i++) simulator.injectFault({ endpoint: s.faultEndpoint.lookup, kind: 'error', status, code, retryAfterSeconds: 1 });
    }

    function expectMoneyIn(money: unknown, currency: string): void {
      expect(money).toBeInstanceOf(Money);
      const m = money as Money;
      expect(m.currency).toBe(currency);
      // Exact: the decimal text reads back as the same amount (no float drift, no NaN).
      expect(m.toString()).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Money.of(m.toString(), m.currency).compare(m)).toBe(0);
    }

    describe('catalog', () => {
      it('offers are non-empty, keyed, of a declared kind and priced exactly in the provider currency', async () => {
        expect(adapter.kinds.length).toBeGreaterThan(0);
        for (const kind of adapter.kinds) expect(ORDER_KINDS).toContain(kind);
        const offers = await adapter.offers();
        expect(offers.length).toBeGreaterThan(0);
        for (const offer of offers) {
          expect(offer.serviceKey).toMatch(/\S/);
          expect(offer.providerRef).toMatch(/\S/);
          expect(adapter.kinds).toContain(offer.details.kind);
          expectMoneyIn(offer.price, adapter.currency);
          if (offer.available !== null) expect(Number.isInteger(offer.available) && offer.available >= 0).toBe(true);
        }
        const refs = offers.map((o) => o.providerRef);
        expect(new Set(refs).size).toBe(refs.length);
      });

      it('the buyable offer is in the catalog, in stock', async () => {
        const { offer, intent } = await s.buyable();
        expect(offer.available).not.toBe(0);
        expect(intent.kind).toBe(offer.details.kind);
        expect((await adapter.offers()).map((o) => o.providerRef)).toContain(offer.providerRef);
      });
    });

    describe('place', () => {
      it('answers a live snapshot with the provider ref, priced in the provider currency, and charges once', async () => {
        const before = charges();
        const { snapshot } = await placed();
        expect(snapshot.providerRef).toMatch(/\S/);
        expect(['ACTIVE', 'OTP_RECEIVED', 'COMPLETED']).toContain(snapshot.status);
        expect(snapshot.providerStatus).toMatch(/\S/);
        // The price, when the answer says it (the contract allows null), is exact and in the provider currency.
        if (snapshot.price !== null) expectMoneyIn(snapshot.price, adapter.currency);
        expect(charges() - before).toBe(1);
      });

      it('simulator down → ServiceUnavailableError, nothing sent and nothing charged', async () => {
        const request = await purchase();
        const sent = simulator.requests.length;
        await simulator.stop();
        // Let the client see its pooled keep-alive sockets close: a POST written on a socket the server
        // had just closed is honestly ambiguous; "down" means nothing answers a new connection.
        await new Promise((resolve) => setTimeout(resolve, 20));
        const error = await rejection(adapter.place(request));
        expect(error).toBeInstanceOf(ServiceUnavailableError);
        expect(simulator.requests.length).toBe(sent);
        expect(charges()).toBe(0);
      });

      it('dropAfterCommit → AmbiguousOutcomeError (never a ProviderFailure), exactly one charge', async () => {
        const request = await purchase();
        simulator.injectFault({ endpoint: s.faultEndpoint.place, kind: 'dropAfterCommit' });
        const error = await rejection(adapter.place(request));
        expect(error).toBeInstanceOf(AmbiguousOutcomeError);
        expect(error).not.toBeInstanceOf(ProviderFailure);
        // The work was done once and the adapter never sent it again on its own.
        expect(charges()).toBe(1);
      });

      it('malformedAfterCommit → AmbiguousOutcomeError, exactly one charge', async () => {
        const request = await purchase();
        simulator.injectFault({ endpoint: s.faultEndpoint.place, kind: 'malformedAfterCommit' });
        const error = await rejection(adapter.place(request));
        expect(error).toBeInstanceOf(AmbiguousOutcomeError);
        expect(charges()).toBe(1);
      });

      it.each([
        [503, 'unavailable'],
        [500, 'internal'],
      ] as const)('an injected %i error → a typed error, nothing charged', async (status, code) => {
        const request = await purchase();
        simulator.injectFault({ endpoint: s.faultEndpoint.place, kind: 'error', status, code: codes()[code] });
        const error = await rejection(adapter.place(request));
        // A definite refusal or an honest "unknown": never a bare Error the core cannot classify.
        expect(error).toBeInstanceOf(SwitchboardError);
        expect(error instanceof ProviderFailure || error instanceof AmbiguousOutcomeError).toBe(true);
        expect(charges()).toBe(0);
      });
    });

    describe('lookup', () => {
      it('by provider ref → found, the same order', async () => {
        const { snapshot, handle } = await placed();
        const result = await adapter.lookup(handle);
        expect(result.outcome).toBe('found');
        if (result.outcome !== 'found') return;
        expect(result.snapshot.providerRef).toBe(snapshot.providerRef);
        expect(ORDER_STATUSES).toContain(result.snapshot.status);
        if (result.snapshot.price !== null) expectMoneyIn(result.snapshot.price, adapter.currency);
      });

      const absentCase = () => s.lookupCanAnswerAbsent ?? true;
      it('a provider ref the provider never issued → absent (or unknown, never absent, where the API cannot say "no such order")', async () => {
        const request = await purchase();
        const ghost: OrderSnapshot = {
          providerRef: s.unknownProviderRef ?? '987654321',
          status: 'ACTIVE',
          providerStatus: 'ACTIVE',
          price: null,
          refund: null,
          failedReason: null,
        };
        const result = await adapter.lookup(handleOf(ghost, request, new Date(simulator.now())));
        // Declared: an "absent" here would fail an order the provider may well have (nothing can tell it apart).
        expect(result.outcome).toBe(absentCase() ? 'absent' : 'unknown');
        expect(charges()).toBe(0);
      });

      it.each([
        [429, 'rateLimited'],
        [503, 'unavailable'],
      ] as const)('an injected %i → unknown (never absent, never thrown)', async (status, code) => {
        const { handle } = await placed();
        injectReadFault(status, codes()[code]);
        const result = await adapter.lookup(handle);
        simulator.clearFaults();
        expect(result.outcome).toBe('unknown');
      });
    });

    describe('operations', () => {
      it('declares only operations of the contract, each a function (undeclared = absent, not a stub)', () => {
        for (const [key, value] of Object.entries(adapter.operations)) {
          expect(PROVIDER_OPERATIONS).toContain(key);
          expect(typeof value).toBe('function');
        }
      });

      /** Skips the case when the adapter does not declare `operation`. */
      function declared(operation: ProviderOperation, skip: (note?: string) => void): void {
        if (typeof adapter.operations[operation] !== 'function') skip(`${name} does not declare ${operation}`);
      }

      async function readyOrder(operation: ProviderOperation): Promise<{ snapshot: OrderSnapshot; handle: OrderHandle }> {
        const order = await placed();
        await s.readyFor?.(operation, order.handle);
        return order;
      }

      for (const operation of ['cancel', 'refund', 'complete'] as const) {
        it(`${operation} on a placed order → a status, and a refund in the provider currency when there is one`, async (ctx) => {
          declared(operation, ctx.skip);
          const { handle } = await readyOrder(operation);
          const outcome = await adapter.operations[operation]!(handle);
          expect(ORDER_STATUSES).toContain(outcome.status);
          if (outcome.refund !== null) {
            expectMoneyIn(outcome.refund, adapter.currency);
            // The money said to come back is on the provider's books.
            const refund = outcome.refund;
            const booked = simulator.ledger.filter((e) => e.kind === 'refund' && Money.of(e.amount, adapter.currency).compare(refund) === 0);
            expect(booked.length).toBeGreaterThan(0);
          }
          if (operation === 'cancel' && s.cancelSettlesLater) {
            // Only started: still open, nothing refunded yet…
            expect(outcome.status).toBe('ACTIVE');
            expect(outcome.refund).toBeNull();
            if (!s.settleLater) throw new Error(`${name} declares cancelSettlesLater without settleLater`);
            // …until the provider's result is out, which a later lookup reads, refund and all.
            await s.settleLater(handle);
            const later = await adapter.lookup(handle);
            expect(later.outcome).toBe('found');
            if (later.outcome !== 'found') return;
            expect(['CANCELED', 'REFUNDED', 'FAILED']).toContain(later.snapshot.status);
            expectMoneyIn(later.snapshot.refund, adapter.currency);
            const refund = later.snapshot.refund!;
            expect(simulator.ledger.some((e) => e.kind === 'refund' && Money.of(e.amount, adapter.currency).compare(refund) === 0)).toBe(true);
          } else if (operation === 'cancel') expect(['CANCELED', 'REFUNDED']).toContain(outcome.status);
          if (operation === 'refund') expect(outcome.status).toBe('REFUNDED');
          if (operation === 'complete') expect(outcome.status).toBe('COMPLETED');
        });
      }

      it('resend on a placed order → whether it was resent', async (ctx) => {
        declared('resend', ctx.skip);
        const { handle } = await readyOrder('resend');
        const outcome = await adapter.operations.resend!(handle);
        expect(typeof outcome.resent).toBe('boolean');
      });

      it('activeOrders includes a live placed order', async (ctx) => {
        declared('activeOrders', ctx.skip);
        const { snapshot } = await placed();
        const active = await adapter.operations.activeOrders!();
        expect(active.map((o) => o.providerRef)).toContain(snapshot.providerRef);
        for (const order of active) expect(ORDER_STATUSES).toContain(order.status);
      });

      it('history lists a placed order within its window', async (ctx) => {
        declared('history', ctx.skip);
        // The window is on the provider's clock (the simulator's), which a test may have moved.
        const from = new Date(simulator.now() - 60 * 60_000);
        const { snapshot } = await placed();
        const listed = await adapter.operations.history!({ from, to: new Date(simulator.now() + 60 * 60_000) });
        expect(listed.map((o) => o.providerRef)).toContain(snapshot.providerRef);
      });

      it('countries are ISO alpha-2 codes', async (ctx) => {
        declared('countries', ctx.skip);
        const countries = await adapter.operations.countries!();
        expect(countries.length).toBeGreaterThan(0);
        for (const country of countries) expect(country.code).toMatch(/^[A-Z]{2}$/);
      });

      it('publishedRates involve the provider currency, as decimal strings', async (ctx) => {
        declared('publishedRates', ctx.skip);
        const rates = await adapter.operations.publishedRates!();
        expect(rates.length).toBeGreaterThan(0);
        for (const rate of rates) {
          expect([rate.base, rate.quote]).toContain(adapter.currency);
          expect(rate.rate).toMatch(/^\d+(\.\d+)?$/);
          expect(rate.asOf).toBeInstanceOf(Date);
        }
      });
    });

    describe('health', () => {
      it('DEGRADED or DOWN after failed calls, DOWN after several in a row, UP after a success', async () => {
        const { handle } = await placed();
        expect(adapter.health().status).toBe('UP');
        for (let i = 0; i < 3; i++) {
          injectReadFault(503, codes().unavailable);
          expect((await adapter.lookup(handle)).outcome).toBe('unknown');
          simulator.clearFaults();
          expect(['DEGRADED', 'DOWN']).toContain(adapter.health().status);
        }
        expect(adapter.health().status).toBe('DOWN');
        expect(adapter.health().detail).toMatch(/\S/);
        expect((await adapter.lookup(handle)).outcome).toBe('found');
        expect(adapter.health()).toMatchObject({ status: 'UP', checkedAt: expect.any(Date) });
      });
    });

    describe('webhook', () => {
      it('a genuine push → an update for that order, the same deliveryId for the same bytes', async (ctx) => {
        if (!s.webhook || !adapter.webhook) ctx.skip(`${name} does not push`);
        const { request, snapshot } = await placed();
        const push = await s.webhook!.deliver(snapshot.providerRef);
        const result = adapter.webhook!.receive(push);
        const update = result.updates.find((u) => u.providerRef === snapshot.providerRef || u.reference === request.reference);
        expect(update).toBeDefined();
        expect(update!.deliveryId).toMatch(/\S/);
        expect(update!.event).toMatch(/\S/);
        if (update!.snapshot) expect(ORDER_STATUSES).toContain(update!.snapshot.status);
        expect(result.reply.status).toBeGreaterThanOrEqual(200);
        expect(result.reply.status).toBeLessThan(300);

        // The same bytes again (a replayed delivery) → the same id, so the core applies it once.
        const again = adapter.webhook!.receive({ rawBody: push.rawBody, headers: new Headers(push.headers), url: new URL(push.url) });
        expect(again.updates.map((u) => u.deliveryId)).toEqual(result.updates.map((u) => u.deliveryId));
      });

      it('a tampered body is refused (signed pushes), or applied only after a lookup (path-token pushes)', async (ctx) => {
        if (!s.webhook || !adapter.webhook) ctx.skip(`${name} does not push`);
        const { snapshot } = await placed();
        const push = await s.webhook!.deliver(snapshot.providerRef);
        const tampered: WebhookRequest = { ...push, rawBody: tamper(push.rawBody) };
        if (adapter.webhook!.authentication === 'signature') {
          expect(() => adapter.webhook!.receive(tampered)).toThrow(WebhookRejectedError);
          expect(() => adapter.webhook!.receive({ ...push, rawBody: `${push.rawBody} ` })).toThrow(WebhookRejectedError);
        } else {
          // Nothing in the body can be trusted: the route checks the path token, the core confirms by lookup.
          expect(adapter.webhook!.pathToken).toMatch(/\S/);
          for (const update of adapter.webhook!.receive(push).updates) expect(update.confirm).toBe(true);
        }
      });
    });
  });
}

/** The body with one character changed (the last digit, else the last character). */
function tamper(body: string): string {
  const index = body.search(/\d(?!.*\d)/s);
  if (index >= 0) return `${body.slice(0, index)}${(Number(body[index]) + 1) % 10}${body.slice(index + 1)}`;
  return `${body.slice(0, -1)}${body.endsWith('x') ? 'y' : 'x'}`;
}
