-- CreateTable
CREATE TABLE "ReservedStock" (
    "orderId" TEXT NOT NULL PRIMARY KEY
);
