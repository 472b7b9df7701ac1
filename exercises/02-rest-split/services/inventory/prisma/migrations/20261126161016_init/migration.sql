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
    "requestKey" TEXT NOT NULL,

    PRIMARY KEY ("orderId", "sku")
);

-- CreateIndex
CREATE INDEX "Reservation_requestKey_idx" ON "Reservation"("requestKey");
