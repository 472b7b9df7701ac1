import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PORT_OFFSET } from "../playwright.config.ts";
import { resetShop } from "./reset.ts";

// The workshop console the supervisor starts next to the shop (3100 + the offset of these specs).
const CONSOLE = `http://127.0.0.1:${3100 + PORT_OFFSET}`;
// The README's pictures come from here: `npm run screenshots` writes them to docs/screenshots;
// a normal run keeps them with the test results.
const SHOTS =
  process.env.SCREENSHOTS === "update"
    ? join(import.meta.dirname, "../../../docs/screenshots")
    : join(import.meta.dirname, "../test-results/screenshots");

test.beforeEach(async ({ request }) => {
  await resetShop(request);
});

test.afterEach(async ({ request }) => {
  await request.post(`${CONSOLE}/api/services/payments/restart`, {
    headers: { "x-shop-admin": "1" },
  });
  await request.post(`${CONSOLE}/api/broker/restore`, { headers: { "x-shop-admin": "1" } });
});

async function placeOrderInStorefront(page: Page, productName: string, screenshot?: string) {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const card = page.locator(".product", { has: page.getByRole("heading", { name: productName }) });
  await card.getByRole("button", { name: "Add to cart" }).click();
  if (screenshot) await page.screenshot({ path: join(SHOTS, screenshot) });
  await page.getByRole("button", { name: "Place order" }).click();
}

test("Stop payments in the console, order: PENDING; restart it: CONFIRMED, with the story in the timeline", async ({
  page,
  context,
}) => {
  const console = await context.newPage();
  await console.goto(CONSOLE);
  await console.getByRole("button", { name: "Stop payments" }).click();
  await expect(console.getByTestId("state-payments")).toHaveText("stopped");

  await placeOrderInStorefront(page, "Dot-grid notebook", "storefront.png");
  await expect(page.getByTestId("order-status")).toHaveText("PENDING");
  // each message with the instance that published it
  await expect(console.getByRole("list", { name: "message feed" })).toContainText(
    /orders\.order-placed \(order \w+\) from orders/,
  );

  await console.getByRole("button", { name: "Restart payments" }).click();
  await expect(console.getByTestId("state-payments")).toHaveText("up", { timeout: 15_000 });
  await expect(page.getByTestId("order-status")).toHaveText("CONFIRMED", { timeout: 15_000 });
  await page.screenshot({ path: join(SHOTS, "order.png") });

  await console
    .getByRole("button", { name: /CONFIRMED$/ })
    .first()
    .click();
  const timeline = console.getByRole("table", { name: "order timeline" });
  for (const step of [
    "orders.order-placed",
    "inventory.stock-reserved",
    "payments.payment-succeeded",
    "orders.order-confirmed",
  ]) {
    await expect(timeline).toContainText(step);
  }
  const published = timeline.locator("tr.message", { hasText: "payments.payment-succeeded" });
  await expect(published.locator("td").nth(1), "its publisher").toHaveText("payments");
  await console.screenshot({ path: join(SHOTS, "console.png"), fullPage: true });
});

test("Cut the broker link in the console: the order waits as PENDING and goes through once it is restored", async ({
  page,
  context,
}) => {
  const console = await context.newPage();
  await console.goto(CONSOLE);
  await console.getByRole("button", { name: "Cut the link" }).click();
  await expect(console.getByTestId("broker-state")).toHaveText("cut");

  await placeOrderInStorefront(page, "Canvas cap");
  await expect(page.getByTestId("order-status")).toHaveText("PENDING");

  await console.getByRole("button", { name: "Restore the link" }).click();
  await expect(console.getByTestId("broker-state")).toHaveText("up");
  await expect(page.getByTestId("order-status")).toHaveText("CONFIRMED", { timeout: 20_000 });
});

test("The console links the step's AsyncAPI document: every message with its schema", async ({
  page,
  request,
}) => {
  await page.goto(CONSOLE);
  const link = page.getByRole("link", { name: "Messages (AsyncAPI)" });
  await expect(link).toBeVisible();

  const document = await (await request.get(`${CONSOLE}${await link.getAttribute("href")}`)).json();
  expect(document).toMatchObject({
    asyncapi: "3.1.0",
    components: { messages: { "orders.order-placed": { name: "orders.order-placed" } } },
  });
});
