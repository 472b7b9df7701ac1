import type { Db } from "../../prisma/client.ts";
import { cancelShipment, scheduleShipment, tombstone } from "../domain/shipping.ts";

/** Naturally idempotent: scheduling twice leaves one shipment; a cancelled one (even a tombstone) stays so. */
export async function scheduleFor(db: Db, orderId: string): Promise<void> {
  await db.shipment.upsert({ where: { orderId }, create: scheduleShipment(orderId), update: {} });
}

export async function cancelFor(db: Db, orderId: string, now = new Date()): Promise<void> {
  const shipment = await db.shipment.findUnique({ where: { orderId } });
  const { cancelledAt } = shipment ? cancelShipment(shipment, now) : tombstone(orderId, now);
  await db.shipment.upsert({
    where: { orderId },
    create: { orderId, cancelledAt },
    update: { cancelledAt },
  });
}

export async function clearShipments(db: Db): Promise<void> {
  await db.shipment.deleteMany();
}
