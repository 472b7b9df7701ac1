// Fault injection for the workshop. Every service mounts it; it is active only when
// SHOP_CHAOS=1 (the supervisor and the test harness set it, never NODE_ENV=production) and answers
// loopback callers only. Each fault is a named call on /chaos, never a magic value in business data.
import { Router, type Request, type RequestHandler } from "express";
import { ADMIN_HEADERS } from "./http/admin-guard.ts";

export interface ChaosSettings {
  /** Added before handling each request. */
  latencyMs: number;
  /** Share of requests answered 503 before handling (0..1). */
  failRate: number;
  /** Share of requests handled, then answered by closing the connection: the work is done, the caller sees a failure. */
  dropRate: number;
  /** Stop answering at all (the connection stays open until the caller gives up). */
  hang: boolean;
}

const NONE: ChaosSettings = { latencyMs: 0, failRate: 0, dropRate: 0, hang: false };
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A service process mounts one chaos router; its message handlers (steps 03/04) read the same
// settings through chaosPause, so "slow payments" slows whatever payments does. (Tests that run
// several services in one process get fresh settings with each router.)
let processFaults: { settings: ChaosSettings } = { settings: { ...NONE } };

/** The latency fault, for work that does not come over HTTP (a message handler). */
export async function chaosPause(): Promise<void> {
  if (processFaults.settings.latencyMs > 0) await sleep(processFaults.settings.latencyMs);
}

/** For the workshop's switches: callers on this machine only; anyone else gets a 403. */
export const loopbackOnly: RequestHandler = (req, res, next) => {
  if (LOOPBACK.has(req.socket.remoteAddress ?? "")) return next();
  res
    .status(403)
    .json({ error: { code: "FORBIDDEN", message: "chaos answers loopback callers only" } });
};

export const chaosEnabled = () =>
  process.env.SHOP_CHAOS === "1" && process.env.NODE_ENV !== "production";

/** A share as a steady pattern, not a dice roll: a rate of 0.5 hits the 1st, 3rd, 5th… request. */
function everyNth(rate: number, n: number): boolean {
  return Math.ceil(n * rate) !== Math.ceil((n - 1) * rate);
}

export function chaos(enabled = chaosEnabled()): Router {
  const router = Router();
  if (!enabled) return router;
  const faults = { settings: { ...NONE } };
  processFaults = faults;
  let requests = 0;
  let failCount = 0;
  let dropCount = 0;

  router.get("/chaos", loopbackOnly, (_req, res) => {
    res.json({ settings: faults.settings, requests });
  });
  router.post("/chaos", loopbackOnly, (req: Request, res) => {
    // one JSON body changes any of the settings; {} resets them all
    const body = (req.body ?? {}) as Partial<ChaosSettings>;
    faults.settings =
      Object.keys(body).length === 0 ? { ...NONE } : { ...faults.settings, ...pick(body) };
    failCount = dropCount = 0;
    res.json({ settings: faults.settings, requests });
  });

  // the workshop's own read-outs and switches are not the service's work: no fault reaches them
  const exempt = (path: string) =>
    path === "/health" || path.startsWith("/chaos") || path === "/admin/messaging";
  router.use(async (req, res, next) => {
    if (exempt(req.path)) return next();
    requests += 1;
    if (faults.settings.hang) return; // never answer
    if (faults.settings.latencyMs > 0) await sleep(faults.settings.latencyMs);
    if (faults.settings.failRate > 0 && everyNth(faults.settings.failRate, ++failCount)) {
      res.status(503).json({
        error: {
          code: "CHAOS_FAILURE",
          message: "failed on purpose by the workshop's chaos switch",
        },
      });
      return;
    }
    if (faults.settings.dropRate > 0 && everyNth(faults.settings.dropRate, ++dropCount)) {
      res.end = (() => {
        req.socket.destroy();
        return res;
      }) as typeof res.end;
    }
    next();
  });
  return router;
}

function pick(body: Partial<ChaosSettings>): Partial<ChaosSettings> {
  const out: Partial<ChaosSettings> = {};
  if (typeof body.latencyMs === "number" && body.latencyMs >= 0) out.latencyMs = body.latencyMs;
  if (typeof body.failRate === "number" && body.failRate >= 0 && body.failRate <= 1)
    out.failRate = body.failRate;
  if (typeof body.dropRate === "number" && body.dropRate >= 0 && body.dropRate <= 1)
    out.dropRate = body.dropRate;
  if (typeof body.hang === "boolean") out.hang = body.hang;
  return out;
}

/** For tests, the supervisor and the console: the named faults of one running service. */
export function chaosClient(baseUrl: string) {
  const set = async (settings: Partial<ChaosSettings>) => {
    const headers = { "content-type": "application/json", ...ADMIN_HEADERS };
    const response = await fetch(`${baseUrl}/chaos`, {
      method: "POST",
      headers,
      body: JSON.stringify(settings),
    });
    if (!response.ok)
      throw new Error(`chaos at ${baseUrl} answered ${response.status}: is SHOP_CHAOS=1 set?`);
    return (await response.json()) as { settings: ChaosSettings; requests: number };
  };
  return {
    addLatency: (ms: number) => set({ latencyMs: ms }),
    failShare: (rate: number) => set({ failRate: rate }),
    dropResponses: (rate: number) => set({ dropRate: rate }),
    stopAnswering: () => set({ hang: true }),
    heal: () => set({}),
    requestCount: async () =>
      ((await (await fetch(`${baseUrl}/chaos`)).json()) as { requests: number }).requests,
  };
}
