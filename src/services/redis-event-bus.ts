import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { PubSubEventTarget } from '@graphql-yoga/subscription';
import type { Logger } from '../logging/logger.ts';
import { createEventBus, type EventBus, type EventBusStatus, type EventTopics } from './event-bus.ts';

export type RedisEventBus = EventBus & {
  /** Transport and whether Redis answers right now (for /readyz). */
  status(): EventBusStatus;
  /** Resolves once every publish sent so far has been answered by Redis or has failed (bounded by the command timeout). */
  flush(): Promise<void>;
  close(): Promise<void>;
};

export interface RedisEventBusOptions {
  readonly logger: Logger;
  /** Milliseconds a publish may wait for Redis before it counts as failed. */
  readonly commandTimeoutMs?: number;
  /** Milliseconds the first connection may take at start-up. */
  readonly connectTimeoutMs?: number;
}

// Channels carry an envelope ({ from, detail }) so an instance skips its own events, which it has
// already delivered locally. The prefix keeps them apart from the plain payloads of older builds.
const CHANNEL_PREFIX = 'switchboard:v2:';

interface Envelope {
  readonly from: string;
  readonly detail: unknown;
}

type Callback = (event: CustomEvent) => void;

/**
 * The EventBus over Redis pub/sub, so every gateway instance sees every event — with Redis as a
 * dependency that can fail: each event reaches this instance's subscribers first, in memory, and
 * only then goes to Redis for the other instances. While Redis is down the instance keeps serving
 * and its own subscribers keep receiving; publishes fail fast (no unbounded offline queue) and are
 * logged, and the clients reconnect with capped exponential backoff, re-subscribing every channel.
 *
 * Start-up refuses to go on without Redis, with one line naming REDIS_URL and the reason.
 */
