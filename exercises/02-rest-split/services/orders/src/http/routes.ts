import { Router, type Request } from "express";
import { InvalidInput, NotFound, validate } from "@shop/kit";
import { z } from "zod";
import { inTransaction, type PrismaClient } from "../../prisma/client.ts";
import { budgetFrom } from "../budget.ts";
import { cancelOrder } from "../cancel-order.ts";
import type { CallContext } from "../clients/http.ts";
import { clearOrders, findOrder, listOrders } from "../db/orders.ts";
import type { createDependencies } from "../dependencies.ts";
import { placeOrder, resumeOrder } from "../place-order.ts";
import type { SagaRun } from "../saga.ts";
import { idempotent } from "./idempotent.ts";
import { orderView } from "./order-view.ts";

const Line = z.object({
  sku: z.string("must be a string").regex(/^[A-Z0-9-]{1,32}$/, "must be a sku such as MUG-001"),
  qty: z.int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100"),
});

export const PlaceOrderBody = z.object({
  lines: z
    .array(Line, "must be a list of { sku, qty }")
    .min(1, "must have at least one line")
    .max(20, "must have at most 20 lines")
    .superRefine((lines, ctx) => {
      lines.forEach((line, i) => {
        if (lines.findIndex((other) => other.sku === line.sku) < i) {
          ctx.addIssue({ code: "custom", path: [i, "sku"], message: "appears on an earlier line" });
        }
      });
    }),
  card: z.string("must be a string of 16 digits").regex(/^\d{16}$/, "must be 16 digits"),
});

const OrderId = z.object({ id: z.uuid("must be an order id (a UUID)") });

/** Visible ASCII without commas: the same key sent twice arrives as one header, joined by ", ". */
const KEY_CHARS = /^[\x21-\x7e]+$/;

function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (header.length < 1 || header.length > 200)
    throw new InvalidInput({ "Idempotency-Key": "must be 1 to 200 characters" });
  if (!KEY_CHARS.test(header) || header.includes(",")) {
    throw new InvalidInput({
      "Idempotency-Key": "must be visible ASCII characters, without commas",
    });
  }
  return header;
}

/** How many calls to other services this request made: sent back so a learner can see it. */
const DOWNSTREAM_CALLS = "x-downstream-calls";
/** How long the caller (the gateway) waits for the answer, in ms: orders' time budget (budget.ts). */
const CALLER_TIMEOUT = "x-timeout-ms";

export function ordersRoutes(
  db: PrismaClient,
  dependencies: ReturnType<typeof createDependencies>,
  afterStep?: SagaRun["afterStep"], // for tests only (crash-switch.ts)
): Router {
  const router = Router();
  const contextOf = (req: Request): CallContext => ({ correlationId: String(req.id), calls: 0 });

  router.post("/api/orders", async (req, res) => {
    const input = validate(PlaceOrderBody, req.body);
    const key = idempotencyKey(req.get("Idempotency-Key"));
    const budget = budgetFrom(req.get(CALLER_TIMEOUT));
    const ctx: CallContext = { ...contextOf(req), deadline: budget.forward };
    const run: SagaRun = { db, deps: dependencies(ctx), budget, log: req.log, afterStep };
    try {
      const { statusCode, body } = await idempotent(db, key, input, budget.answerBy, {
        place: (claim) => placeOrder(run, input, claim),
        resume: (orderId) => resumeOrder(run, orderId, input.card),
      });
      const order = body as { id: string; totalCents: number };
      if (statusCode === 201)
        req.log.info(
          { orderId: order.id, totalCents: order.totalCents, downstreamCalls: ctx.calls },
          "order confirmed",
        );
      res.setHeader(DOWNSTREAM_CALLS, String(ctx.calls)).status(statusCode).json(body);
    } catch (error) {
      res.setHeader(DOWNSTREAM_CALLS, String(ctx.calls));
      throw error;
    }
  });

  router.get("/api/orders", async (_req, res) => {
    res.json((await listOrders(db)).map(orderView));
  });

  router.get("/api/orders/:id", async (req, res) => {
    const { id } = validate(OrderId, req.params);
    const order = await findOrder(db, id);
    if (!order) throw new NotFound(`No order ${id}`);
    res.json(orderView(order));
  });

  router.post("/api/orders/:id/cancel", async (req, res) => {
    const { id } = validate(OrderId, req.params);
    const ctx = contextOf(req);
    const order = await cancelOrder(db, dependencies(ctx).undo, id, req.log);
    req.log.info({ orderId: id, status: order.status, downstreamCalls: ctx.calls }, "order cancel");
    res.setHeader(DOWNSTREAM_CALLS, String(ctx.calls));
    // 202: accepted, and under way; the compensation loop finishes what a service did not take yet
    res.status(order.status === "CANCELLED" ? 200 : 202).json(orderView(order));
  });

  router.post("/admin/reset", async (_req, res) => {
    await inTransaction(db, clearOrders);
    res.status(204).end();
  });

  return router;
}
