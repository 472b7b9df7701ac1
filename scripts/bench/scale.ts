// `npm run bench:scale`: what more payments instances buy when payments is the slow part. Steps
// 03 and 04, payments slowed by 500 ms (every message it handles waits), the same 30 orders from
// 6 shoppers: the time until every order is final with one payments instance and with three
// (competing consumers on one queue). Step 02, payments slowed by 300 ms (its calls time out at
// 500): the latency of placing an order with one payments instance and with two (round robin).
// Three runs each, the median kept; then docs/benchmarks/scale.json and scale.md with charts.
// Options: --steps 03 (default 02,03,04), --runs N (default 3), --out DIR (default docs/benchmarks).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chaosClient } from "@shop/kit";
import { ROOT, STEPS, startShopUnderTest } from "../../tests/support/shop-under-test.ts";
import { closedLoop, median, prepare, round, seededOrders, summarize, untilFinal } from "./load.ts";
import type { RunResult } from "./load.ts";
import { barChart } from "./svg.ts";

const { values } = parseArgs({
  options: {
    steps: { type: "string", default: "02,03,04" },
    runs: { type: "string", default: "3" },
    out: { type: "string", default: join(ROOT, "docs/benchmarks") },
  },
});
const RUNS = Number(values.runs);
const wanted = values.steps!.split(",").map((s) => s.padStart(2, "0"));
const steps = STEPS.filter((s) => wanted.includes(s.slice(0, 2)) && s !== "02-rest-split");
const LOAD = { orders: 30, concurrency: 6, slowMs: 500 };
const INSTANCES = [1, 3];
// Step 02: its payments calls time out after 500 ms, so 300 ms of slowness still goes through.
const REST_LOAD = { orders: 200, concurrency: 20, slowMs: 300 };
const REST_INSTANCES = [1, 2];

interface LatencyResult {
  instances: number;
  p50: number;
  p99: number;
  throughput: number;
  /** Charges each payments instance took in the last run: round robin shares them. */
  perInstance: number[];
}

/** Step 02 under load: answers' latency with one payments instance (orders asks only it) or two. */
async function restLatency(instances: number): Promise<LatencyResult> {
  const only = { orders: { PAYMENTS_URLS: "{payments}" } }; // payments-b runs, never asked
  const shop = await startShopUnderTest("02-rest-split", { env: instances === 1 ? only : {} });
  try {
    const counts = () => Promise.all(shop.payments().map((p) => chaosClient(p.url).requestCount()));
    await prepare(shop);
    await closedLoop(shop, seededOrders(50, 7), REST_LOAD.concurrency); // warm-up
    const runs: RunResult[] = [];
    let perInstance: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      await prepare(shop);
      await shop.slowPayments(REST_LOAD.slowMs);
      const before = await counts();
      const { sent } = await closedLoop(
        shop,
        seededOrders(REST_LOAD.orders),
        REST_LOAD.concurrency,
      );
      perInstance = (await counts()).map((n, i) => n - before[i]!);
      const result = summarize(sent);
      if (result.success < 1)
        throw new Error(`02: ${result.success * 100}% of orders went through`);
      runs.push(result);
      console.log(`02, ${instances} payments: p50 ${result.p50} ms, p99 ${result.p99} ms`);
    }
    const mid = (key: "p50" | "p99" | "throughput") => median(runs.map((r) => r[key]));
    return {
      instances,
      p50: mid("p50"),
      p99: mid("p99"),
      throughput: mid("throughput"),
      perInstance,
    };
  } finally {
    await shop.stop();
  }
}

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

const rest: LatencyResult[] = [];
if (wanted.includes("02")) for (const n of REST_INSTANCES) rest.push(await restLatency(n));

const report = {
  date: new Date().toISOString(),
  durationSeconds: Math.round((Date.now() - began) / 1000),
  load: LOAD,
  runs: RUNS,
  steps: results,
  restLoad: REST_LOAD,
  rest,
};
mkdirSync(values.out!, { recursive: true });
writeFileSync(join(values.out!, "scale.json"), JSON.stringify(report, null, 2) + "\n");
const { orders, concurrency, slowMs } = LOAD;
const page = [
  "# Scale out: more payments instances",
  "",
  `Written by \`npm run bench:scale\` on ${report.date.slice(0, 10)} (${report.durationSeconds} s).`,
  "Each figure is the median of " + `${RUNS} runs.`,
  "",
];

if (results.length > 0) {
  const chart = barChart({
    title: `Payments +${slowMs} ms: seconds until all ${orders} orders are final`,
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
  page.push(
    "## Steps 03 and 04: one payments instance or three",
    "",
    `Payments slowed by ${slowMs} ms: each message it handles waits that long, as a slow card`,
    `network would make it. ${orders} orders from ${concurrency} shoppers at a time; the time from`,
    "the first order until the last one is final (each run in brackets). Three instances are",
    "competing consumers on payments' one queue (`npm start -- 03 --scale payments=3`).",
    "",
    "| step | 1 payments instance | 3 payments instances | faster by |",
    "|---|---|---|---|",
    ...rows,
    "",
    `![Payments +${slowMs} ms: seconds until all ${orders} orders are final](scale.svg)`,
    "",
    "How to read it: each order is two messages for payments (the order, its stock reserved), and",
    `one instance handles one message at a time, so one instance needs about ${orders} x 2 x`,
    `${slowMs / 1000} s. Three share the queue: about a third of that, plus what the rest of the`,
    "shop takes. The other services are not slowed, so they are not the limit here.",
    "",
  );
}

if (rest.length > 0) {
  const [one, two] = rest as [LatencyResult, LatencyResult];
  const chart = barChart({
    title: `Step 02, payments +${REST_LOAD.slowMs} ms: time to answer an order`,
    unit: "ms",
    categories: ["p50", "p99"],
    series: rest.map((r) => ({
      name: `${r.instances} payments instance${r.instances > 1 ? "s" : ""}`,
      values: [r.p50, r.p99],
    })),
  });
  writeFileSync(join(values.out!, "scale-02.svg"), chart);
  const row = (r: LatencyResult) =>
    `| ${r.instances} | ${r.p50} ms | ${r.p99} ms | ${r.throughput} | ${r.perInstance.join(" / ")} |`;
  page.push(
    "## Step 02: one payments instance or two (round robin)",
    "",
    `Payments slowed by ${REST_LOAD.slowMs} ms (its calls time out after 500 ms), ` +
      `${REST_LOAD.orders} orders from ${REST_LOAD.concurrency} shoppers at a time. With one`,
    "instance, orders asks only `payments`; with two, each charge starts at the next instance.",
    "",
    "| payments instances | p50 | p99 | orders/s | requests per instance (payments / payments-b) |",
    "|---|---|---|---|---|",
    row(one),
    row(two),
    "",
    `![Step 02, payments +${REST_LOAD.slowMs} ms: time to answer an order](scale-02.svg)`,
    "",
    "How to read it: the second instance takes half the charges, and the shopper waits as long as",
    "before. An HTTP instance serves every call at once, so its capacity was never the limit: the",
    `${REST_LOAD.slowMs} ms are the card network's, and each shopper waits them out inside the`,
    "request, however many instances there are. What the second instance buys is availability:",
    "when one is down, calls fail over to the other. Steps 03 and 04 are the other way round: the",
    "shopper does not wait for payments, and more instances shorten the time until orders are",
    "final, because each consumer takes one message at a time.",
    "",
  );
}
const text = page.join("\n");
writeFileSync(join(values.out!, "scale.md"), text);
console.log(`\nScale bench done in ${report.durationSeconds} s: ${join(values.out!, "scale.md")}`);
