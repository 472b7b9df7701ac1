import type { PrismaClient } from "../../prisma/client.ts";
import { orderList } from "./order-list.ts";
import { catchUp, rebuild, type Projection } from "./projection.ts";
import { salesByProduct } from "./sales.ts";

export const PROJECTIONS: Projection<any>[] = [orderList, salesByProduct];

export async function catchUpAll(db: PrismaClient): Promise<void> {
  for (const projection of PROJECTIONS) await catchUp(db, projection);
}

export async function rebuildAll(db: PrismaClient): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const projection of PROJECTIONS) counts[projection.name] = await rebuild(db, projection);
  return counts;
}
