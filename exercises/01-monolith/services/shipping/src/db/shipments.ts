import type { Db } from "../../../../prisma/client.ts";
import { cancelShipment, scheduleShipment } from "../domain/shipping.ts";

export async function scheduleFor(db: Db, orderId: string): Promise<void> {
  await db.shipment.create({ data: scheduleShipment(orderId) });
}

export async function cancelFor(db: Db, orderId: string, now = new Date()): Promise<void> {
  const shipment = await db.shipment.findUnique({ where: { orderId } });
  if (!shipment) return;
  await db.shipment.update({
    where: { orderId },
    data: { cancelledAt: cancelShipment(shipment, now).cancelledAt },
  });
}

export async function clearShipments(db: Db): Promise<void> {
  await db.shipment.deleteMany();
}
