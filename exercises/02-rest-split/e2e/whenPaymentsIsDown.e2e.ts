import { expect, test } from "@playwright/test";
import { chaosClient } from "@shop/kit";
import { PORT_OFFSET } from "../playwright.config.ts";

const payments = [
  chaosClient(`http://127.0.0.1:${3004 + PORT_OFFSET}`),
  chaosClient(`http://127.0.0.1:${3014 + PORT_OFFSET}`),
];

test.beforeEach(async ({ request, page }) => {
  expect(
    (await request.post("/api/admin/reset", { headers: { "x-shop-admin": "1" } })).status(),
  ).toBe(204);
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test.afterEach(async () => {
  for (const instance of payments) await instance.heal();
});

test("When payments is down, the shopper is told so in plain words, nothing is charged, and the stock is back", async ({
  page,
}) => {
  for (const instance of payments) await instance.failShare(1);
  const cap = page.locator(".product", { has: page.getByRole("heading", { name: "Canvas cap" }) });
  await cap.getByRole("button", { name: "Add to cart" }).click();

  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByRole("alert")).toHaveText(
    "The payments service is not answering right now. Nothing was charged; please try again in a moment.",
  );
  await expect(cap).toContainText("12 in stock");
  await expect(page.locator("#cart-lines")).toContainText("Canvas cap");
});
