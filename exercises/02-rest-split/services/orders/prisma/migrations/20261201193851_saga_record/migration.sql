-- The saga's record: an order is written PENDING before anyone is called, with the step it waits
-- for; what is left to undo is a Compensation row; an Idempotency-Key points at its order.
-- CreateTable
CREATE TABLE "Compensation" (
    "orderId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextTryAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "doneAt" DATETIME,

    PRIMARY KEY ("orderId", "position"),
    CONSTRAINT "Compensation_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_IdempotencyRecord" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "requestHash" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "statusCode" INTEGER,
    "body" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Keys used before the saga point at no order (''): an answered one still replays its answer,
-- and one left without an answer (a claim that never expired) is free again.
INSERT INTO "new_IdempotencyRecord" ("body", "createdAt", "key", "requestHash", "statusCode", "orderId") SELECT "body", "createdAt", "key", "requestHash", "statusCode", '' FROM "IdempotencyRecord";
DROP TABLE "IdempotencyRecord";
ALTER TABLE "new_IdempotencyRecord" RENAME TO "IdempotencyRecord";
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "step" TEXT NOT NULL DEFAULT 'reserve',
    "deadlineAt" DATETIME
);
INSERT INTO "new_Order" ("createdAt", "id", "status", "totalCents") SELECT "createdAt", "id", "status", "totalCents" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE INDEX "Order_status_deadlineAt_idx" ON "Order"("status", "deadlineAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Compensation_doneAt_nextTryAt_idx" ON "Compensation"("doneAt", "nextTryAt");
