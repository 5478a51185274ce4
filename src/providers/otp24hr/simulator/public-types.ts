import type { SimulatorFault } from '../../shared/simulator-contract.ts';

/** Every documented endpoint, named for fault injection and the request log (`unknown` = no such route). */
export type Otp24hrEndpoint = 'services' | 'balance' | 'buy' | 'status' | 'cancel' | 'complete' | 'orders';

/** The endpoint names, in the document's order. */
export const OTP24HR_ENDPOINTS: readonly Otp24hrEndpoint[] = ['services', 'balance', 'buy', 'status', 'cancel', 'complete', 'orders'];

/** A scripted misbehaviour of the next request to one OTP24HR endpoint (see SimulatorFault for the kinds). */
export type Otp24hrFault = SimulatorFault & { endpoint: Otp24hrEndpoint };

/** Order statuses of the document (`status.php`: waiting / success / cancel / timeout). */
export type Otp24hrOrderStatus = 'waiting' | 'success' | 'cancel' | 'timeout';

/**
 * Which HTTP status an `{ok:false}` answer carries. The document names none: `conventional` maps each error
 * code to a fitting 4xx/5xx (table in api-errors.ts), `always200` answers every error with HTTP 200, as many
 * PHP backends do. A client must decide on the `ok` field either way.
 */
export type Otp24hrErrorStatusMode = 'conventional' | 'always200';

/** One request the simulator received (`status` 0 when the socket was dropped without an answer). */
export interface Otp24hrRequestRecord {
  endpoint: Otp24hrEndpoint | 'unknown';
  method: string;
  /** Path without the query string (which may hold the API key). */
  path: string;
  status: number;
  /** Simulator clock, ms since epoch. */
  at: number;
  /** The API key the request authenticated with, or null when it did not authenticate. */
  apiKey: string | null;
}
