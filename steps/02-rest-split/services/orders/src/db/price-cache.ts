// The last price the catalog gave for each sku: the fallback when the catalog does not answer.
import type { Db } from "../../prisma/client.ts";

export async function rememberPrice(
  db: Db,
  sku: string,
  priceCents: number,
  now = new Date(),
): Promise<void> {
  await db.priceCache.upsert({
    where: { sku },
    create: { sku, priceCents, fetchedAt: now },
    update: { priceCents, fetchedAt: now },
  });
}

/** The remembered price, unless it is older than maxAgeMs: a stale price is worse than no order. */
export async function lastKnownPrice(
  db: Db,
  sku: string,
  maxAgeMs: number,
  now = new Date(),
): Promise<number | undefined> {
  const cached = await db.priceCache.findUnique({ where: { sku } });
  if (!cached || now.getTime() - cached.fetchedAt.getTime() > maxAgeMs) return undefined;
  return cached.priceCents;
}
