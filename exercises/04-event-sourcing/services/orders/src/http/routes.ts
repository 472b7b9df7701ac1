import { Router } from "express";
import { adminGuard, InvalidInput, validate } from "@shop/kit";
import { z } from "zod";
import { inTransaction, type PrismaClient } from "../../prisma/client.ts";
import { cancelOrder } from "../cancel-order.ts";
import { listProductCopy } from "../db/product-copy.ts";
import { clearOrders, listOrders, salesByProduct } from "../db/read-models.ts";
import type { StatusFeed } from "../messaging/status-feed.ts";
import { historyOf, orderAt } from "../order-history.ts";
import { placeOrder } from "../place-order.ts";
import { rebuildAll } from "../projections/index.ts";
import { idempotent } from "./idempotent.ts";
import { streamStatus } from "./live-status.ts";
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
// plain decimal integers: Number() alone would also take "0x10", "1e2" and " 5"
const AtVersion = z.object({
  version: z
    .string("must be a number")
    .refine((text) => !Number.isNaN(Number(text)), "must be a number")
    .regex(/^-?\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int("must be a whole number").min(1, "must be at least 1"))
    .optional(),
});

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

/** `afterChange` wakes the read models (or, inline, brings them up to date) and the forwarder. */
export function ordersRoutes(
  db: PrismaClient,
  feed: StatusFeed,
  afterChange: () => Promise<void>,
): Router {
  const router = Router();

  router.post("/api/orders", async (req, res) => {
    const input = validate(PlaceOrderBody, req.body);
    const key = idempotencyKey(req.get("Idempotency-Key"));
    const { statusCode, body } = await idempotent(db, key, input, async (tx) => {
      const order = await placeOrder(tx, input, {
        correlationId: String(req.id),
        causationId: null,
      });
      req.log.info({ orderId: order.id, totalCents: order.totalCents }, "order accepted");
      return { statusCode: 202, body: orderView(order) };
    });
    await afterChange();
    res.status(statusCode).json(body);
  });

  /** The list is a read model: it may lag the store by a moment (async projections). */
  router.get("/api/orders", async (_req, res) => {
    res.json((await listOrders(db)).map(orderView));
  });

  /**
   * One order is folded from its own stream, a few events: the shopper who just placed or
   * cancelled it reads their own write, however far behind the read models are.
   * `?version=N` is time travel: the order as it was after its N-th event.
   */
  router.get("/api/orders/:id", async (req, res) => {
    const { id } = validate(OrderId, req.params);
    const { version } = validate(AtVersion, req.query);
    const at = await orderAt(db, id, version);
    res.json(
      version === undefined ? orderView(at.order) : { ...orderView(at.order), version: at.version },
    );
  });

  router.get("/api/orders/:id/history", async (req, res) => {
    const { id } = validate(OrderId, req.params);
    res.json(await historyOf(db, id));
  });

  router.get("/api/orders/:id/events", async (req, res) => {
    const { id } = validate(OrderId, req.params);
    await streamStatus(db, feed, id, res);
  });

  router.post("/api/orders/:id/cancel", async (req, res) => {
    const { id } = validate(OrderId, req.params);
    const order = await cancelOrder(db, id, { correlationId: String(req.id), causationId: null });
    await afterChange();
    req.log.info({ orderId: id }, "order cancelled");
    res.status(202).json(orderView(order));
  });

  /** Orders' copy of the catalog, for trainers and tests: what orders believes the prices are. */
  router.get("/admin/product-copy", async (_req, res) => {
    res.json(await listProductCopy(db));
  });

  router.get("/admin/sales", async (_req, res) => {
    res.json(await salesByProduct(db));
  });

  /** Drop every read model and build it again from position 0 of the store (`npx workshop rebuild`). */
  router.post("/admin/projections/rebuild", adminGuard(), async (req, res) => {
    const started = performance.now();
    const events = await rebuildAll(db);
    const ms = Math.round(performance.now() - started);
    req.log.info({ events, ms }, "read models rebuilt");
    res.json({ rebuilt: events, ms });
  });

  router.post("/admin/reset", async (_req, res) => {
    await inTransaction(db, clearOrders);
    res.status(204).end();
  });

  return router;
}
