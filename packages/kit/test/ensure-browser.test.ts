// ensureBrowser (the browser part of `npm install`) on pretend machines: the Chromium lookups and
// the download are fakes, so nothing is downloaded and the tests run offline.
import { describe, expect, it } from "vitest";
import { ensureBrowser, type BrowserSeams } from "../src/testing.ts";

interface Machine {
  system?: string;
  playwright?: string;
  /** What `npx playwright install chromium` does. */
  download?: "works" | "fails" | "hangs";
}

function machine({ system, playwright, download = "works" }: Machine = {}) {
  const installs: number[] = [];
  const log: string[] = [];
  const warnings: string[] = [];
  const seams: BrowserSeams = {
    systemChromium: () => system,
    playwrightChromium: async () => playwright,
    install: async (timeoutMs) => {
      installs.push(timeoutMs);
      if (download === "hangs") return { code: null, timedOut: true, output: "" };
      const offline =
        "Downloading…\nError: getaddrinfo ENOTFOUND cdn\n    at GetAddrInfoReqWrap\nFailed\n";
      if (download === "fails") return { code: 1, timedOut: false, output: offline };
      playwright = "/cache/ms-playwright/chromium/chrome";
      return { code: 0, timedOut: false, output: "" };
    },
    log: (line) => log.push(line),
    warn: (line) => warnings.push(line),
  };
  return {
    installs,
    log,
    warnings,
    run: (env: NodeJS.ProcessEnv = {}) => ensureBrowser({ env, seams }),
  };
}

describe("ensureBrowser: a Chromium for the browser specs after npm install", () => {
  it("When the system has Chromium, then it is used and nothing is downloaded", async () => {
    const m = machine({ system: "/usr/bin/chromium", playwright: "/cache/chrome" });

    expect(await m.run()).toBe("found");
    expect(m.installs).toEqual([]);
    expect(m.log).toEqual(["browser: using /usr/bin/chromium for the Playwright specs"]);
  });

  it("When Playwright's Chromium is already there, then it is used and nothing is downloaded", async () => {
    const m = machine({ playwright: "/cache/chrome" });

    expect(await m.run()).toBe("found");
    expect(m.installs).toEqual([]);
  });

  it("When none is found, then it runs Playwright's install, with a time limit, and uses it", async () => {
    const m = machine();

    expect(await m.run()).toBe("installed");
    expect(m.installs).toEqual([300_000]);
    const chrome = "/cache/ms-playwright/chromium/chrome";
    expect(m.log.at(-1)).toBe(
      `browser: using Playwright's Chromium at ${chrome} for the Playwright specs`,
    );
    expect(m.warnings).toEqual([]);
  });

  it("When the download fails (offline), then it warns with the reason and the fix, no throw", async () => {
    const m = machine({ download: "fails" });

    expect(await m.run()).toBe("failed");
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]).toContain(
      "could not download Chromium (it failed: Error: getaddrinfo ENOTFOUND",
    );
    expect(m.warnings[0]).toContain(
      "Fix: npx playwright install chromium once online (behind a proxy, set HTTPS_PROXY first)",
    );
  });

  it("When the download hangs (a proxy), then it stops at the limit and warns with the fix", async () => {
    const m = machine({ download: "hangs" });

    expect(await m.run()).toBe("failed");
    expect(m.warnings[0]).toContain("could not download Chromium (it did not finish within 300 s)");
  });

  it("When PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set (CI), then no download, it says why", async () => {
    const m = machine();

    expect(await m.run({ PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" })).toBe("skipped");
    expect(m.installs).toEqual([]);
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]).toContain(
      "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set, so none is downloaded",
    );
  });
});
