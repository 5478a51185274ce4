import { describe, expect, it } from 'vitest';
import {
  OPEN_STATUSES,
  ORDER_STATUSES,
  TERMINAL_STATUSES,
  canTransition,
  isTerminal,
  type OrderStatus,
} from '../../src/domain/order-status.ts';

const next = (from: OrderStatus) => ORDER_STATUSES.filter((to) => canTransition(from, to));

/** Every status reachable from `from` in one or more steps. */
function reachable(from: OrderStatus): Set<OrderStatus> {
  const seen = new Set<OrderStatus>();
  const stack = [...next(from)];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    stack.push(...next(s));
  }
  return seen;
}

describe('order status machine', () => {
  it('terminal statuses are exactly the ones without exits', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['FAILED', 'REFUNDED']);
    for (const s of ORDER_STATUSES) expect(isTerminal(s)).toBe(next(s).length === 0);
  });

  it.each(TERMINAL_STATUSES.map((s) => [s]))('%s has no exits', (terminal) => {
    for (const to of ORDER_STATUSES) expect(canTransition(terminal, to)).toBe(false);
  });

  it.each(ORDER_STATUSES.map((s) => [s]))('%s can reach a terminal status', (status) => {
    const canEnd = isTerminal(status) || [...reachable(status)].some(isTerminal);
    expect(canEnd).toBe(true);
  });

  it('no status can move (back) to PENDING', () => {
    for (const from of ORDER_STATUSES) expect(canTransition(from, 'PENDING')).toBe(false);
  });

  it('no status moves to itself', () => {
    for (const s of ORDER_STATUSES) expect(canTransition(s, s)).toBe(false);
  });

  it('never backwards: the transition graph has no cycle (DFS)', () => {
    const state = new Map<OrderStatus, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (s: OrderStatus, path: OrderStatus[]) => {
      if (state.get(s) === 'done') return;
      if (state.get(s) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(s)), s].join(' → '));
        return;
      }
      state.set(s, 'visiting');
      for (const to of next(s)) visit(to, [...path, s]);
      state.set(s, 'done');
    };
    for (const s of ORDER_STATUSES) visit(s, []);
    expect(cycles).toEqual([]);
    // Equivalent statement: nothing reachable from a status leads back to it.
    for (const s of ORDER_STATUSES) expect(reachable(s).has(s)).toBe(false);
  });

  it('refuses OTP_RECEIVED → ACTIVE (a late "waiting" update after the code arrived)', () => {
    expect(canTransition('OTP_RECEIVED', 'ACTIVE')).toBe(false);
  });

  it('allows the happy path PENDING → ACTIVE → OTP_RECEIVED → COMPLETED', () => {
    expect(canTransition('PENDING', 'ACTIVE')).toBe(true);
    expect(canTransition('ACTIVE', 'OTP_RECEIVED')).toBe(true);
    expect(canTransition('OTP_RECEIVED', 'COMPLETED')).toBe(true);
  });

  it('an order whose code arrived cannot be canceled, expired or failed, only completed or refunded', () => {
    expect(next('OTP_RECEIVED')).toEqual(['COMPLETED', 'REFUNDED']);
  });

  it('UNKNOWN can settle to any outcome, but never back to PENDING or to itself', () => {
    for (const to of ORDER_STATUSES) {
      expect(canTransition('UNKNOWN', to)).toBe(to !== 'PENDING' && to !== 'UNKNOWN');
    }
  });

  it('an ambiguous outcome can happen only before the provider answered', () => {
    expect(ORDER_STATUSES.filter((from) => canTransition(from, 'UNKNOWN'))).toEqual(['PENDING']);
  });

  it('open statuses are the non-terminal ones the provider may still change', () => {
    for (const s of OPEN_STATUSES) expect(isTerminal(s)).toBe(false);
    expect(OPEN_STATUSES).toEqual(['PENDING', 'UNKNOWN', 'ACTIVE', 'OTP_RECEIVED']);
  });
});
