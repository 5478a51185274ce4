import { Decimal } from 'decimal.js';
import type { NetworkId } from '../wire.ts';
import { NETWORK_IDS } from '../wire.ts';

/** What the sandbox sells on one network: the face values it takes and the reseller discount. */
export interface NetworkOffer {
  /** Face values accepted as `cash`, whole THB. */
  amounts: readonly number[];
  /** Reseller discount in percent of the face value, as decimal text (`3.00`). */
  discountPercent: string;
  /** Open for refills (`online=1` answers 1). */
  online: boolean;
}

const COMMON = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 150, 200, 300, 500, 800, 1000];

/** Seed: the denominations Thai prepaid operators sell and typical reseller discounts (the document lists neither). */
export const SEED_NETWORKS: Readonly<Record<NetworkId, Readonly<NetworkOffer>>> = {
  1: { amounts: COMMON, discountPercent: '3.00', online: true },
  2: { amounts: COMMON, discountPercent: '3.50', online: true },
  3: { amounts: COMMON, discountPercent: '3.00', online: true },
  4: { amounts: [50, 100, 200, 300, 500, 1000], discountPercent: '4.00', online: true },
  5: { amounts: [10, 20, 50, 100, 150, 200, 300, 500, 1000], discountPercent: '5.00', online: true },
  6: { amounts: [10, 20, 50, 100, 200, 300, 500], discountPercent: '5.00', online: true },
  7: { amounts: [10, 20, 50, 100, 200, 300, 500, 1000], discountPercent: '5.00', online: true },
};

/** The seed with per-network overrides, validated. */
export function buildNetworks(overrides: Partial<Record<NetworkId, Partial<NetworkOffer>>> = {}): Map<NetworkId, NetworkOffer> {
  const networks = new Map<NetworkId, NetworkOffer>();
  for (const id of NETWORK_IDS) {
    const offer = { ...SEED_NETWORKS[id], ...overrides[id] };
    for (const amount of offer.amounts) {
      if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`network ${id}: amounts must be positive whole THB`);
    }
    const percent = new Decimal(offer.discountPercent);
    if (percent.isNegative() || percent.gte(100)) throw new RangeError(`network ${id}: discountPercent must be in [0, 100)`);
    networks.set(id, { amounts: [...offer.amounts], discountPercent: offer.discountPercent, online: offer.online });
  }
  return networks;
}
