-- CreateTable
CREATE TABLE "Refund" (
    "orderId" TEXT NOT NULL PRIMARY KEY,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

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
    "requestKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Edited by hand: every payment made before this migration was a completed charge.
INSERT INTO "new_Payment" ("amountCents", "cardLast4", "createdAt", "id", "orderId", "refundedAt", "requestKey", "status") SELECT "amountCents", "cardLast4", "createdAt", "id", "orderId", "refundedAt", "requestKey", 'SUCCEEDED' FROM "Payment";
DROP TABLE "Payment";
ALTER TABLE "new_Payment" RENAME TO "Payment";
CREATE UNIQUE INDEX "Payment_orderId_key" ON "Payment"("orderId");
CREATE UNIQUE INDEX "Payment_requestKey_key" ON "Payment"("requestKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
