-- CreateTable
CREATE TABLE "Event" (
    "position" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "streamId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "schemaVersion" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "metadata" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Checkpoint" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "position" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "OrderView" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "lines" TEXT NOT NULL,
    "rejectionReason" TEXT,
    "createdAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "SalesByProduct" (
    "sku" TEXT NOT NULL PRIMARY KEY,
    "qty" INTEGER NOT NULL,
    "revenueCents" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "requestHash" TEXT NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ProductCopy" (
    "sku" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "changedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "InboxMessage" (
    "consumer" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "handledAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("consumer", "messageId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Event_streamId_version_key" ON "Event"("streamId", "version");
