-- CreateTable
CREATE TABLE "RelayLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "until" BIGINT NOT NULL
);
