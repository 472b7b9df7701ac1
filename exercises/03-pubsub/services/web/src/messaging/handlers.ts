// The gateway keeps its product list current from events; applying one twice, or an older one,
// changes nothing.
import type { Message } from "../../../../messaging/contracts.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { applyProductChanged, applyStockChanged } from "../db/product-view.ts";

export function webHandlers(db: PrismaClient) {
  return {
    productChanged: (message: Message<"catalog.product-changed">) =>
      applyProductChanged(db, message.data),
    stockChanged: (message: Message<"inventory.stock-changed">) =>
      applyStockChanged(db, message.data),
  };
}
