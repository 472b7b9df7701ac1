-- CreateTable
CREATE TABLE "ReservedStock" (
    "orderId" TEXT NOT NULL PRIMARY KEY
);

-- A PENDING payment was started once the stock was reserved: keep that fact, so a redelivery
-- after the upgrade still finishes the charge.
INSERT INTO "ReservedStock" ("orderId") SELECT "orderId" FROM "Payment" WHERE "status" = 'PENDING';
