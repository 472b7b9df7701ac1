#!/usr/bin/env node
// `npm test`: the types, then every vitest project (domain specs, service tests, each step's
// scenarios, the acceptance suite), with the time each takes and one closing line that counts all
// tests. `npm run test:e2e` runs the browser specs of every step, the same way.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const results = join(root, ".test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const e2eOnly = process.argv.includes("--e2e");
const steps = readdirSync(join(root, "steps"))
  .filter((name) => existsSync(join(root, "steps", name, "playwright.config.ts")))
  .sort();

const suites = [
  ...(e2eOnly
    ? []
    : [
        { name: "typecheck (tsc)", cmd: ["npx", "tsc", "-p", "tsconfig.json"], cwd: root },
        {
          name: "unit and API tests (vitest)",
          cmd: [
            "npx",
            "vitest",
            "run",
            "--reporter=default",
            "--reporter=json",
            `--outputFile.json=${join(results, "vitest.json")}`,
          ],
          cwd: root,
          count: () => vitestCounts(join(results, "vitest.json")),
        },
      ]),
  ...(e2eOnly ? steps : []).map((step) => ({
    name: `browser specs, steps/${step} (playwright)`,
    cmd: ["npx", "playwright", "test", "--reporter=list,json"],
    cwd: join(root, "steps", step),
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, `playwright-${step}.json`) },
    count: () => playwrightCounts(join(results, `playwright-${step}.json`)),
  })),
];

// Steps 03 and 04 need RabbitMQ: start one when none answers. Without it, the other suites still run.
const ensureBroker = join(root, "packages/kit/bin/ensure-broker.mjs");
const broker = spawnSync(process.execPath, [ensureBroker], { stdio: "inherit" });
if (broker.status !== 0)
  console.warn("(without RabbitMQ, the tests of steps 03 and 04 fail; the others run)");

const summary = [];
for (const suite of suites) {
  console.log(`\n=== ${suite.name}`);
  const started = Date.now();
  const run = spawnSync(suite.cmd[0], suite.cmd.slice(1), {
    cwd: suite.cwd,
    stdio: "inherit",
    env: { ...process.env, ...suite.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = suite.count?.() ?? { passed: 0, failed: 0 };
  summary.push({ ...suite, ok: run.status === 0, seconds, counts });
  console.log(`=== ${suite.name}: ${run.status === 0 ? "ok" : "FAILED"} in ${seconds} s`);
}

console.log("\nSummary");
for (const s of summary) {
  const tally = s.count ? `${s.counts.passed} passed, ${s.counts.failed} failed` : "";
  console.log(
    `  ${s.ok ? "ok    " : "FAILED"} ${s.name.padEnd(52)} ${s.seconds.padStart(6)} s  ${tally}`,
  );
}
const passed = summary.reduce((n, s) => n + s.counts.passed, 0);
const failed = summary.reduce((n, s) => n + s.counts.failed, 0);
const allOk = summary.every((s) => s.ok);
// A suite can fail without a failing test (a type error, a server that did not start): count it.
console.log(`\nTests: ${passed} passed, ${failed + (allOk || failed > 0 ? 0 : 1)} failed`);
process.exit(allOk ? 0 : 1);

function vitestCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const json = JSON.parse(readFileSync(file, "utf8"));
  return { passed: json.numPassedTests, failed: json.numFailedTests };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
}
