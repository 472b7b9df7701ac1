import type { Order } from "../domain/order.ts";

/** The order as the storefront API shows it (the same shape in every step). */
export const orderView = (order: Order) => ({
  id: order.id,
  status: order.status,
  totalCents: order.totalCents,
  lines: order.lines,
  ...(order.rejectionReason ? { rejectionReason: order.rejectionReason } : {}),
  createdAt: order.createdAt.toISOString(),
});
