import type { SimulatorFault } from '../../shared/simulator-contract.ts';
import type { NetworkId } from '../wire.ts';

/** The functions of the one API URL, named for fault injection and request accounting. */
export type EasysoftEndpoint =
  /** `mobile=refill`. */
  | 'refill'
  /** `mobile=update`. */
  | 'update'
  /** `mobile=return`. */
  | 'return'
  /** `amount=1`. */
  | 'balance'
  /** `online=1`. */
  | 'online';

/**
 * A scripted misbehaviour of the next request to one function; consumed in injection order. The contract's kinds:
 * `error` answers `<STATUS>0</STATUS><DETAIL>message ?? code</DETAIL>` with its HTTP status, doing no work;
 * `dropBeforeCommit` destroys the socket before any work; `dropAfterCommit` does the work (a refill is placed and
 * charged, a return is taken), then destroys the socket; `malformedAfterCommit` does the work, then answers HTTP 200
 * with the XML cut in the middle; `delay` does the work and answers after `ms` real milliseconds.
 */
export type EasysoftFault = SimulatorFault & { endpoint: EasysoftEndpoint };

/** How a refill ends: the airtime reached the number, or it did not (and the deduction is then returned). */
export type RefillOutcome = 'success' | 'fail';

/** How the cancel of a SUCCESSFUL refill ends (6–24 h later): reversed and refunded, or refused. */
export type ReversalOutcome = 'cancelled' | 'refused';

/** Where an order stands on the provider's books. */
export type EasysoftOrderPhase =
  /** Sent to the operator, no result yet (STATUS_REFILL 0, STATUS_CANCEL 0). */
  | 'pending'
  /** Airtime delivered (STATUS_REFILL 1). */
  | 'success'
  /** Not delivered; the cancel (refund) result is still to come (STATUS_REFILL 0, STATUS_CANCEL 0). */
  | 'failed'
  /** Cancelled and refunded (STATUS_CANCEL 1). */
  | 'cancelled';

/** A snapshot of one order. */
export interface EasysoftOrderStatus {
  readonly orderid: string;
  readonly phase: EasysoftOrderPhase;
  /** STATUS_REFILL as update answers it. */
  readonly statusRefill: '0' | '1';
  /** STATUS_CANCEL as update answers it. */
  readonly statusCancel: '0' | '1';
  /** A `mobile=return` was taken and its result is not out yet. */
  readonly cancelRequested: boolean;
  /** The reversal of a successful refill was refused (STATUS_CANCEL stays 0). */
  readonly reversalRefused: boolean;
  readonly network: NetworkId;
  readonly number: string;
  /** Face value, whole THB as decimal text (`10`). */
  readonly cash: string;
  /** THB deducted (REALAMOUNT), e.g. `9.70`. */
  readonly charged: string;
  /** THB off the face value (DISCOUNT), e.g. `0.30`. */
  readonly discount: string;
  /** `users` as sent, or the username. */
  readonly users: string;
  /** The caller's `orderid` on refill, if any. */
  readonly clientRef: string | null;
}
