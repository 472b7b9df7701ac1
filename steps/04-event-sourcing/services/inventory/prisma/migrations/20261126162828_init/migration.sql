-- CreateTable
CREATE TABLE "Stock" (
    "sku" TEXT NOT NULL PRIMARY KEY,
    "available" INTEGER NOT NULL,
    "reserved" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Reservation" (
    "orderId" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "qty" INTEGER NOT NULL,
    "released" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("orderId", "sku")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "position" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "InboxMessage" (
    "consumer" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "handledAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("consumer", "messageId")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_id_key" ON "OutboxMessage"("id");

-- CreateIndex
CREATE INDEX "OutboxMessage_sentAt_idx" ON "OutboxMessage"("sentAt");
