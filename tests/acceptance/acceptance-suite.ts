// One describe block per step: the same scenarios, in the same order, against one running shop,
// reset to the seed data before each. The test's name is the row the step must match.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EXPECTED, NA } from "./expectations.ts";
import { SCENARIOS } from "./scenarios.ts";
import { startShopUnderTest, type ShopUnderTest } from "../support/shop-under-test.ts";

/** The step's shop, started once for the file's suites and stopped after them. */
export function useShopUnderTest(stepName: string): () => ShopUnderTest {
  let shop: ShopUnderTest | undefined;
  beforeAll(async () => {
    shop = await startShopUnderTest(stepName);
  });
  afterAll(() => shop?.stop());
  return () => {
    if (!shop) throw new Error(`the shop of ${stepName} did not start`);
    return shop;
  };
}

export function acceptanceSuite(stepName: string, shopOf: () => ShopUnderTest): void {
  const column = stepName.slice(0, 2) as "01" | "02" | "03" | "04";
  describe(`acceptance: ${stepName}`, () => {
    let shop: ShopUnderTest;
    beforeEach(async () => {
      shop = shopOf();
      await shop.reset();
    });

    for (const [scenario, run] of Object.entries(SCENARIOS)) {
      const expected = EXPECTED[scenario]![column];
      if (expected === NA) continue; // nothing to act on in this step (see the README's table)
      it(`${scenario}: ${expected}`, async () => {
        expect(await run(shop)).toBe(expected);
      });
    }
  });
}
