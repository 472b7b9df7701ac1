// The bench's Markdown report and its charts, from the medians. The targets of the workshop's
// claim are checked here and shown as met or not, with the numbers that decide it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Profile, ProfileResult, StepResult } from "./main.ts";
import { barChart, lineChart } from "./svg.ts";

interface Report {
  date: string;
  durationSeconds: number;
  runsPerStep: number;
  machine: Record<string, string | number>;
  loads: Record<Profile, { orders: number; concurrency: number }>;
  rates: number[];
  levelSeconds: number;
  steps: StepResult[];
}

const PROFILES: Profile[] = ["healthy", "payments +500 ms", "payments down"];
const ms = (v: number | null | undefined) =>
  v === null || v === undefined ? "–" : `${Math.round(v)} ms`;
const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? "–" : `${Math.round(v * 1000) / 10}%`;

export interface Target {
  claim: string;
  numbers: string;
  met: boolean;
}

export function targets(report: Report): Target[] {
  const byStep = (prefix: string) => report.steps.find((s) => s.step.startsWith(prefix))?.median;
  const out: Target[] = [];
  for (const prefix of ["03", "04"]) {
    const m = byStep(prefix);
    if (!m) continue;
    const healthy = m.profiles.healthy!;
    const slow = m.profiles["payments +500 ms"]!;
    out.push({
      claim: `${prefix}: acceptance p99 with payments +500 ms ≤ healthy p99 + 50 ms`,
      numbers: `${ms(slow.p99)} vs ${ms(healthy.p99)} + 50 ms`,
      met: slow.p99 <= healthy.p99 + 50,
    });
    const down = m.profiles["payments down"]!;
    out.push({
      claim: `${prefix}: payments down → 100% accepted, all final within 5 s of its return`,
      numbers: `${pct(down.success)} accepted; last final ${ms(down.finalAfterReturnMs)} after payments was back`,
      met:
        down.success === 1 &&
        down.finalAfterReturnMs !== null &&
        down.finalAfterReturnMs !== undefined &&
        down.finalAfterReturnMs <= 5_000,
    });
  }
  const one = byStep("01");
  const three = byStep("03");
  const four = byStep("04");
  if (three && four) {
    const [p99of3, p99of4] = [three.profiles.healthy!.p99, four.profiles.healthy!.p99];
    out.push({
      claim: "04's throughput knee ≥ 90% of 03's (same run)",
      numbers: `${four.knee} vs ${three.knee} orders/s (${Math.round((four.knee / Math.max(1, three.knee)) * 100)}%)`,
      met: four.knee >= 0.9 * three.knee,
    });
    out.push({
      claim: "04: healthy acceptance p99 ≤ 03's + 20 ms",
      numbers: `${ms(p99of4)} vs ${ms(p99of3)} + 20 ms`,
      met: p99of4 <= p99of3 + 20,
    });
  }
  if (one && three) {
    out.push({
      claim: "03's throughput knee ≥ 25% of 01's (same run)",
      numbers: `${three.knee} vs ${one.knee} orders/s (${Math.round((three.knee / Math.max(1, one.knee)) * 100)}%)`,
      met: three.knee >= 0.25 * one.knee,
    });
  }
  return out;
}

