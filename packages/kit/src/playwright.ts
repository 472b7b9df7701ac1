// The Playwright configuration every step shares: the same browser choice, the same timeouts,
// and the step's own server started on a free port with a fresh database.
import { defineConfig, devices, type PlaywrightTestConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./browser.ts";

export interface StepE2eOptions {
  /** The command that starts the step for the browser, e.g. `npm run start:e2e`. */
  command: string;
  port: number;
}

export function stepPlaywrightConfig({ command, port }: StepE2eOptions): PlaywrightTestConfig {
  const baseURL = `http://127.0.0.1:${port}`;
  return defineConfig({
    testDir: "./e2e",
    testMatch: "**/*.e2e.ts",
    outputDir: "./test-results",
    fullyParallel: false,
    workers: 1,
    retries: 0,
    timeout: 30_000,
    expect: { timeout: 5_000 },
    reporter: process.env.PLAYWRIGHT_REPORTER ?? "list",
    use: { baseURL, launchOptions: chromiumLaunchOptions(), trace: "retain-on-failure" },
    projects: [
      {
        name: "chromium",
        use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() },
      },
    ],
    webServer: {
      command,
      url: `${baseURL}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { PORT: String(port), LOG_LEVEL: "warn" },
    },
  });
}
