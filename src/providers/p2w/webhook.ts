import { createHash, timingSafeEqual } from 'node:crypto';
import { Money } from '../../domain/money.ts';
import type { OrderStatus } from '../../domain/order-status.ts';
import { WebhookRejectedError } from '../../domain/provider.ts';
import type { WebhookRequest, WebhookResult } from '../../domain/provider.ts';
import { parseJsonExact } from '../shared/json-amounts.ts';
import { snapshotOfCallback } from './order-snapshots.ts';
import { signP2wBody } from './signature.ts';
import { CallbackPayload, SIGNATURE_HEADER } from './wire.ts';

/** What the gateway answers P2W: the document names no reply, so a 200 with a small JSON body. */
export const CALLBACK_REPLY = { status: 200, body: '{"received":true}', contentType: 'application/json' } as const;

/** The balance P2W last reported, and when it arrived. */
export interface ReportedBalance {
  readonly balance: Money;
  readonly at: Date;
}

/** A callback as read, plus whether it carried a valid signature. */
export interface ParsedCallback {
  readonly result: WebhookResult;
  readonly payload: CallbackPayload;
  /** An `x-signature` was present and verified (the document shows none; see README.md). */
  readonly signed: boolean;
}

/**
 * Reads one POST to our hookURL ("Callback Payload"). The document shows no signature, so an unsigned
 * callback is accepted as a hint (`confirm: true`: the core applies only what a signed GET /orders/:id
 * then says); one that carries an `x-signature` which does not verify against the exact raw body is
 * refused, as is a body that is not the documented payload.
 */
export function parseP2wCallback(request: WebhookRequest, secret: string): ParsedCallback {
  const signature = request.headers.get(SIGNATURE_HEADER);
  const signed = signature !== null;
  if (signed && !verifySignature(request.rawBody, signature, secret)) {
    throw new WebhookRejectedError('P2W callback x-signature does not match its body');
  }
  let json: unknown;
  try {
    json = parseJsonExact(request.rawBody);
  } catch {
    throw new WebhookRejectedError('P2W callback body is not JSON');
  }
  const parsed = CallbackPayload.safeParse(json);
  if (!parsed.success) throw new WebhookRejectedError('P2W callback body is not the documented payload');
  const payload = parsed.data;
  return {
    payload,
    signed,
    result: {
      updates: [
        {
          // Same bytes → same delivery: a replay is applied once.
          deliveryId: createHash('sha256').update(request.rawBody, 'utf8').digest('hex'),
          event: `order.${payload.status}`,
          providerRef: payload.orderID,
          reference: payload.refID || null,
          snapshot: snapshotOfCallback(payload),
          confirm: true,
        },
      ],
      reply: { ...CALLBACK_REPLY },
    },
  };
}

function verifySignature(rawBody: string, signature: string, secret: string): boolean {
  const expected = Buffer.from(signP2wBody(rawBody, secret), 'utf8');
  const given = Buffer.from(signature.trim().toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// Bounds what unsigned (possibly forged) callbacks can make this process remember.
const MAX_REMEMBERED = 10_000;

interface BalanceClaim {
  readonly balance: Money;
  readonly status: OrderStatus;
  readonly at: Date;
}

/**
 * What callbacks told this process, kept in memory (a balance figure and lookup hints; losing them on
 * a restart loses nothing the order book needs):
 *
 * - refID → orderID: P2W has no lookup by refID, so an order whose create answer was lost (no
 *   providerRef yet) can only be found through the orderID its callback names. The hint is checked
 *   with a signed GET /orders/:id whose refID must be ours before it is believed.
 * - the balance each callback carries: P2W's balance is known only from callbacks. An unsigned one
 *   becomes the reported balance only once a signed GET confirms its order and status (so a forged
 *   callback cannot set it); a verified signed one counts at once.
 */
export class CallbackReports {
  readonly #orderByRef = new Map<string, string>();
  readonly #claims = new Map<string, BalanceClaim>();
  #balance: ReportedBalance | null;

  constructor(initial: ReportedBalance | null = null) {
    this.#balance = initial;
  }

  /** Remembers what a callback said. */
  note(callback: ParsedCallback, status: OrderStatus, at: Date): void {
    const { payload } = callback;
    if (payload.refID) remember(this.#orderByRef, payload.refID, payload.orderID);
    const balance = moneyOrNull(payload.balance);
    if (!balance) return;
    if (callback.signed) this.#report({ balance, at });
    else remember(this.#claims, payload.orderID, { balance, status, at });
  }

  /** The orderID a callback named for this refID, if one did. */
  orderIdFor(refID: string): string | undefined {
    return this.#orderByRef.get(refID);
  }

  /** A signed GET said this order is in `status`: a callback that claimed the same is now believed. */
  confirmed(orderID: string, status: OrderStatus): void {
    const claim = this.#claims.get(orderID);
    if (!claim || claim.status !== status) return;
    this.#claims.delete(orderID);
    this.#report({ balance: claim.balance, at: claim.at });
  }

  /** The last balance reported, or null when no (confirmed) callback has carried one yet. */
  balance(): ReportedBalance | null {
    return this.#balance;
  }

  #report(next: ReportedBalance): void {
    // Callbacks can be confirmed out of order: the newest arrival wins.
    if (!this.#balance || next.at.getTime() >= this.#balance.at.getTime()) this.#balance = next;
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_REMEMBERED) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}

function moneyOrNull(text: string): Money | null {
  try {
    return Money.fromProvider(text, 'THB');
  } catch {
    return null;
  }
}
