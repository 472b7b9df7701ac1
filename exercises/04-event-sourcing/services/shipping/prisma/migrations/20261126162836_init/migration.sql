-- CreateTable
CREATE TABLE "Shipment" (
    "orderId" TEXT NOT NULL PRIMARY KEY,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "InboxMessage" (
    "consumer" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "handledAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("consumer", "messageId")
);
