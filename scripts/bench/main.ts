// `npm run bench`: the story in numbers. Every step under the same seeded load and the same faults,
// three runs each, the median kept; then docs/benchmarks/results.json and README.md with charts.
// Options: --steps 01,03 (default all), --runs N (default 3), --out DIR (default docs/benchmarks),
// --report-only (write README.md and the charts again from results.json, measuring nothing).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  ROOT,
  STEPS,
  startShopUnderTest,
  type ShopUnderTest,
} from "../../tests/support/shop-under-test.ts";
import {
  closedLoop,
  median,
  openLoop,
  prepare,
  round,
  seededOrders,
  summarize,
  untilFinal,
  type RunResult,
} from "./load.ts";
import { writeReport } from "./report.ts";

const { values } = parseArgs({
  options: {
    steps: { type: "string" },
    runs: { type: "string", default: "3" },
    out: { type: "string", default: join(ROOT, "docs/benchmarks") },
    "report-only": { type: "boolean" },
  },
});
if (values["report-only"]) {
  writeReport(values.out!, JSON.parse(readFileSync(join(values.out!, "results.json"), "utf8")));
  console.log(`Report written again: ${join(values.out!, "README.md")}`);
  process.exit(0);
}
const RUNS = Number(values.runs);
const wanted = values.steps?.split(",").map((s) => s.padStart(2, "0"));
const steps = STEPS.filter((s) => !wanted || wanted.includes(s.slice(0, 2)));

/**
 * The closed-loop loads: fixed orders, fixed concurrency, the same for every profile so their
 * numbers compare. Small, because with payments slowed every order costs ≥ 0.5 s somewhere (in
 * 03/04, 0.5 s for each of the two messages payments handles per order, one at a time).
 */
const LOAD = { orders: 30, concurrency: 6 };
export const LOADS = { healthy: LOAD, "payments +500 ms": LOAD, "payments down": LOAD };
export type Profile = keyof typeof LOADS;
/** The knee: offered rates (orders/s), 2 s each, until p99 reaches 1 s or an order fails. */
export const RATES = [20, 40, 60, 90, 135, 200, 300, 450, 675, 1000];
const LEVEL_SECONDS = 2;

export interface ProfileResult extends RunResult {
  /** Payments down, 03/04: from payments being back until the last order was final (ms). */
  finalAfterReturnMs?: number | null;
}

export interface KneeLevel {
  rate: number;
  p99: number;
  success: number;
}

export interface StepResult {
  step: string;
  runs: { profiles: Partial<Record<Profile, ProfileResult>>; knee: number; levels: KneeLevel[] }[];
  median: { profiles: Partial<Record<Profile, ProfileResult>>; knee: number; levels: KneeLevel[] };
}

async function runProfile(shop: ShopUnderTest, profile: Profile): Promise<ProfileResult> {
  const { orders, concurrency } = LOADS[profile];
  await prepare(shop);
  if (profile === "payments +500 ms") await shop.slowPayments(500);
  if (profile === "payments down") for (const p of shop.payments()) await p.stop();
  const { sent, start } = await closedLoop(shop, seededOrders(orders), concurrency);
  let backAt: number | undefined;
  if (profile === "payments down") {
    for (const p of shop.payments()) await p.start();
    backAt = performance.now() - start;
  }
  await untilFinal(shop, sent, start);
  const result: ProfileResult = summarize(sent);
  if (backAt !== undefined && sent.some((s) => s.status === 202)) {
    result.finalAfterReturnMs =
      result.allFinalMs === null ? null : round(Math.max(0, result.allFinalMs - backAt));
  }
  return result;
}

async function findKnee(shop: ShopUnderTest): Promise<{ knee: number; levels: KneeLevel[] }> {
  const levels: KneeLevel[] = [];
  let knee = 0;
  for (const rate of RATES) {
    await prepare(shop);
    const { sent, start } = await openLoop(shop, seededOrders(rate * LEVEL_SECONDS, rate), rate);
    await untilFinal(shop, sent, start); // drained before the next level, so levels do not mix
    const { p99, success } = summarize(sent);
    levels.push({ rate, p99, success });
    if (p99 >= 1000 || success < 1) break;
    knee = rate;
  }
  return { knee, levels };
}

