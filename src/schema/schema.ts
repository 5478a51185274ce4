import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import './errors.ts';
import './money.ts';
import './fx.ts';
import './providers.ts';
import './catalog.ts';
import './order.ts';
import './order-kinds.ts';
import './orders.ts';
import './topups.ts';
import './admin.ts';
import './clients.ts';
import './reconciliation.ts';

builder.queryType({ description: 'Read the catalog, prices, balances and your orders.' });
builder.mutationType({ description: 'Buy numbers, refills, top-ups, boosts and app accounts; cancel, complete, resend and refund. Every spending mutation takes an idempotency key.' });
builder.subscriptionType({ description: 'Live updates: OTP codes as they arrive, order changes, rate changes.' });

/** The public schema; with `sandbox`, demo-only fields such as sandboxDeliverOtp are added. */
export function buildSchema(options: { sandbox: boolean }): GraphQLSchema {
  return lexicographicSortSchema(builder.toSchema({ subGraph: options.sandbox ? ['public', 'sandbox'] : 'public' }));
}
