#!/usr/bin/env node
// Part of `npm install`: says whether the browser tests will find a Chromium, and if not, the one
// command that fixes it. It never downloads anything and never fails the install.
import { existsSync } from "node:fs";

const system = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
let bundled;
try {
  const { chromium } = await import("@playwright/test");
  bundled = existsSync(chromium.executablePath()) ? chromium.executablePath() : undefined;
} catch {
  bundled = undefined;
}

if (system) console.log(`browser: using ${system} for the Playwright specs`);
else if (bundled) console.log(`browser: using Playwright's Chromium at ${bundled}`);
else console.warn("browser: no Chromium found for the Playwright specs. Fix: npx playwright install chromium");
