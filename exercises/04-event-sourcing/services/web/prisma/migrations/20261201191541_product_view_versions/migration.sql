-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProductView" (
    "sku" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "priceCents" INTEGER,
    "available" INTEGER NOT NULL DEFAULT 0,
    "productVersion" INTEGER NOT NULL DEFAULT 0,
    "stockVersion" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_ProductView" ("available", "name", "priceCents", "sku") SELECT "available", "name", "priceCents", "sku" FROM "ProductView";
DROP TABLE "ProductView";
ALTER TABLE "new_ProductView" RENAME TO "ProductView";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
