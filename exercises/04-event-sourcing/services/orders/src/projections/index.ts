import type { PrismaClient } from "../../prisma/client.ts";
import { orderList } from "./order-list.ts";
import { catchUp, rebuild, type Projection } from "./projection.ts";
import { salesByProduct } from "./sales.ts";

export const PROJECTIONS: Projection<any>[] = [orderList, salesByProduct];

/** Every read model up to date; one that fails (a bug) does not hold the others back. */
export async function catchUpAll(db: PrismaClient): Promise<void> {
  const failures: unknown[] = [];
  for (const projection of PROJECTIONS)
    await catchUp(db, projection).catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
}

export async function rebuildAll(db: PrismaClient): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const projection of PROJECTIONS) counts[projection.name] = await rebuild(db, projection);
  return counts;
}