export function writeReport(dir: string, report: Report): void {
  const steps = report.steps.map((s) => s.step);
  const value = (step: StepResult, profile: Profile, key: keyof ProfileResult) =>
    (step.median.profiles[profile]?.[key] as number | null | undefined) ?? null;

  writeFileSync(
    join(dir, "acceptance-p99.svg"),
    barChart({
      title: "Time to accept an order, p99 (median of runs)",
      unit: "ms",
      categories: steps,
      series: PROFILES.map((profile) => ({
        name: profile,
        values: report.steps.map((s) => value(s, profile, "p99")),
      })),
    }),
  );
  writeFileSync(
    join(dir, "success.svg"),
    barChart({
      title: "Orders accepted or confirmed (%)",
      unit: "%",
      categories: steps,
      series: PROFILES.map((profile) => ({
        name: profile,
        values: report.steps.map((s) =>
          value(s, profile, "success") === null ? null : value(s, profile, "success")! * 100,
        ),
      })),
    }),
  );
  const reached = report.rates.filter((r) =>
    report.steps.some((s) => s.median.levels.some((l) => l.rate === r)),
  );
  writeFileSync(
    join(dir, "knee.svg"),
    lineChart(
      {
        title: "p99 against offered load (dashed: 1 s)",
        unit: "p99 ms (capped at 2000)",
        categories: reached.map(String),
        series: report.steps.map((s) => ({
          name: s.step,
          values: reached.map((r) => s.median.levels.find((l) => l.rate === r)?.p99 ?? null),
        })),
      },
      2_000,
      1_000,
    ),
  );

  const rows = report.steps.flatMap((s) =>
    PROFILES.filter((p) => s.median.profiles[p]).map((p) => {
      const r = s.median.profiles[p]!;
      return `| ${s.step} | ${p} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${pct(r.success)} | ${ms(r.allFinalMs)} | ${r.finalAfterReturnMs === undefined ? "" : ms(r.finalAfterReturnMs)} | ${r.throughput} |`;
    }),
  );
  const kneeRows = report.steps.map(
    (s) => `| ${s.step} | ${s.median.knee} | ${s.runs.map((r) => r.knee).join(", ")} |`,
  );
  const checks = targets(report).map(
    (t) => `| ${t.met ? "met" : "**not met**"} | ${t.claim} | ${t.numbers} |`,
  );
  const m = report.machine;
  const markdown = `# Benchmarks: the same shop, four ways

Written by \`npm run bench\` on ${report.date.slice(0, 10)} in ${Math.round(report.durationSeconds / 60)} min (${report.runsPerStep} runs per step; every number is the median of the runs).
Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node}, RabbitMQ ${m.rabbitmq}. The load generator runs on the same machine as the shop and the broker.

## The claim, checked
| | target | measured |
|---|---|---|
${checks.join("\n")}

## Placing orders under faults
Each profile sends the same seeded orders (${report.loads.healthy.orders} orders by ${report.loads.healthy.concurrency} workers; with so few, p99 is the slowest answer),
after the seed data is back and every product restocked through the admin API; an unmeasured
warm-up load runs first on each step. "Accepted" is the
answer to \`POST /api/orders\` (201 in 01/02, 202 in 03/04); "all final" runs from the first order
sent until the last accepted one was CONFIRMED or REJECTED; "after return" from payments being back
until then. Payments +500 ms is the kit's latency switch on every payments process (01: its card
network, \`PAYMENT_DELAY_MS\`).

| step | profile | p50 | p95 | p99 | accepted | all final | after return | answers/s |
|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

![Time to accept an order](acceptance-p99.svg)

![Orders accepted](success.svg)

## The throughput knee
Orders arrive at a fixed rate whatever the answers (open loop), ${report.levelSeconds} s per rate, rates ${report.rates.join(", ")} orders/s,
each level drained before the next. The knee is the highest rate with p99 under 1 s and every order accepted.

| step | knee (orders/s, median) | runs |
|---|---|---|
${kneeRows.join("\n")}

![p99 against offered load](knee.svg)

## Reading it
- 01 answers fast: one process, one transaction. But the charge happens inside that one write
  transaction, so a slow card network makes orders queue behind each other: with 6 shoppers at
  once, each waits for the others' 500 ms.
- 02 pays for every hop, and a slow or stopped payments service turns into refused orders (503)
  once timeouts, retries, failover and the breaker have done what they can. The breaker is why
  the slow profile's median answer is fast: after a few timeouts it refuses at once.
- 03 and 04 answer before payments is involved: a slow or stopped payments service delays the
  confirmation, not the answer, and nothing is refused. The price is work after the answer ("all
  final": with payments slowed, 0.5 s for each of the two messages it handles per order, one at a
  time) and more moving parts. Their healthy p99 can be above the slowed one: when payments is
  fast, confirmations are being processed while new orders arrive, on the same two cores.
- 04 appends each order to the event store and answers; its read models (the order list, sales)
  follow in their own loop, a batch of events per transaction, with a 20 ms pause after each
  run. "04-event-sourcing (inline)" is the same step with \`PROJECTIONS=inline\`: each answer
  waits until the read models have applied the write, so the list never lags, and that work (and
  its disk syncs) is paid on every request instead of once a batch.
- The raw numbers of every run are in [results.json](results.json).
`;
  writeFileSync(join(dir, "README.md"), markdown);
}
