import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stepPlaywrightConfig } from "@shop/kit/playwright";

// Every service of the step, on 4500-4505 with fresh databases and a namespace of its own on the
// broker (deleted by the teardown). Payments takes 1.5 s per charge, so the PENDING status is
// visible before the live update turns it into CONFIRMED.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "shop-03-e2e-"));
process.env.SHOP_NAMESPACE ??= `e2e-${randomBytes(4).toString("hex")}.`;

export const PORT_OFFSET = 1500; // each step its own ports: the four suites run at once

export default {
  ...stepPlaywrightConfig({
    command: `DATA_DIR=${process.env.E2E_DATA_DIR} SHOP_NAMESPACE=${process.env.SHOP_NAMESPACE} PAYMENT_DELAY_MS=1500 npx shop-supervise --port-offset ${PORT_OFFSET}`,
    port: 3000 + PORT_OFFSET,
  }),
  globalTeardown: "./e2e/teardown.ts",
};
