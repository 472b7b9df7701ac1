-- CreateTable
CREATE TABLE "CardNetworkCharge" (
    "idempotencyKey" TEXT NOT NULL PRIMARY KEY,
    "amountCents" INTEGER NOT NULL,
    "cardLast4" TEXT NOT NULL,
    "approved" BOOLEAN NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Payment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "cardLast4" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "refundedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Edited by hand: every payment made before this migration was a completed charge.
INSERT INTO "new_Payment" ("amountCents", "cardLast4", "createdAt", "id", "orderId", "refundedAt", "status") SELECT "amountCents", "cardLast4", "createdAt", "id", "orderId", "refundedAt", 'SUCCEEDED' FROM "Payment";
DROP TABLE "Payment";
ALTER TABLE "new_Payment" RENAME TO "Payment";
CREATE UNIQUE INDEX "Payment_orderId_key" ON "Payment"("orderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
