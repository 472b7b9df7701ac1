import type { Db } from "../../prisma/client.ts";
import { cancelShipment, scheduleShipment } from "../domain/shipping.ts";

/** Naturally idempotent: scheduling twice leaves one shipment, and a cancelled one stays cancelled. */
export async function scheduleFor(db: Db, orderId: string): Promise<void> {
  await db.shipment.upsert({ where: { orderId }, create: scheduleShipment(orderId), update: {} });
}

/**
 * Cancels the order's shipment; when none is scheduled yet, the cancel is recorded as a cancelled
 * shipment, so a request to ship that arrives later (orders gave up on it) ships nothing.
 */
export async function cancelFor(db: Db, orderId: string, now = new Date()): Promise<void> {
  const shipment = (await db.shipment.findUnique({ where: { orderId } })) ?? {
    orderId,
    cancelledAt: null,
  };
  const { cancelledAt } = cancelShipment(shipment, now);
  await db.shipment.upsert({
    where: { orderId },
    create: { orderId, cancelledAt },
    update: { cancelledAt },
  });
}

export async function clearShipments(db: Db): Promise<void> {
  await db.shipment.deleteMany();
}
