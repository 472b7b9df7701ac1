import { offlineConfig } from "@shop/prisma-offline/config";

// Run from the step folder: `npm run db:migrate -- --name x` migrates every service, offline.
export default offlineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: `file:${process.env.DATA_DIR ?? "../../data/inventory"}/inventory.db` },
});
