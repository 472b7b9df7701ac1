// The gateway keeps its product list current from events; applying one twice, or an older one,
// changes nothing.
import type { Envelope } from "../../../../messaging/envelope.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { applyProductChanged, applyStockChanged } from "../db/product-view.ts";
import type { ProductChanged, StockChanged } from "../db/product-view.ts";

export function webHandlers(db: PrismaClient) {
  return {
    productChanged: (message: Envelope) => applyProductChanged(db, message.data as ProductChanged),
    stockChanged: (message: Envelope) => applyStockChanged(db, message.data as StockChanged),
  };
}
