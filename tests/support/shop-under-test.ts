// Any step, started the way its tests start it (services.json, free ports, fresh databases), seen
// only through the storefront API (the README's table) plus the kit's switches: stop/start a process, slow
// it, cut the broker link. Nothing here knows how a step works inside, so one suite serves all.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  amqpUrlVia,
  brokerAddress,
  brokerNamespace,
  chaosClient,
  DEFAULT_AMQP_URL,
  eventually,
} from "@shop/kit";
import {
  loadStep,
  startStep,
  startTcpProxy,
  type RunningService,
  type RunningStep,
  type StartStepOptions,
  type TcpProxy,
} from "@shop/kit/testing";

export const ROOT = join(import.meta.dirname, "../..");
export const STEPS = readdirSync(join(ROOT, "steps"))
  .filter((name) => /^\d\d-/.test(name))
  .sort();

export interface Reply {
  status: number;
  body: any;
  ms: number;
}

export interface ShopUnderTest {
  stepName: string;
  /** Steps 03/04: every service reaches the broker through this proxy. */
  brokerLink?: TcpProxy;
  service(name: string): RunningService;
  /** Every process of the step. */
  services(): RunningService[];
  /** Every instance of payments (step 02 runs two). */
  payments(): RunningService[];
  /**
   * The same fault in every step: payments takes `ms` longer. 02-04: the kit's latency switch on
   * every payments process (its HTTP calls and its messages). 01, where payments is a module: its
   * card network, by restarting the shop with PAYMENT_DELAY_MS. `reset()` undoes either.
   */
  slowPayments(ms: number): Promise<void>;
  get(path: string): Promise<Reply>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  put(path: string, body?: unknown): Promise<Reply>;
  /**
   * Waits until the order is CONFIRMED, REJECTED or CANCELLED, on its page and in the list (04's
   * list is a read model that follows a moment later), and returns it.
   */
  final(orderId: string): Promise<any>;
  /** Every process up and healed, the link restored, orders going through, seed data back and visible in the storefront. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const FINAL = new Set(["CONFIRMED", "REJECTED", "CANCELLED"]);

export async function startShopUnderTest(
  stepName: string,
  { scale = {}, env = {} }: Pick<StartStepOptions, "scale" | "env"> = {},
): Promise<ShopUnderTest> {
  const stepDir = join(ROOT, "steps", stepName);
  const usesBroker = Boolean(loadStep(stepDir).needsBroker);
  const namespace = `accept-${randomBytes(4).toString("hex")}.`;
  const prefix = brokerNamespace(stepDir, { SHOP_NAMESPACE: namespace }); // its broker names
  const brokerLink = usesBroker ? await startTcpProxy(brokerAddress()) : undefined;
  const sharedEnv: Record<string, string> = { SHOP_NAMESPACE: namespace };
  if (brokerLink) sharedEnv.AMQP_URL = amqpUrlVia(brokerLink.port);
  const step: RunningStep = await startStep(stepDir, { sharedEnv, scale, env });
  const web = step.services.web!.url;

  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const started = performance.now();
    const admin: Record<string, string> = path.startsWith("/api/admin")
      ? { "x-shop-admin": "1" }
      : {};
    const response = await fetch(web + path, {
      method,
      headers: { "content-type": "application/json", ...admin, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      ms: performance.now() - started,
    };
  };
  const service = (name: string) =>
    step.services[name] ?? fail(`${stepName} has no service ${name}`);
  const payments = () => Object.values(step.services).filter((s) => s.name.startsWith("payments"));
  let restartedWithDelay = false;
  // The storefront must come to show the seed data. Not "whatever it lists first": in 03/04 the
  // copy fills in one product event at a time, so an early look sees only part of the list.
  const seedView = await seedViewOf(stepDir);
  await eventually(
    async () => {
      const now = canonical((await call("GET", "/api/products")).body);
      if (now !== seedView)
        throw new Error(`the storefront does not show the seed data yet:\n${now}`);
    },
    { timeout: 15_000 },
  );

  const shop: ShopUnderTest = {
    stepName,
    brokerLink,
    service,
    services: () => Object.values(step.services),
    payments,
    slowPayments: async (ms) => {
      if (payments().length > 0) {
        for (const p of payments()) await chaosClient(p.url).addLatency(ms);
        return;
      }
      await service("web").stop();
      await service("web").start({ PAYMENT_DELAY_MS: String(ms) });
      restartedWithDelay = true;
    },
    get: (path) => call("GET", path),
    post: (path, body, headers) => call("POST", path, body, headers),
    put: (path, body) => call("PUT", path, body),
    final: (orderId) =>
      eventually(
        async () => {
          const { body } = await call("GET", `/api/orders/${orderId}`);
          if (!FINAL.has(body?.status)) throw new Error(`order ${orderId} is ${body?.status}`);
          const listed = (await call("GET", "/api/orders")).body.find((o: any) => o.id === orderId);
          if (listed?.status !== body.status)
            throw new Error(`order ${orderId} is ${body.status}, listed as ${listed?.status}`);
          return body;
        },
        { timeout: 15_000, interval: 50 },
      ),
    reset: async () => {
      brokerLink?.restore();
      if (restartedWithDelay) await service("web").stop();
      restartedWithDelay = false;
      await Promise.all(
        Object.values(step.services).map((s) => s.start().then(() => chaosClient(s.url).heal())),
      );
      // A breaker opened by the previous scenario stays open a few seconds: wait until an order goes through.
      await eventually(
        async () => {
          const probe = await call("POST", "/api/orders", {
            lines: [{ sku: "NTB-001", qty: 1 }],
            card: "4242424242424242",
          });
          if (probe.status !== 201 && probe.status !== 202)
            throw new Error(`a probe order answered ${probe.status}`);
          if (probe.status === 202) await shop.final(probe.body.id);
        },
        { timeout: 30_000, interval: 500 },
      );
      const { status } = await call("POST", "/api/admin/reset");
      if (status !== 204) throw new Error(`reset answered ${status}`);
      await eventually(
        async () => {
          const now = canonical((await call("GET", "/api/products")).body);
          if (now !== seedView)
            throw new Error(
              `the storefront does not show the seed data yet:\n${now}\nwanted:\n${seedView}`,
            );
        },
        { timeout: 10_000 },
      );
    },
    stop: async () => {
      await step.stop();
      await brokerLink?.close();
      const cleanup = join(stepDir, "messaging/cleanup.ts");
      if (existsSync(cleanup))
        await (
          await import(cleanup)
        ).deleteTopology(prefix, process.env.AMQP_URL ?? DEFAULT_AMQP_URL);
    },
  };
  return shop;
}

/** What every step's storefront lists on its seed data: the shop's products with their stock, by name. */
async function seedViewOf(stepDir: string): Promise<string> {
  const { SEED_PRODUCTS } = await import(join(stepDir, "services/catalog/src/db/seed.ts"));
  const { SEED_STOCK } = await import(join(stepDir, "services/inventory/src/db/seed.ts"));
  const view = (SEED_PRODUCTS as { sku: string; name: string; priceCents: number }[])
    .map((p) => ({ ...p, available: SEED_STOCK[p.sku] as number }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return canonical(view);
}

/** One line per product, in the storefront's order, whatever order its fields come in. */
function canonical(products: unknown): string {
  if (!Array.isArray(products)) return JSON.stringify(products);
  return products
    .map(({ sku, name, priceCents, available }) => `${sku} ${name} ${priceCents} ${available}`)
    .join("\n");
}

function fail(message: string): never {
  throw new Error(message);
}