function medianOf(runs: StepResult["runs"]): StepResult["median"] {
  const profiles: Partial<Record<Profile, ProfileResult>> = {};
  for (const profile of Object.keys(LOADS) as Profile[]) {
    const results = runs
      .map((r) => r.profiles[profile])
      .filter((r): r is ProfileResult => r !== undefined);
    if (results.length === 0) continue;
    const m = {} as Record<string, number | null>;
    for (const key of Object.keys(results[0]!) as (keyof ProfileResult)[]) {
      const xs = results.map((r) => r[key]);
      m[key] = xs.some((x) => x === null || x === undefined) ? null : median(xs as number[]);
    }
    profiles[profile] = m as unknown as ProfileResult;
  }
  const levels = RATES.flatMap((rate) => {
    const at = runs
      .map((r) => r.levels.find((l) => l.rate === rate))
      .filter((l): l is KneeLevel => l !== undefined);
    return at.length === 0
      ? []
      : [{ rate, p99: median(at.map((l) => l.p99)), success: median(at.map((l) => l.success)) }];
  });
  return { profiles, knee: median(runs.map((r) => r.knee)), levels };
}

function machine() {
  const rabbit = (() => {
    try {
      return execFileSync("rabbitmqctl", ["version"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim();
    } catch {
      return "unknown";
    }
  })();
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: round(totalmem() / 2 ** 30),
    os: `Linux ${release()}`,
    node: process.version,
    rabbitmq: rabbit,
  };
}

/** What is measured: each step, and step 04 once more with its read models updated inline. */
const variants = steps.flatMap((step) => {
  const plain = { label: step, step, env: {} };
  if (!step.startsWith("04")) return [plain];
  return [plain, { label: `${step} (inline)`, step, env: { orders: { PROJECTIONS: "inline" } } }];
});

const began = Date.now();
const results: StepResult[] = [];
for (const { label: step, step: stepName, env } of variants) {
  const shop = await startShopUnderTest(stepName, { env });
  try {
    // Unmeasured warm-up: compiled code paths, open connections, a first pass through every queue.
    await prepare(shop);
    const warmUp = await closedLoop(shop, seededOrders(LOAD.orders, 7), LOAD.concurrency);
    await untilFinal(shop, warmUp.sent, warmUp.start);
    const runs: StepResult["runs"] = [];
    for (let run = 1; run <= RUNS; run++) {
      const profiles: Partial<Record<Profile, ProfileResult>> = {};
      for (const profile of Object.keys(LOADS) as Profile[]) {
        if (profile === "payments down" && shop.payments().length === 0) continue; // 01: no payments process
        profiles[profile] = await runProfile(shop, profile);
        console.log(`${step} run ${run} ${profile}: ${JSON.stringify(profiles[profile])}`);
      }
      const { knee, levels } = await findKnee(shop);
      console.log(
        `${step} run ${run} knee: ${knee} orders/s (${levels.map((l) => `${l.rate}/s p99 ${l.p99} ms`).join(", ")})`,
      );
      runs.push({ profiles, knee, levels });
    }
    results.push({ step, runs, median: medianOf(runs) });
  } finally {
    await shop.stop();
  }
}
const report = {
  date: new Date().toISOString(),
  durationSeconds: Math.round((Date.now() - began) / 1000),
  runsPerStep: RUNS,
  machine: machine(),
  loads: LOADS,
  rates: RATES,
  levelSeconds: LEVEL_SECONDS,
  steps: results,
};
mkdirSync(values.out!, { recursive: true });
writeFileSync(join(values.out!, "results.json"), JSON.stringify(report, null, 2) + "\n");
writeReport(values.out!, report);
console.log(`\nBench done in ${report.durationSeconds} s: ${join(values.out!, "README.md")}`);