export async function createRedisEventBus(url: string, options: RedisEventBusOptions): Promise<RedisEventBus> {
  const { logger } = options;
  const instanceId = randomUUID();
  const log = logger.child({ component: 'redis-event-bus' });
  let started = false;
  let closing = false;

  const common: RedisOptions = {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 5000,
    // At start-up one failed attempt is the answer; afterwards retry forever with capped backoff and jitter.
    retryStrategy: (attempt) => (!started || closing ? null : Math.min(100 * 2 ** Math.min(attempt, 6), 5000) + Math.floor(Math.random() * 250)),
  };
  // Publishes fail at once while disconnected (no offline queue) and after commandTimeout while Redis hangs.
  const publishClient = new Redis(url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: options.commandTimeoutMs ?? 2000 });
  // (Un)subscribes wait for the connection instead of failing: one queued command per topic at most.
  const subscribeClient = new Redis(url, { ...common, maxRetriesPerRequest: null, autoResubscribe: true });

  const lastError: { publish: Error | null; subscribe: Error | null } = { publish: null, subscribe: null };
  for (const [role, client] of [['publish', publishClient], ['subscribe', subscribeClient]] as const) {
    let down = false;
    let lastWarned = 0;
    client.on('error', (error: Error) => {
      lastError[role] = error;
      if (!started || closing) return;
      // ioredis reports every failed reconnect; one warning per 30 s per client is enough.
      if (Date.now() - lastWarned > 30_000) {
        lastWarned = Date.now();
        log.warn({ client: role, err: error.message }, 'Redis unreachable: events reach this instance only until it returns');
      }
    });
    client.on('close', () => {
      if (started && !closing && !down) {
        down = true;
        log.warn({ client: role }, 'Redis connection lost; reconnecting with backoff');
      }
    });
    client.on('ready', () => {
      if (down) log.info({ client: role }, 'Redis reachable again');
      down = false;
      lastWarned = 0;
    });
  }

  try {
    await Promise.all([publishClient.connect(), subscribeClient.connect()]);
  } catch (error) {
    publishClient.disconnect();
    subscribeClient.disconnect();
    const reason = lastError.publish?.message ?? lastError.subscribe?.message ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`REDIS_URL: cannot connect to ${describe(url)} (${reason || 'connection closed'})`);
  }
  started = true;

  const local = new Map<string, Set<Callback>>();
  const remoteTopics = new Set<string>();

  function deliver(topic: string, detail: unknown): void {
    const callbacks = local.get(topic);
    if (!callbacks) return;
    const event = new CustomEvent(topic, { detail });
    for (const callback of [...callbacks]) {
      try {
        callback(event);
      } catch (error) {
        log.error({ topic, err: error instanceof Error ? error.message : String(error) }, 'event listener failed');
      }
    }
  }

  subscribeClient.on('message', (channel: string, message: string) => {
    if (!channel.startsWith(CHANNEL_PREFIX)) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      log.warn({ channel }, 'ignored a malformed event from Redis');
      return;
    }
    if (envelope.from === instanceId) return; // delivered locally when it was published
    deliver(channel.slice(CHANNEL_PREFIX.length), envelope.detail);
  });
  // autoResubscribe restores channels subscribed before a drop; this also covers any (un)subscribe that failed.
  subscribeClient.on('ready', () => {
    if (remoteTopics.size) subscribeClient.subscribe(...[...remoteTopics].map((t) => CHANNEL_PREFIX + t)).catch(() => {});
  });

  // The PubSub passes plain functions; a { handleEvent } object maps to one stable callback.
  const wrapped = new WeakMap<object, Callback>();
  function callbackFor(listener: EventListenerOrEventListenerObject): Callback {
    if (typeof listener === 'function') return listener as Callback;
    let callback = wrapped.get(listener);
    if (!callback) wrapped.set(listener, (callback = (event) => listener.handleEvent(event)));
    return callback;
  }

  const inFlight = new Set<Promise<unknown>>();
  let dropped = 0;
  let lastDropWarning = 0;

  function publishRemote(topic: string, detail: unknown): void {
    const body = JSON.stringify({ from: instanceId, detail } satisfies Envelope);
    const sent = publishClient.publish(CHANNEL_PREFIX + topic, body).catch((error: unknown) => {
      dropped += 1;
      if (Date.now() - lastDropWarning > 30_000) {
        lastDropWarning = Date.now();
        log.warn({ topic, dropped, err: error instanceof Error ? error.message : String(error) }, 'event not sent to other instances (Redis unreachable); local subscribers got it');
      }
    });
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
  }

  const target: PubSubEventTarget<EventTopics> = {
    addEventListener(topic, listener) {
      if (listener == null) return;
      const callback = callbackFor(listener as unknown as EventListenerOrEventListenerObject);
      let callbacks = local.get(topic);
      if (!callbacks) {
        callbacks = new Set();
        local.set(topic, callbacks);
        remoteTopics.add(topic);
        subscribeClient.subscribe(CHANNEL_PREFIX + topic).catch(() => {});
      }
      callbacks.add(callback);
    },
    removeEventListener(topic, listener) {
      if (listener == null) return;
      const callbacks = local.get(topic);
      if (!callbacks) return;
      callbacks.delete(callbackFor(listener as unknown as EventListenerOrEventListenerObject));
      if (callbacks.size > 0) return;
      local.delete(topic);
      remoteTopics.delete(topic);
      subscribeClient.unsubscribe(CHANNEL_PREFIX + topic).catch(() => {});
    },
    dispatchEvent(event) {
      const detail = (event as CustomEvent).detail;
      deliver(event.type, detail);
      if (!closing) publishRemote(event.type, detail);
      return true;
    },
  };

  const bus = createEventBus(target);
  return Object.assign(bus, {
    status: (): EventBusStatus => ({ transport: 'redis', reachable: publishClient.status === 'ready' && subscribeClient.status === 'ready' }),
    flush: async () => {
      await Promise.allSettled([...inFlight]);
    },
    close: async () => {
      await Promise.allSettled([...inFlight]);
      closing = true;
      await Promise.allSettled([quit(publishClient), quit(subscribeClient)]);
    },
  });
}

/** QUIT when connected; otherwise stop reconnecting at once. */
async function quit(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    await Promise.race([client.quit(), new Promise((resolve) => setTimeout(resolve, 1000))]);
  }
  client.disconnect();
}

/** redis://host:port without credentials, for messages (REDIS_URL itself is secret). */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'Redis';
  }
}
