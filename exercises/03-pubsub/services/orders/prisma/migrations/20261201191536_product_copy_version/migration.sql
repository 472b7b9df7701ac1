-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProductCopy" (
    "sku" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "changedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_ProductCopy" ("changedAt", "name", "priceCents", "sku") SELECT "changedAt", "name", "priceCents", "sku" FROM "ProductCopy";
DROP TABLE "ProductCopy";
ALTER TABLE "new_ProductCopy" RENAME TO "ProductCopy";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
