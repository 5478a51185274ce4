import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LedgerEntry, SimulatorDelivery, SimulatorRequest } from '../simulator-contract.ts';
import { SimulatorClock } from './clock.ts';
import type { FaultLike, FaultQueue } from './fault-queue.ts';
import { HttpHost } from './http-host.ts';
import type { FailureAnswer } from './http-host.ts';
import type { PushSender } from './push-sender.ts';
import { RequestLog } from './request-log.ts';
import { TimerSet } from './timers.ts';

/** What a provider's simulator hands the shared half: names, URL path, fault rules, clock, pushes, sweep. */
export interface SimulatorBaseOptions<In extends FaultLike, Out extends FaultLike> {
  /** Provider name in log lines (`[<name> simulator] request failed`). */
  name: string;
  /** Path of the base URL after `http://127.0.0.1:<port>`. */
  basePath: string;
  /** The provider's fault queue (its endpoint names and messages). */
  faults: FaultQueue<In, Out>;
  /** Base clock; the simulator adds its own offset for advanceClock() (default Date.now). */
  now?: (() => number) | undefined;
  /** The provider's push sender, when it pushes (default none: `deliveries` stays empty). */
  pushes?: PushSender | null;
  /** While started, processDue() runs every this many real ms, so what falls due goes out when nobody calls (default none). */
  sweepMs?: number | null;
  /** The 500 answered when the handler throws (default a bare 500). */
  failureAnswer?: FailureAnswer;
}

const NO_DELIVERIES: ReadonlyArray<SimulatorDelivery> = Object.freeze([]);

/** The provider-independent half of a ProviderSimulator (HTTP host, clock, faults, request log, timers, pushes); subclasses add wire, ledger and processDue. */
export abstract class SimulatorBase<In extends FaultLike, Out extends FaultLike, R extends SimulatorRequest> {
  readonly #clock: SimulatorClock;
  readonly #timers = new TimerSet();
  readonly #faults: FaultQueue<In, Out>;
  readonly #log = new RequestLog<R>();
  readonly #host: HttpHost;
  readonly #pushes: PushSender | null;
  readonly #sweepMs: number | null;

  /** Wires the shared half; the provider builds its own state after this. */
  constructor(options: SimulatorBaseOptions<In, Out>) {
    this.#clock = new SimulatorClock(options.now ?? Date.now);
    this.#faults = options.faults;
    this.#pushes = options.pushes ?? null;
    this.#sweepMs = options.sweepMs ?? null;
    this.#host = new HttpHost({
      name: options.name,
      basePath: options.basePath,
      handle: (req, res) => this.handle(req, res),
      ...(options.failureAnswer ? { failureAnswer: options.failureAnswer } : {}),
    });
  }

  /** Real-time timers, all cleared on stop (the provider's context holds them too). */
  protected get timers(): TimerSet {
    return this.#timers;
  }

  /** Faults waiting for their endpoint's next request. */
  protected get faults(): FaultQueue<In, Out> {
    return this.#faults;
  }

  /** Every request received, for the provider's dispatcher to write to. */
  protected get log(): RequestLog<R> {
    return this.#log;
  }

  /** Answers one HTTP request in the provider's wire protocol. */
  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;

  /** Processes whatever became due on the simulator clock (expiries, refunds, results, pushes). */
  protected abstract processDue(): void | Promise<void>;

  /** Every charge and refund, in order. */
  abstract get ledger(): ReadonlyArray<LedgerEntry>;

  /** The base URL, once started. */
  get baseUrl(): string {
    return this.#host.baseUrl;
  }

  /** Every request received, in arrival order. */
  get requests(): ReadonlyArray<R> {
    return this.#log.entries;
  }

  /** Every push sent (always empty for a provider that pushes nothing). */
  get deliveries(): ReadonlyArray<SimulatorDelivery> {
    return this.#pushes?.deliveries ?? NO_DELIVERIES;
  }

  /** Listens on 127.0.0.1 (port 0 by default) and resolves the base URL; starts the sweep, if any. */
  async start(port = 0): Promise<string> {
    if (this.#host.running) return this.#host.baseUrl;
    const baseUrl = await this.#host.start(port);
    const sweepMs = this.#sweepMs;
    if (sweepMs !== null) this.#timers.every(sweepMs, () => void this.processDue());
    return baseUrl;
  }

  /** Clears every timer, aborts pushes in flight and closes the server. */
  async stop(): Promise<void> {
    this.#timers.clear();
    this.#pushes?.abortAll();
    await this.#host.stop();
  }

  /** Simulator clock, ms since epoch. */
  now(): number {
    return this.#clock.now();
  }

  /** Moves the clock forward and processes whatever became due before resolving. */
  async advanceClock(ms: number): Promise<void> {
    this.#clock.advance(ms);
    await this.processDue();
  }

  /** Queues a fault for the next request to its endpoint (RangeError for an unknown endpoint or a bad fault). */
  injectFault(fault: In): void {
    this.#faults.add(fault);
  }

  /** Drops every queued fault. */
  clearFaults(): void {
    this.#faults.clear();
  }

  /** Resolves once every push sent so far has been answered or has failed. */
  settleDeliveries(): Promise<void> {
    return this.#pushes ? this.#pushes.settled() : Promise.resolve();
  }
}
