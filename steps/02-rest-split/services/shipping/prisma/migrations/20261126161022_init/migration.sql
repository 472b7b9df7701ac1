-- CreateTable
CREATE TABLE "Shipment" (
    "orderId" TEXT NOT NULL PRIMARY KEY,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
