// Every timeout of step 02, in one place, and how they fit into the shopper's wait. A call that
// may outlive its caller is the bug of this step: the shopper is told "unavailable" while the
// work goes on, and the order is confirmed, charged, behind their back.
//
// Placing an order, 10 s in all (the gateway's wait, sent to orders as x-timeout-ms):
//   orders answers 250 ms before it, and stops calling forward 3 x 1 s before that, to try the
//   undos of a failed order once (release, refund, cancel the shipment) inside the wait.
//   Each forward call: attempts of 0.5 s, up to 3 (2 retries, with a backoff of at most 0.4 s).
//   Each undo: one attempt of 1 s; the compensation loop tries it again later.
// The other calls of the gateway, and shipping's, stand alone: no one else waits on them.
// The environment variables are for tests and demos that slow a service down on purpose.
const env = (name: string, ms: number) => Number(process.env[name] ?? ms);

export const TIMEOUTS = {
  /** The gateway's wait for any service: the budget of placing an order. */
  gatewayMs: env("GATEWAY_TIMEOUT_MS", 10_000),
  /** The gateway's product list: catalog and inventory, asked side by side. */
  productListMs: 1_000,
  /** The gateway's reset: each service rewrites its database from the seed. */
  resetMs: 5_000,
  /** orders -> catalog, inventory, payments, shipping: one attempt. */
  callAttemptMs: env("CALL_TIMEOUT_MS", 500),
  /** orders' undo calls (release, refund, cancel the shipment): one attempt. */
  undoMs: env("UNDO_TIMEOUT_MS", 1_000),
  /** orders: for the answer to get back to the caller. */
  answerMarginMs: 250,
  /** orders' budget when a caller does not say how long it waits (x-timeout-ms). */
  defaultBudgetMs: 10_000,
  /** The most orders takes on, whatever the caller says: a saga's record is held that long. */
  maxBudgetMs: 30_000,
  /** shipping -> catalog: does the sku of a quote exist? */
  skuCheckMs: 500,
} as const;
