import { NoOfferAvailableError, ServiceUnavailableError, SwitchboardError, ValidationError } from '../../domain/errors.ts';
import { Money } from '../../domain/money.ts';
import type { LookupResult, OrderHandle, OrderSnapshot, PlaceOrderRequest, ProviderAdapter } from '../../domain/provider.ts';
import type { Logger } from '../../logging/logger.ts';
import type { BudgetLimit } from '../shared/request-budget.ts';
import { TtlCache } from '../shared/ttl-cache.ts';
import { NETWORK_KEYS, amountTable, networkOfIntent, networkOfOfferRef, offersOf } from './catalog.ts';
import { EasysoftClient } from './client.ts';
import type { EasysoftGroup, NetworkStates } from './client.ts';
import { cashOf, orderIdOf, thaiMobileNumber } from './intent.ts';
import { snapshotOfRefill, snapshotOfUpdate } from './order-snapshots.ts';
import { PATH_TOKEN, parseEasysoftCallback } from './webhook.ts';
import { NETWORKS } from './wire.ts';
import type { NetworkId } from './wire.ts';

export interface EasysoftAdapterOptions {
  /** The one API URL (default https://easysoft.in.th/topup/api/v2.php). */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** The secret path token of the callback route (≥ 16 of `[A-Za-z0-9_-]`). */
  readonly callbackToken: string;
  /** Face values per network (whole THB); default DEFAULT_AMOUNTS (the document lists none). */
  readonly amounts?: Partial<Record<NetworkId, readonly string[]>>;
  /** How long an `online=1` answer is trusted (default 30 s). */
  readonly onlineTtlMs?: number;
  readonly timeouts?: { readonly read?: number; readonly write?: number };
  readonly limits?: Partial<Record<EasysoftGroup, BudgetLimit>>;
  readonly maxBudgetWaitMs?: number;
  readonly logger?: Logger;
  readonly now?: () => number;
  readonly fetch?: typeof fetch;
}

/** The easysoft adapter, with its request counters. */
export interface EasysoftAdapter extends ProviderAdapter {
  stats(): Record<EasysoftGroup, number>;
}

const DEFAULT_ONLINE_TTL_MS = 30_000;

/**
 * easysoft TOPUP API V2: Thai mobile airtime (networks 1..7), THB. Supports offers (one per network),
 * place (`mobile=refill`, validated before sending), lookup by ORDERID (`mobile=update`), cancel
 * (`mobile=return`, settled later), balance (`amount=1`) and the result callback (path token, hints
 * only). No complete, refund or resend.
 */
export function createEasysoftAdapter(options: EasysoftAdapterOptions): EasysoftAdapter {
  if (!PATH_TOKEN.test(options.callbackToken)) throw new RangeError('easysoft callback token must be 16-128 characters of A-Z a-z 0-9 _ -');
  const client = new EasysoftClient(options);
  const amounts = amountTable(options.amounts);
  const online = new TtlCache<NetworkStates>({ ttlMs: options.onlineTtlMs ?? DEFAULT_ONLINE_TTL_MS, ...(options.now ? { now: options.now } : {}) });
  const networkStates = (): Promise<NetworkStates> => online.get('online', () => client.online());

  async function place(request: PlaceOrderRequest): Promise<OrderSnapshot> {
    const { intent } = request;
    if (intent.kind !== 'MOBILE_TOPUP') throw new ValidationError(`easysoft sells mobile top-ups only, not ${intent.kind}`, 'kind');
    const network = networkOfOfferRef(request.offerRef);
    const named = networkOfIntent(intent.network);
    if (named !== network) throw new ValidationError(`The intent's network ${JSON.stringify(intent.network)} is not this offer's (${NETWORK_KEYS[network]})`, 'network');
    const number = thaiMobileNumber(intent.phoneNumber);
    const cash = cashOf(intent.amount, amounts[network], NETWORKS[network]);
    const orderid = orderIdOf(request.reference);
    if (request.maxPrice) {
      if (request.maxPrice.currency !== 'THB') throw new ValidationError(`easysoft prices are in THB, the cap is in ${request.maxPrice.currency}`, 'maxPrice');
      // What the refill deducts is only known afterwards; the face value is the most it can be.
      if (Money.of(cash, 'THB').compare(request.maxPrice) > 0) {
        throw new NoOfferAvailableError({ provider: 'EASYSOFT', providerCode: 'ABOVE_MAX_PRICE', message: `A ${cash} THB top-up is above the cap of ${request.maxPrice.toString()} THB` });
      }
    }
    // A closed network refuses refills: say so before anything is sent. If `online=1` itself fails,
    // that error (a ProviderFailure: nothing was sent) is the answer.
    if ((await networkStates()).get(network) === false) {
      throw new ServiceUnavailableError({ provider: 'EASYSOFT', providerCode: 'NETWORK_OFFLINE', message: `easysoft: ${NETWORKS[network]} is closed for refills right now (online=1 says 0)` });
    }
    const result = await client.refill({ network, number, cash, orderid });
    return snapshotOfRefill(result, { network: NETWORK_KEYS[network], networkNumber: network, number, cash, orderid });
  }

  return {
    id: 'EASYSOFT',
    name: 'easysoft',
    currency: 'THB',
    kinds: ['MOBILE_TOPUP'],
    async balance() {
      return client.balance();
    },
    health: () => client.health(),
    async offers() {
      return offersOf(amounts, await networkStates());
    },
    place,

    /**
     * With a provider ref: `mobile=update` → found. Never `absent`: the document's only failure is
     * STATUS 0 with free text (a bad login, a busy system and an unknown order look alike), and an
     * order with an ORDERID was created by easysoft itself; so STATUS 0, 429, 5xx, no connection or an
     * unreadable answer are all `unknown`. Without a provider ref (the refill's answer was lost):
     * easysoft has no lookup by our orderid, so `unknown`, every time — the order stays UNKNOWN for an
     * operator to settle from easysoft's report (our orderid is on the order).
     */
    async lookup(order: OrderHandle): Promise<LookupResult> {
      if (!order.providerRef) {
        const orderid = typeof order.providerData.orderid === 'string' ? order.providerData.orderid : order.reference;
        return { outcome: 'unknown', reason: `easysoft cannot look an order up by our orderid (${orderid}); an operator must settle it from easysoft's report` };
      }
      try {
        return { outcome: 'found', snapshot: snapshotOfUpdate(order.providerRef, await client.update(order.providerRef, { background: true })) };
      } catch (error) {
        if (!(error instanceof SwitchboardError)) throw error;
        return { outcome: 'unknown', reason: error.message };
      }
    },

    operations: {
      /**
       * `mobile=return`. STATUS 1 only says the request was taken: the cancel's result comes later
       * (a minute at the earliest for a refill that did not go through, 6–24 h for one that did, and it
       * may be refused), so the order stays ACTIVE with no refund until update or the callback says.
       */
      async cancel(order) {
        if (!order.providerRef) throw new ValidationError('This order has no easysoft ORDERID yet', 'orderId');
        await client.returnOrder(order.providerRef);
        return { status: 'ACTIVE', refund: null, providerStatus: 'RETURN_REQUESTED' };
      },
    },

    webhook: {
      authentication: 'path-token',
      pathToken: options.callbackToken,
      receive: (request) => parseEasysoftCallback(request),
    },
    stats: () => client.stats(),
  };
}
