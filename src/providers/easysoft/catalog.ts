import { ValidationError } from '../../domain/errors.ts';
import { Money } from '../../domain/money.ts';
import type { ProviderOffer } from '../../domain/provider.ts';
import { NETWORKS, NETWORK_IDS } from './wire.ts';
import type { NetworkId } from './wire.ts';

/**
 * easysoft's catalog: one offer per network of the document (`network` 1..7). The document sells
 * airtime by face value chosen per order (`cash`), so an offer is a network and the intent carries
 * the amount.
 */

/** Network number → canonical network key (the `mobile:<key>` service key of every provider). */
export const NETWORK_KEYS = {
  1: 'AIS',
  2: 'DTAC',
  3: 'TRUEH',
  4: 'TOT3G',
  5: 'MY',
  6: 'FEELS',
  7: 'PENGUIN',
} as const satisfies Record<NetworkId, string>;
export type NetworkKey = (typeof NETWORK_KEYS)[NetworkId];

const COMMON_AMOUNTS = ['10', '20', '30', '40', '50', '60', '70', '80', '90', '100', '150', '200', '300', '500', '800', '1000'];

/**
 * The face values (whole THB) accepted per network. The document lists none, so this is a
 * configuration default (the adapter's `amounts` option overrides it): the denominations Thai
 * prepaid operators sell, the same table the sandbox simulator seeds. An amount outside the
 * table is refused before anything is sent; one the provider refuses anyway is a STATUS 0.
 */
export const DEFAULT_AMOUNTS: Readonly<Record<NetworkId, readonly string[]>> = {
  1: COMMON_AMOUNTS,
  2: COMMON_AMOUNTS,
  3: COMMON_AMOUNTS,
  4: ['50', '100', '200', '300', '500', '1000'],
  5: ['10', '20', '50', '100', '150', '200', '300', '500', '1000'],
  6: ['10', '20', '50', '100', '200', '300', '500'],
  7: ['10', '20', '50', '100', '200', '300', '500', '1000'],
};

/** What `cash` may carry: whole baht, as the document's example `cash=10` (wire.ts CashField). */
const WHOLE_BAHT = /^[1-9]\d{0,5}$/;

/** The per-network amounts of the option, validated (whole baht), defaults for the networks it leaves out. */
export function amountTable(overrides: Partial<Record<NetworkId, readonly string[]>> = {}): Record<NetworkId, readonly string[]> {
  const table = {} as Record<NetworkId, readonly string[]>;
  for (const id of NETWORK_IDS) {
    const amounts = overrides[id] ?? DEFAULT_AMOUNTS[id];
    if (amounts.length === 0) throw new RangeError(`easysoft network ${id}: at least one amount is needed`);
    for (const amount of amounts) {
      if (!WHOLE_BAHT.test(amount)) throw new RangeError(`easysoft network ${id}: amount ${JSON.stringify(amount)} is not whole baht`);
    }
    table[id] = [...new Set(amounts)].sort((a, b) => Number(a) - Number(b));
  }
  return table;
}

/** The offer ref of a network: `network:<1..7>`. */
export function offerRefOf(network: NetworkId): string {
  return `network:${network}`;
}

/** The network of an offer ref made by offerRefOf. */
export function networkOfOfferRef(offerRef: string): NetworkId {
  const match = /^network:([1-7])$/.exec(offerRef);
  if (!match) throw new ValidationError(`Not an easysoft offer ref: ${offerRef}`, 'offerRef');
  return Number(match[1]) as NetworkId;
}

/**
 * The network an intent names: its canonical key (`AIS`, `TRUEH`…), the document's name (`TRUE H`)
 * or number (`3`), case and spaces aside; null for anything else.
 */
export function networkOfIntent(name: string): NetworkId | null {
  const squeezed = name.replace(/\s+/g, '').toUpperCase();
  for (const id of NETWORK_IDS) {
    if (squeezed === String(id) || squeezed === NETWORK_KEYS[id] || squeezed === NETWORKS[id].replace(/\s+/g, '').toUpperCase()) return id;
  }
  return null;
}

/**
 * The seven offers. Price: the face value is chosen per order, so an offer's price is its smallest
 * amount (the intent's `amount` is what is bought); `online` comes from `online=1` (null when that
 * answer did not say), and a closed network is offered with 0 available.
 */
export function offersOf(amounts: Readonly<Record<NetworkId, readonly string[]>>, online: ReadonlyMap<NetworkId, boolean | null>): ProviderOffer[] {
  return NETWORK_IDS.map((id) => {
    const list = amounts[id];
    return {
      serviceKey: `mobile:${NETWORK_KEYS[id]}`,
      name: `${NETWORKS[id]} mobile top-up`,
      providerRef: offerRefOf(id),
      price: Money.of(list[0]!, 'THB'),
      // A closed network sells nothing now: 0 lets routing skip it; otherwise the document gives no stock.
      available: online.get(id) === false ? 0 : null,
      details: { kind: 'MOBILE_TOPUP', network: NETWORK_KEYS[id], online: online.get(id) ?? null, amounts: [...list] },
    };
  });
}
