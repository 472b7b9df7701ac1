#!/usr/bin/env node
// Part of `npm install`: makes sure the browser specs find a Chromium, downloading Playwright's
// when the system has none (see ../src/ensure-browser.ts). It never fails the install.
try {
  const { register } = await import("tsx/esm/api");
  register();
  const { ensureBrowser } = await import("../src/ensure-browser.ts");
  await ensureBrowser();
} catch (error) {
  const fix = "npx playwright install chromium";
  console.warn(`browser: could not check for Chromium (${error?.message}). Fix: ${fix}`);
}
process.exitCode = 0;
