// Use in a prisma.config.ts: `export default offlineConfig({ ... })`.
// Points the Prisma CLI at our WASM schema engine unless PRISMA_SCHEMA_ENGINE_BINARY is already set,
// so `prisma migrate dev|status|reset|deploy` and `prisma generate` work with no download.
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

export const OFFLINE_ENGINE_PATH = fileURLToPath(
  new URL("./bin/schema-engine.mjs", import.meta.url),
);

export function offlineConfig(config) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= OFFLINE_ENGINE_PATH;
  process.env.CHECKPOINT_DISABLE ??= "1"; // no update check over the network
  return defineConfig(config);
}
