/** The one status machine every order kind follows (docs/architecture.md, "Money safety"). */
export const ORDER_STATUSES = [
  'PENDING',
  'UNKNOWN',
  'ACTIVE',
  'OTP_RECEIVED',
  'COMPLETED',
  'CANCELED',
  'EXPIRED',
  'FAILED',
  'REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

// Forward edges only: a status never moves backwards, so a late or replayed provider update is refused.
const NEXT: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ['UNKNOWN', 'ACTIVE', 'OTP_RECEIVED', 'COMPLETED', 'CANCELED', 'EXPIRED', 'FAILED'],
  UNKNOWN: ['ACTIVE', 'OTP_RECEIVED', 'COMPLETED', 'CANCELED', 'EXPIRED', 'FAILED', 'REFUNDED'],
  ACTIVE: ['OTP_RECEIVED', 'COMPLETED', 'CANCELED', 'EXPIRED', 'FAILED', 'REFUNDED'],
  OTP_RECEIVED: ['COMPLETED', 'REFUNDED'],
  COMPLETED: ['REFUNDED'],
  // Some providers return the money only through a separate refund (247xd): a refund may follow.
  CANCELED: ['REFUNDED'],
  EXPIRED: ['REFUNDED'],
  FAILED: [],
  REFUNDED: [],
};

/** Statuses from which nothing more can happen. */
export const TERMINAL_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter((s) => NEXT[s].length === 0);

/** Statuses the watcher keeps an eye on: the provider may still change them. */
export const OPEN_STATUSES: readonly OrderStatus[] = ['PENDING', 'UNKNOWN', 'ACTIVE', 'OTP_RECEIVED'];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

export function isTerminal(status: OrderStatus): boolean {
  return NEXT[status].length === 0;
}
