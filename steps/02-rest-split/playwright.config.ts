import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stepPlaywrightConfig } from "@shop/kit/playwright";

// Every service of the step, on 4200-4214 with fresh databases, so a shop you left running on
// 3000-3014 is not disturbed. The specs reach each service's fault switches on those ports.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "shop-02-e2e-"));

export const PORT_OFFSET = 1200; // each step its own ports: the four suites run at once

export default stepPlaywrightConfig({
  command: `DATA_DIR=${process.env.E2E_DATA_DIR} npx shop-supervise --port-offset ${PORT_OFFSET}`,
  port: 3000 + PORT_OFFSET,
});
