import { offlineConfig } from "@shop/prisma-offline/config";

// `npm run db:migrate` works offline: the schema engine is Prisma's WASM build (packages/prisma-offline).
export default offlineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: `file:${process.env.DATA_DIR ?? "./data"}/shop.db` },
});
