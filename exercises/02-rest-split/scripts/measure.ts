// `npm run measure`: the table of this step's README. Starts the whole step on free ports, then
// for each fault profile places the same orders one after the other and reports latency, success
// and downstream calls per order. A script, not a test: numbers depend on the machine.
import { join } from "node:path";
import { chaosClient } from "@shop/kit";
import { startStep } from "@shop/kit/testing";

const ORDERS = Number(process.env.ORDERS ?? 40);
const stepDir = join(import.meta.dirname, "..");

interface Profile {
  name: string;
  apply(step: Awaited<ReturnType<typeof startStep>>): Promise<void>;
}

const slow =
  (ms: number, ...names: string[]) =>
  async (step: Awaited<ReturnType<typeof startStep>>) => {
    for (const name of names) await chaosClient(step.services[name]!.url).addLatency(ms);
  };
const stop =
  (...names: string[]) =>
  async (step: Awaited<ReturnType<typeof startStep>>) => {
    for (const name of names) await step.services[name]!.stop();
  };

const PROFILES: Profile[] = [
  { name: "healthy", apply: async () => {} },
  {
    name: "every dependency +100 ms",
    apply: slow(100, "catalog", "inventory", "payments", "payments-b", "shipping"),
  },
  { name: "payments +300 ms", apply: slow(300, "payments", "payments-b") },
  {
    name: "payments +600 ms (past the 500 ms timeout)",
    apply: slow(600, "payments", "payments-b"),
  },
  { name: "one payments instance down", apply: stop("payments") },
  { name: "both payments instances down", apply: stop("payments", "payments-b") },
  { name: "catalog down (prices cached)", apply: stop("catalog") },
];

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function measure(profile: Profile) {
  const step = await startStep(stepDir);
  const web = step.services.web!.url;
  const post = (body: unknown) =>
    fetch(`${web}/api/orders`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  try {
    await fetch(`${web}/api/admin/products/NTB-001/restock`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shop-admin": "1" },
      body: JSON.stringify({ qty: 10_000 }),
    });
    await post({ lines: [{ sku: "NTB-001", qty: 1 }], card: "4242424242424242" }); // warm-up, and teaches orders the price
    await profile.apply(step);
    const times: number[] = [];
    let ok = 0;
    let calls = 0;
    for (let i = 0; i < ORDERS; i++) {
      const started = performance.now();
      const response = await post({
        lines: [{ sku: "NTB-001", qty: 1 }],
        card: "4242424242424242",
      });
      await response.text();
      times.push(performance.now() - started);
      if (response.status === 201) ok += 1;
      calls += Number(response.headers.get("x-downstream-calls") ?? 0);
    }
    times.sort((a, b) => a - b);
    return {
      profile: profile.name,
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      success: ok / ORDERS,
      calls: calls / ORDERS,
    };
  } finally {
    await step.stop();
  }
}

console.log(`${ORDERS} one-line orders per profile, one after the other, through the gateway\n`);
console.log("| profile | p50 | p95 | confirmed | calls per order |\n|---|---|---|---|---|");
for (const profile of PROFILES) {
  const r = await measure(profile);
  console.log(
    `| ${r.profile} | ${r.p50.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${(r.success * 100).toFixed(0)}% | ${r.calls.toFixed(1)} |`,
  );
}
