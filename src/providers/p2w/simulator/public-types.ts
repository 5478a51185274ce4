import type { LedgerEntry, SimulatorDelivery, SimulatorFault, SimulatorRequest } from '../../shared/simulator-contract.ts';

/** The document's endpoints, named for fault injection and request accounting. */
export type P2wEndpoint =
  /** POST {API_PREFIX}/orders */
  | 'createOrder'
  /** GET {API_PREFIX}/orders/:id */
  | 'getOrder';

/** A scripted misbehaviour of the next request to one P2W endpoint (the shared contract's fault kinds). */
export type P2wFault = SimulatorFault & { endpoint: P2wEndpoint };

/** An order's status as the simulator keeps it (the status table's spelling; the wire spells success `successed`). */
export type P2wOrderStatus = 'pending' | 'processing' | 'succeeded' | 'failed';

/** A status an order can be moved to by {@link P2wSimulator.advanceOrder}. */
export type P2wAdvanceStatus = Exclude<P2wOrderStatus, 'pending'>;

/** One game package the sandbox sells (P2W has no package list endpoint: this is configuration). */
export interface P2wPackage {
  /** `packageID` on the wire, e.g. `ROLTH_A01_P001`. */
  readonly id: string;
  /** Game (and region), e.g. `ROV Thailand`. */
  readonly game: string;
  /** What the player receives, e.g. `ROV 115 Coupons`. */
  readonly name: string;
  /** THB charged on create, a decimal string with at most 2 decimals (`"100.00"`). */
  readonly price: string;
  /** `topupInfo` keys the package needs, e.g. `["gameid", "server"]`. */
  readonly fields: readonly string[];
}

/** One request the simulator received (`status` 0 when the socket was dropped without an answer). */
export interface P2wRequestRecord extends SimulatorRequest {
  readonly endpoint: P2wEndpoint | 'unknown';
  /** `x-partner-id` as sent (null when absent). */
  readonly partnerId: string | null;
}

/** What the simulator knows about one order (for tests and the fault suite). */
export interface P2wOrderSnapshot {
  readonly orderID: string;
  readonly partnerId: string;
  readonly refID: string;
  readonly packageID: string;
  readonly topupInfo: Readonly<Record<string, string>>;
  readonly hookURL: string | null;
  readonly status: P2wOrderStatus;
  /** THB charged on create, 2 decimals. */
  readonly price: string;
  readonly reason: string;
  /** Simulator clock, ms since epoch. */
  readonly createdAt: number;
  /** Whether the price was given back (failed orders). */
  readonly refunded: boolean;
}

export type { LedgerEntry, SimulatorDelivery };
