import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stepPlaywrightConfig } from "@shop/kit/playwright";

// A fresh database for every run; the port is fixed so a shop you left running on 3000 is not disturbed.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "shop-01-e2e-"));

export default stepPlaywrightConfig({
  command: `DATA_DIR=${process.env.E2E_DATA_DIR} npx shop-supervise --port-offset 901`,
  port: 3901,
});
