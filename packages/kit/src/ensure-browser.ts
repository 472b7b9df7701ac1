// Part of `npm install`: the browser specs need a Chromium. The system's is preferred (no
// download); else Playwright's own is downloaded once, within a time limit. When that cannot
// work (offline, a proxy), it says so with the fix: a browser must never fail the install.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { systemChromium } from "./browser.ts";
import { runBounded, type Bounded } from "./run-bounded.ts";

export const INSTALL_CHROMIUM = "npx playwright install chromium";

/** Everything ensureBrowser does to the machine, replaceable in tests. */
export interface BrowserSeams {
  systemChromium(): string | undefined;
  /** Playwright's own Chromium, when it is downloaded. */
  playwrightChromium(): Promise<string | undefined>;
  /** Runs `npx playwright install chromium`, stopped after timeoutMs. */
  install(timeoutMs: number): Promise<Bounded>;
  log(line: string): void;
  warn(line: string): void;
}

export type BrowserPlan =
  | { action: "none"; path: string; source: "system" | "playwright" }
  | { action: "download" }
  /** PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set: CI installs its Chromium some other way. */
  | { action: "skip" };

export type BrowserOutcome = "found" | "installed" | "skipped" | "failed";

export interface EnsureBrowserOptions {
  env?: NodeJS.ProcessEnv;
  /** The download is about 150 MB: 5 minutes by default. */
  timeoutMs?: number;
  seams?: Partial<BrowserSeams>;
}

const REPO_ROOT = join(import.meta.dirname, "../../..");

export const realBrowserSeams: BrowserSeams = {
  systemChromium,
  async playwrightChromium() {
    try {
      const { chromium } = await import("@playwright/test");
      return existsSync(chromium.executablePath()) ? chromium.executablePath() : undefined;
    } catch {
      return undefined; // Playwright itself is missing
    }
  },
  install: (timeoutMs) =>
    runBounded("npx", ["playwright", "install", "chromium"], {
      cwd: REPO_ROOT,
      timeoutMs,
      show: true,
    }),
  log: (line) => console.log(line),
  warn: (line) => console.warn(line),
};

/** What ensureBrowser would do on this machine (for `workshop doctor`). */
export async function planBrowser(options: EnsureBrowserOptions = {}): Promise<BrowserPlan> {
  const seams = { ...realBrowserSeams, ...options.seams };
  const system = seams.systemChromium();
  if (system) return { action: "none", path: system, source: "system" };
  const bundled = await seams.playwrightChromium();
  if (bundled) return { action: "none", path: bundled, source: "playwright" };
  const skip = (options.env ?? process.env).PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD;
  return skip && skip !== "0" && skip !== "false" ? { action: "skip" } : { action: "download" };
}

/** Never throws: the outcome is said on the terminal, and returned for tests. */
export async function ensureBrowser(options: EnsureBrowserOptions = {}): Promise<BrowserOutcome> {
  const seams = { ...realBrowserSeams, ...options.seams };
  const plan = await planBrowser(options);
  if (plan.action === "none") {
    const whose = plan.source === "system" ? plan.path : `Playwright's Chromium at ${plan.path}`;
    seams.log(`browser: using ${whose} for the Playwright specs`);
    return "found";
  }
  if (plan.action === "skip") {
    seams.warn(
      "browser: no Chromium found, and PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set, so none is downloaded. " +
        `Fix: install your distribution's chromium package, or ${INSTALL_CHROMIUM}`,
    );
    return "skipped";
  }
  const timeoutMs = options.timeoutMs ?? 300_000;
  seams.log(`browser: no Chromium found; downloading Playwright's (${INSTALL_CHROMIUM}) …`);
  const run = await seams.install(timeoutMs);
  const installed = run.code === 0 ? await seams.playwrightChromium() : undefined;
  if (installed) {
    seams.log(`browser: using Playwright's Chromium at ${installed} for the Playwright specs`);
    return "installed";
  }
  const error = firstError(run.output);
  const failed = `it failed${error ? `: ${error}` : ""}`;
  const why = run.timedOut ? `it did not finish within ${timeoutMs / 1000} s` : failed;
  seams.warn(
    `browser: could not download Chromium (${why}). The install goes on; only the browser specs need it. ` +
      `Fix: ${INSTALL_CHROMIUM} once online (behind a proxy, set HTTPS_PROXY first), ` +
      "or install your distribution's chromium package.",
  );
  return "failed";
}

/** Playwright prints each retry with a stack; its first `Error:` line says what went wrong. */
function firstError(output: string): string | undefined {
  const lines = output.split("\n").map((line) => line.replace(/\x1b\[[0-9;]*m/g, "").trim());
  const said = lines.filter((line) => line && !line.startsWith("at "));
  return said.find((line) => line.startsWith("Error: ")) ?? said.at(-1);
}
