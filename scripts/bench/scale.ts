// `npm run bench:scale`: what more payments instances buy when payments is the slow part. Steps
// 03 and 04, payments slowed by 500 ms (every message it handles waits), the same 30 orders from
// 6 shoppers: the time until every order is final with one payments instance and with three
// (competing consumers on one queue). Three runs each, the median kept; then
// docs/benchmarks/scale.json and scale.md with a chart. Options: --steps 03 (default 03,04),
// --runs N (default 3), --out DIR (default docs/benchmarks).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ROOT, STEPS, startShopUnderTest } from "../../tests/support/shop-under-test.ts";
import { closedLoop, median, prepare, round, seededOrders, summarize, untilFinal } from "./load.ts";
import { barChart } from "./svg.ts";

const { values } = parseArgs({
  options: {
    steps: { type: "string", default: "03,04" },
    runs: { type: "string", default: "3" },
    out: { type: "string", default: join(ROOT, "docs/benchmarks") },
  },
});
const RUNS = Number(values.runs);
const wanted = values.steps!.split(",").map((s) => s.padStart(2, "0"));
const steps = STEPS.filter((s) => wanted.includes(s.slice(0, 2)));
const LOAD = { orders: 30, concurrency: 6, slowMs: 500 };
const INSTANCES = [1, 3];

/** Seconds until the last of the load's orders was final, one number per run. */
async function timesToFinal(step: string, instances: number): Promise<number[]> {
  const shop = await startShopUnderTest(step, { scale: { payments: instances } });
  try {
    const warmUp = await closedLoop(shop, seededOrders(LOAD.orders, 7), LOAD.concurrency);
    await untilFinal(shop, warmUp.sent, warmUp.start);
    const seconds: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      await prepare(shop);
      await shop.slowPayments(LOAD.slowMs);
      const { sent, start } = await closedLoop(shop, seededOrders(LOAD.orders), LOAD.concurrency);
      await untilFinal(shop, sent, start);
      const { allFinalMs } = summarize(sent);
      if (allFinalMs === null) throw new Error(`${step}: an order was refused or never final`);
      seconds.push(round(allFinalMs / 1000));
      console.log(`${step}, ${instances} payments: all final after ${seconds.at(-1)} s`);
    }
    return seconds;
  } finally {
    await shop.stop();
  }
}

interface ScaleResult {
  step: string;
  instances: Record<number, { runs: number[]; median: number }>;
  /** How many times longer one instance took than three. */
  speedUp: number;
}

const began = Date.now();
const results: ScaleResult[] = [];
for (const step of steps) {
  const byInstances: ScaleResult["instances"] = {};
  for (const n of INSTANCES) {
    const runs = await timesToFinal(step, n);
    byInstances[n] = { runs, median: median(runs) };
  }
  const speedUp = round(byInstances[1]!.median / byInstances[3]!.median, 2);
  results.push({ step, instances: byInstances, speedUp });
}

const report = {
  date: new Date().toISOString(),
  durationSeconds: Math.round((Date.now() - began) / 1000),
  load: LOAD,
  runs: RUNS,
  steps: results,
};
mkdirSync(values.out!, { recursive: true });
writeFileSync(join(values.out!, "scale.json"), JSON.stringify(report, null, 2) + "\n");
const chart = barChart({
  title: `Payments +${LOAD.slowMs} ms: seconds until all ${LOAD.orders} orders are final`,
  unit: "s",
  categories: results.map((r) => r.step),
  series: INSTANCES.map((n) => ({
    name: `${n} payments instance${n > 1 ? "s" : ""}`,
    values: results.map((r) => r.instances[n]!.median),
  })),
});
writeFileSync(join(values.out!, "scale.svg"), chart);
const rows = results.map(
  (r) =>
    `| ${r.step} | ${r.instances[1]!.median} s (${r.instances[1]!.runs.join(", ")}) | ` +
    `${r.instances[3]!.median} s (${r.instances[3]!.runs.join(", ")}) | ${r.speedUp}x |`,
);
const { orders, concurrency, slowMs } = LOAD;
const page = [
  "# Scale out: one payments instance or three",
  "",
  `Written by \`npm run bench:scale\` on ${report.date.slice(0, 10)} (${report.durationSeconds} s).`,
  `Payments slowed by ${slowMs} ms: each message it handles waits that long, as a slow card network`,
  `would make it. ${orders} orders from ${concurrency} shoppers at a time; the time from the first`,
  `order until the last one is final; the median of ${RUNS} runs (each run in brackets). Three`,
  "instances are competing consumers on payments' one queue (`npm start -- 03 --scale payments=3`).",
  "",
  "| step | 1 payments instance | 3 payments instances | faster by |",
  "|---|---|---|---|",
  ...rows,
  "",
  `![Payments +${slowMs} ms: seconds until all ${orders} orders are final](scale.svg)`,
  "",
  "How to read it: each order is two messages for payments (the order, its stock reserved), and",
  `one instance handles one message at a time, so one instance needs about ${orders} x 2 x`,
  `${slowMs / 1000} s. Three share the queue: about a third of that, plus what the rest of the shop`,
  "takes. The other services are not slowed, so they are not the limit here.",
  "",
].join("\n");
writeFileSync(join(values.out!, "scale.md"), page);
console.log(`\nScale bench done in ${report.durationSeconds} s: ${join(values.out!, "scale.md")}`);
