-- CreateTable
CREATE TABLE "ProductView" (
    "sku" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "priceCents" INTEGER,
    "available" INTEGER NOT NULL DEFAULT 0
);
