// The root README shows the acceptance table; it must be the one the suite checks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { expectationsTable } from "./expectations.ts";
import { ROOT } from "../support/shop-under-test.ts";

it("the root README shows the acceptance table the suite checks", () => {
  expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain(expectationsTable());
});
