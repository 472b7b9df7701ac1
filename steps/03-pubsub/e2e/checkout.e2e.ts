import { expect, test, type Page } from "@playwright/test";
import { resetShop } from "./reset.ts";

test.beforeEach(async ({ request, page }) => {
  await resetShop(request);
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

async function addToCart(page: Page, productName: string, qty = 1) {
  const card = page.locator(".product", { has: page.getByRole("heading", { name: productName }) });
  await card.getByLabel(`Quantity of ${productName}`).fill(String(qty));
  await card.getByRole("button", { name: "Add to cart" }).click();
}

test("A shopper browses, fills the cart, sees the shipping quote and gets a CONFIRMED order", async ({
  page,
}) => {
  await expect(page.locator(".product")).toHaveCount(10);
  await expect(page.locator(".product", { hasText: "Enamel camp mug" })).toContainText("$12.99");

  await addToCart(page, "Enamel camp mug", 2);
  await addToCart(page, "Brass pen");

  await expect(page.locator("#subtotal")).toHaveText("$71.97");
  await expect(page.locator("#shipping")).toHaveText("$8.98"); // 2 mugs: $4.99, 1 pen: $3.99
  await expect(page.locator("#total")).toHaveText("$80.95");

  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-status")).toHaveText("CONFIRMED", { timeout: 10_000 });
  await expect(page.locator("#order-total")).toHaveText("$71.97");

  await page.getByRole("link", { name: "Back to the shop" }).click();
  await expect(page.locator(".product", { hasText: "Enamel camp mug" })).toContainText(
    "23 in stock",
  );
  await expect(page.locator("#cart-empty")).toBeVisible();
});

test("A shopper cancels a confirmed order and the stock comes back", async ({ page }) => {
  await addToCart(page, "Compact umbrella", 3);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("CONFIRMED", { timeout: 10_000 });

  await page.getByRole("button", { name: "Cancel order" }).click();

  await expect(page.getByTestId("order-status")).toHaveText("CANCELLED");
  await expect(page.getByRole("button", { name: "Cancel order" })).toBeHidden();
  await page.getByRole("link", { name: "Back to the shop" }).click();
  // the stock comes back by an event: the page shows it once the gateway's copy has it
  await expect(async () => {
    await page.reload();
    await expect(page.locator(".product", { hasText: "Compact umbrella" })).toContainText(
      "3 in stock",
      { timeout: 500 },
    );
  }).toPass();
});
