// A payments database from before payments recorded reservations (ReservedStock): a charge was
// in flight (its payment PENDING, its stock-reserved message already in the inbox) when the
// process died. After the upgrade, the redelivered message must still finish the charge.
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations } from "@shop/prisma-offline";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { freshDataDir } from "@shop/kit/testing";
import type { Message } from "../../../messaging/contracts.ts";
import { envelope } from "../../../messaging/envelope.ts";
import { openDatabase, type PrismaClient } from "../prisma/client.ts";
import { paymentsHandlers } from "../src/messaging/handlers.ts";

const MIGRATIONS = join(import.meta.dirname, "../prisma/migrations");
const FIRST_NEW = "20261204194000_stock_reserved_first";
let db: PrismaClient | undefined;
afterEach(() => db?.$disconnect());

/** The migrations a database had before this change. */
function migrationsBefore(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), "payments-old-migrations-"));
  for (const entry of readdirSync(MIGRATIONS).filter((e) => e < name || !/^\d/.test(e)))
    cpSync(join(MIGRATIONS, entry), join(dir, entry), { recursive: true });
  return dir;
}

it("When a database from before the upgrade holds a PENDING payment, then its redelivered reservation finishes the charge", async () => {
  const dataDir = freshDataDir("payments-upgrade-");
  const file = join(dataDir, "payments.db");
  applyMigrations({ dbPath: file, migrationsDir: migrationsBefore(FIRST_NEW) });
  const orderId = "11111111-1111-4111-8111-111111111111";
  const reserved = envelope("inventory.stock-reserved", { orderId }, { correlationId: "up" });
  const old = new Database(file);
  old
    .prepare(
      `INSERT INTO "PendingCharge" ("orderId", "amountCents", "card") VALUES (?, 1299, '4242424242424242')`,
    )
    .run(orderId);
  old
    .prepare(
      `INSERT INTO "Payment" ("id", "orderId", "amountCents", "cardLast4", "status")
     VALUES ('p-1', ?, 1299, '4242', 'PENDING')`,
    )
    .run(orderId);
  old
    .prepare(`INSERT INTO "InboxMessage" ("consumer", "messageId") VALUES (?, ?)`)
    .run("payments.stock-reserved", reserved.id);
  old.close();

  db = openDatabase(dataDir); // the upgrade: the new migrations run here
  await paymentsHandlers(db)(reserved as Message<"inventory.stock-reserved">);

  expect(
    await db.payment.findUnique({ where: { orderId } }),
    "the charge in flight is finished, not left PENDING forever",
  ).toMatchObject({ status: "SUCCEEDED" });
});
