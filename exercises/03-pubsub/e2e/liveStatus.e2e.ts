import { expect, test, type Page } from "@playwright/test";
import { resetShop } from "./reset.ts";
import { chaosClient } from "@shop/kit";
import { PORT_OFFSET } from "../playwright.config.ts";

const shipping = chaosClient(`http://127.0.0.1:${3005 + PORT_OFFSET}`);

test.beforeEach(async ({ request, page }) => {
  await resetShop(request);
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test.afterEach(() => shipping.heal());

async function addToCart(page: Page, productName: string) {
  const card = page.locator(".product", { has: page.getByRole("heading", { name: productName }) });
  await card.getByRole("button", { name: "Add to cart" }).click();
}

test("The order page shows PENDING, then CONFIRMED the moment payments decides, without a reload", async ({
  page,
}) => {
  await addToCart(page, "Dot-grid notebook");
  let reloads = 0;
  page.on("load", () => (reloads += 1));

  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByTestId("order-status")).toHaveText("PENDING");
  await expect(page.getByTestId("order-status")).toHaveText("CONFIRMED", { timeout: 10_000 });
  expect(reloads).toBe(0);
});

test("A declined card turns the order REJECTED live, with the reason in plain words", async ({
  page,
}) => {
  await addToCart(page, "Canvas cap");
  await page.getByLabel("Card number").fill("4000000000000002");

  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByTestId("order-status")).toHaveText("REJECTED", { timeout: 10_000 });
  await expect(page.locator("#order-reason")).toHaveText(
    "Your card was declined. Nothing was charged; please try another card.",
  );
});

test("When shipping is slow, the cart shows the flat rate instead of waiting", async ({ page }) => {
  await shipping.addLatency(2_000);

  await addToCart(page, "Enamel camp mug");

  await expect(page.locator("#shipping")).toHaveText("$9.99 (flat rate)");
  await expect(page.locator("#total")).toHaveText("$22.98");
});
