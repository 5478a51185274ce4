import { Money } from '../domain/money.ts';
import type { OrderHandle } from '../domain/provider.ts';
import type { Order } from '../db/entities.ts';

/** The stored order as the adapter sees it on every call after the purchase. */
export function orderHandle(order: Order): OrderHandle {
  return {
    kind: order.kind,
    reference: order.reference,
    providerRef: order.providerRef ?? null,
    offerRef: order.offerRef,
    intent: order.intent,
    maxPrice: order.maxPriceAmount == null ? null : Money.of(String(order.maxPriceAmount), order.currency),
    price: order.priceAmount == null ? null : Money.of(String(order.priceAmount), order.currency),
    providerData: order.providerData ?? {},
    createdAt: order.providerCreatedAt ?? order.createdAt,
  };
}
