import type { SimulatorFault } from '../simulator-contract.ts';
import type { TimerSet } from './timers.ts';

/** The least a queued fault has: the endpoint it applies to and its kind. */
export interface FaultLike {
  readonly endpoint: string;
  readonly kind: string;
}

/** What a provider's queue accepts: its endpoint names, its messages, and optionally its kinds and spelling fixes. */
export interface FaultQueueRules<In extends FaultLike, Out extends FaultLike> {
  /** The endpoint names a fault may target (a set, or a test evaluated on every add). */
  endpoints: ReadonlySet<string> | ((name: string) => boolean);
  /** The RangeError message for a fault naming an unknown endpoint. */
  unknownEndpoint(name: string): string;
  /** When given, the only kinds accepted (RangeError `unknown fault kind "…"` otherwise). */
  kinds?: ReadonlySet<string>;
  /** Turns an accepted fault into the one queued (e.g. an older spelling of a kind); default: queued as given. */
  normalize?(fault: In): Out;
}

/** Injected faults in injection order, each for the next request to its endpoint (`error` needs a status 100–599, `delay` ms >= 0). */
export class FaultQueue<In extends FaultLike, Out extends FaultLike = In & FaultLike> {
  readonly #rules: FaultQueueRules<In, Out>;
  #faults: Out[] = [];

  /** An empty queue that validates with `rules`. */
  constructor(rules: FaultQueueRules<In, Out>) {
    this.#rules = rules;
  }

  /** Queues a fault after validating it. */
  add(fault: In): void {
    const { endpoints, kinds, normalize } = this.#rules;
    const known = typeof endpoints === 'function' ? endpoints(fault.endpoint) : endpoints.has(fault.endpoint);
    if (!known) throw new RangeError(this.#rules.unknownEndpoint(fault.endpoint));
    if (kinds && !kinds.has(fault.kind)) throw new RangeError(`unknown fault kind ${JSON.stringify(fault.kind)}`);
    const queued = normalize ? normalize(fault) : (fault as unknown as Out);
    const shape = queued as unknown as { kind: string; status?: number; ms?: number };
    if (shape.kind === 'error' && (!Number.isInteger(shape.status) || (shape.status ?? 0) < 100 || (shape.status ?? 0) > 599)) {
      throw new RangeError(`fault status must be an HTTP status, got ${shape.status}`);
    }
    if (shape.kind === 'delay' && (!Number.isFinite(shape.ms) || (shape.ms ?? 0) < 0)) throw new RangeError('fault delay must be >= 0 ms');
    this.#faults.push(queued);
  }

  /** Removes and returns the oldest fault for `endpoint`, if any. */
  take(endpoint: Out['endpoint']): Out | undefined {
    const index = this.#faults.findIndex((f) => f.endpoint === endpoint);
    return index === -1 ? undefined : this.#faults.splice(index, 1)[0];
  }

  /** Drops every pending fault. */
  clear(): void {
    this.#faults = [];
  }
}

/** What an answer becomes once the work is done, by the fault taken for its request. */
export type CommitStep =
  /** Answer as usual. */
  | 'answer'
  /** Destroy the socket without answering (`dropAfterCommit`). */
  | 'drop'
  /** Answer HTTP 200 with the body cut short (`malformedAfterCommit`, see {@link halfBody}). */
  | 'malformed';

/** Waits out a `delay` fault on the simulator's timers, then tells what the answer must become. */
export async function afterCommit(fault: FaultLike | undefined, timers: TimerSet): Promise<CommitStep> {
  if (fault?.kind === 'delay') await timers.wait((fault as Extract<SimulatorFault, { kind: 'delay' }>).ms);
  if (fault?.kind === 'dropAfterCommit') return 'drop';
  if (fault?.kind === 'malformedAfterCommit') return 'malformed';
  return 'answer';
}

/** The first half of a body (at least one character): what `malformedAfterCommit` sends, never parseable. */
export function halfBody(body: string): string {
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}

/** The `retry-after` header an `error` fault asks for, or none. */
export function retryAfterHeaders(fault: { retryAfterSeconds?: number }): Record<string, string> {
  return fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
}
