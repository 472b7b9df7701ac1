// Which Chromium Playwright should drive: Debian's when installed (no download needed), else
// Playwright's own, which a laptop installs once with `npx playwright install chromium`.
import { existsSync } from "node:fs";

export const SYSTEM_CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

// Without these, headless Chromium keeps trying to reach Google's services: slow, noisy, useless here.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function systemChromium(): string | undefined {
  return process.env.CHROMIUM_PATH ?? SYSTEM_CHROMIUM_PATHS.find((path) => existsSync(path));
}

export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const executablePath = systemChromium();
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };
}
