import { expect, type APIRequestContext } from "@playwright/test";
import { SEED_STOCK } from "../services/inventory/src/db/seed.ts";

/** Seed data back, and wait until the gateway's copy has it: copies follow by events. */
export async function resetShop(request: APIRequestContext): Promise<void> {
  expect(
    (await request.post("/api/admin/reset", { headers: { "x-shop-admin": "1" } })).status(),
  ).toBe(204);
  await expect
    .poll(async () =>
      Object.fromEntries(
        (
          (await (await request.get("/api/products")).json()) as {
            sku: string;
            available: number;
          }[]
        ).map((p) => [p.sku, p.available]),
      ),
    )
    .toEqual(SEED_STOCK);
}
