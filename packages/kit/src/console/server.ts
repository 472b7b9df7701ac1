// The workshop console (http://localhost:3100): every service of the running step with its state
// and fault buttons, the broker link switch, the live feed of shop.events and an order's timeline.
// The supervisor owns the processes and hands them in; the console only asks them to act.
// It listens on loopback only, and its actions pass the admin guard: it can stop processes and
// inject faults, so no other web page may ask it to (see http/admin-guard.ts).
import type { Server } from "node:http";
import express, { type Request, type Response } from "express";
import { chaosClient, type ChaosSettings } from "../chaos.ts";
import { adminGuard } from "../http/admin-guard.ts";
import { InvalidInput, NotFound, toErrorResponse } from "../http/errors.ts";
import type { TcpProxy } from "../tcp-proxy.ts";
import type { MessageFeed } from "./feed.ts";
import { orderTimeline, parseLogLine, type LogEntry } from "./timeline.ts";

export type ServiceState = "starting" | "up" | "stopped" | "exited";

export interface ConsoleService {
  name: string;
  url: string;
  state(): ServiceState;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface ConsoleOptions {
  port: number;
  step: string;
  storefrontUrl?: string;
  services: ConsoleService[];
  /** Steps 03/04: the TCP proxy every service reaches the broker through. */
  brokerLink?: TcpProxy;
  feed?: MessageFeed;
  /** Steps 03/04: the step's AsyncAPI document (messaging/asyncapi.json), linked from the page. */
  asyncApiFile?: string;
}

export interface WorkshopConsole {
  url: string;
  /** One log line a service wrote; kept when it has a correlation id, for timelines. */
  record(service: string, line: string): void;
  close(): Promise<void>;
}

/** The buttons: each one a named fault of the kit, or a process action. */
const ACTIONS: Record<string, (service: ConsoleService) => Promise<unknown>> = {
  stop: (s) => s.stop(),
  restart: async (s) => {
    await s.stop();
    await s.start();
  },
  slow: (s) => chaosClient(s.url).addLatency(500),
  fail: (s) => chaosClient(s.url).failShare(1),
  heal: (s) => chaosClient(s.url).heal(),
};

const KEEP_LOGS = 5_000;

export async function startConsole(options: ConsoleOptions): Promise<WorkshopConsole> {
  const logs: LogEntry[] = [];
  const app = express();
  app.use(express.static(new URL("./page/", import.meta.url).pathname));

  // Like a service's: another step's supervisor can tell who holds this port.
  app.get("/health", (_req, res) => {
    res.json({
      status: "ok",
      service: "the workshop console",
      step: options.step,
      pid: process.pid,
    });
  });
  app.get("/api/state", async (_req, res) => {
    const services = await Promise.all(
      options.services.map(async (s) => ({
        name: s.name,
        url: s.url,
        state: s.state(),
        faults: s.state() === "up" ? await faultsOf(s.url) : null,
      })),
    );
    res.json({
      step: options.step,
      storefront: options.storefrontUrl ?? null,
      services,
      brokerLink: options.brokerLink ? (options.brokerLink.isCut() ? "cut" : "up") : null,
      feed: Boolean(options.feed),
      asyncApi: Boolean(options.asyncApiFile),
    });
  });
  app.get("/asyncapi.json", (_req, res) => {
    if (!options.asyncApiFile)
      return void reply(res, new NotFound("This step has no messages: no AsyncAPI document"));
    res.sendFile(options.asyncApiFile);
  });

  // Steps 03/04: orders PENDING for too long (a lost message, a dead letter): worth a look.
  app.get("/api/stuck-orders", async (_req, res) => {
    const orders = options.services.find((s) => s.name === "orders");
    try {
      if (!orders || orders.state() !== "up") throw new Error("orders is not running");
      const response = await fetch(`${orders.url}/admin/stuck-orders`, {
        signal: AbortSignal.timeout(1_000),
      });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      res.json(await response.json());
    } catch {
      res.json({ orders: [] }); // steps 01/02 have no sweeper; a stopped orders has nothing to say
    }
  });

  const guard = adminGuard();
  app.post(
    "/api/services/:name/:action",
    guard,
    async (req: Request<{ name: string; action: string }>, res) => {
      const service = options.services.find((s) => s.name === req.params.name);
      if (!service)
        return void reply(res, new NotFound(`No service ${req.params.name} in this step`));
      const action = ACTIONS[req.params.action];
      if (!action)
        return void reply(
          res,
          new InvalidInput({ action: `must be one of ${Object.keys(ACTIONS).join(", ")}` }),
        );
      if (
        req.params.action !== "restart" &&
        req.params.action !== "stop" &&
        service.state() !== "up"
      ) {
        return void fail(
          res,
          409,
          "SERVICE_NOT_RUNNING",
          `${service.name} is ${service.state()}; restart it first`,
        );
      }
      try {
        await action(service);
        res.json({ name: service.name, state: service.state() });
      } catch (error) {
        fail(
          res,
          502,
          "ACTION_FAILED",
          `${req.params.action} ${service.name}: ${(error as Error).message}`,
        );
      }
    },
  );

  app.post("/api/broker/:action", guard, (req: Request<{ action: string }>, res) => {
    const link = options.brokerLink;
    if (!link)
      return void reply(
        res,
        new NotFound("This step does not use the broker: there is no link to cut"),
      );
    if (req.params.action === "cut") link.cut();
    else if (req.params.action === "restore") link.restore();
    else return void reply(res, new InvalidInput({ action: "must be cut or restore" }));
    res.json({ brokerLink: link.isCut() ? "cut" : "up" });
  });

  // Server-sent events: the last 50 messages, then each new one as it arrives.
  app.get("/api/feed", (req, res) => {
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    const send = (message: unknown) => res.write(`data: ${JSON.stringify(message)}\n\n`);
    for (const message of options.feed?.recent().slice(-50) ?? []) send(message);
    const unsubscribe = options.feed?.subscribe(send);
    req.on("close", () => unsubscribe?.());
  });

  app.get("/api/orders", async (_req, res) => {
    if (!options.storefrontUrl) return void res.json([]);
    try {
      const orders = (await (
        await fetch(`${options.storefrontUrl}/api/orders`, { signal: AbortSignal.timeout(1_000) })
      ).json()) as unknown[];
      res.json(Array.isArray(orders) ? orders.slice(0, 10) : []);
    } catch {
      res.json([]); // the storefront is down: nothing to list, the page says so
    }
  });

  app.get("/api/orders/:id/timeline", (req: Request<{ id: string }>, res) => {
    res.json(orderTimeline(req.params.id, logs, options.feed?.recent() ?? []));
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port, "127.0.0.1", () => resolve(s));
    s.once("error", reject);
  });
  return {
    url: `http://localhost:${options.port}`,
    record: (service, line) => {
      const entry = parseLogLine(service, line);
      if (!entry?.correlationId) return;
      logs.push(entry);
      if (logs.length > KEEP_LOGS) logs.splice(0, logs.length - KEEP_LOGS);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function faultsOf(url: string): Promise<ChaosSettings | null> {
  try {
    const response = await fetch(`${url}/chaos`, { signal: AbortSignal.timeout(500) });
    return ((await response.json()) as { settings: ChaosSettings }).settings;
  } catch {
    return null; // hanging on purpose, or just stopped
  }
}

/** The kit's error body for the errors every service knows (400, 404). */
function reply(res: Response, error: Error): void {
  const { status, body } = toErrorResponse(error);
  res.status(status).json(body);
}

/** The console's own: a process that is not running (409), or one that would not start (502). */
function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}
