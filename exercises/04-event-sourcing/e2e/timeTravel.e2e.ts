import { expect, test } from "@playwright/test";
import { resetShop } from "./reset.ts";

test.beforeEach(async ({ request, page }) => {
  await resetShop(request);
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("The order page lists the order's events and shows the order as it was at any of them", async ({
  page,
}) => {
  const cap = page.locator(".product", { has: page.getByRole("heading", { name: "Canvas cap" }) });
  await cap.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("CONFIRMED", { timeout: 10_000 });
  await page.getByRole("button", { name: "Cancel order" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("CANCELLED");

  await expect(page.locator("#history li")).toHaveText([
    /^OrderPlaced/,
    /^OrderConfirmed/,
    /^OrderCancelled/,
  ]);
  await page.getByRole("button", { name: "View the order as it was at version 1" }).click();

  await expect(page.getByTestId("order-status")).toHaveText("PENDING");
  await expect(page.locator("#travel-note")).toHaveText("As it was at version 1 of 3.");
  await page.getByRole("button", { name: "View the order as it was at version 3" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("CANCELLED");
});
