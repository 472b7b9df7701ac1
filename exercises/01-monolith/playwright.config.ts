import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stepPlaywrightConfig } from "@shop/kit/playwright";

// A fresh database for every run, on 3900 (console 4000): a shop you left running on 3000 is not
// disturbed, and the other steps' browser specs (4200, 4500, 4800) can run at the same time.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "shop-01-e2e-"));

export default stepPlaywrightConfig({
  command: `DATA_DIR=${process.env.E2E_DATA_DIR} npx shop-supervise --port-offset 900`,
  port: 3900,
});
