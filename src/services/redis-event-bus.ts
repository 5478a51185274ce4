import { Redis } from 'ioredis';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createEventBus, type EventBus } from './event-bus.ts';

/** The EventBus over Redis pub/sub, so every gateway instance sees every event. */
export async function createRedisEventBus(url: string): Promise<EventBus & { close(): Promise<void> }> {
  const publishClient = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const subscribeClient = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await Promise.all([publishClient.connect(), subscribeClient.connect()]);
  const bus = createEventBus(createRedisEventTarget({ publishClient, subscribeClient }) as never);
  return Object.assign(bus, {
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  });
}
