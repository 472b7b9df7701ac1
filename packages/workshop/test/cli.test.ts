// The workshop command as a learner uses it, on a throw-away copy of the workshop.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyRegions } from "../src/regions.ts";
import { makeTempWorkshop, repoRoot, workshop } from "./temp-workshop.ts";

const root = makeTempWorkshop("01-monolith");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const file = "services/orders/src/cancel-order.ts";
const mine = join(root, "exercises/01-monolith", file);
const solveCancel = () =>
  writeFileSync(
    mine,
    copyRegions(
      readFileSync(mine, "utf8"),
      readFileSync(join(repoRoot, "steps/01-monolith", file), "utf8"),
      "01.1",
    ),
  );

describe("npx workshop, followed as a learner would", () => {
  it("When a learner starts, then list shows step 01's exercises as not tried", async () => {
    const { code, out } = await workshop(root, "list");

    expect(code).toBe(0);
    expect(out).toContain("· 01.1  cancel gives everything back");
    expect(out).toContain("· 01.2  replay the first answer for an Idempotency-Key");
    expect(out).toContain("0 of 2 exercises done. Next: npx workshop check 01.1");
  });

  it("When a learner reads a hint before trying, then list still shows the exercise not tried", async () => {
    const hint = await workshop(root, "hint", "01.2");
    const list = await workshop(root, "list");

    expect(hint.out).toContain("Hint 1 (a nudge)");
    expect(list.out).toContain("· 01.2  replay the first answer for an Idempotency-Key");
    expect(list.out).toContain("0 of 2 exercises done. Next: npx workshop check 01.1");
    const badNumber = await workshop(root, "hint", "01.2", "abc");
    expect(badNumber).toMatchObject({
      code: 1,
      out: expect.stringContaining("numbered 1, 2 or 3"),
    });
  });

  it("When the exercise is not solved, then check fails with its TODO, the solution is withheld, hints come one at a time", async () => {
    const check = await workshop(root, "check", "01.1");
    const withheld = await workshop(root, "solution", "01.1");
    const hint1 = await workshop(root, "hint", "01.1");
    const hint2 = await workshop(root, "hint", "01.1");
    const list = await workshop(root, "list");

    expect(check.code).toBe(1);
    expect(check.out).toContain("TODO exercise 01.1: cancel gives everything back");
    expect(check.out).toContain("✗ 01.1 does not pass yet");
    expect(check.out).toContain("  ✗ When a CONFIRMED order is cancelled, then it is CANCELLED");
    expect(check.out.split("\n").length, "a line per test: it fits on a screen").toBeLessThan(40);
    expect(withheld.code).toBe(1);
    expect(withheld.out).toContain("Make it pass first");
    expect(hint1.out).toContain("Hint 1 (a nudge)");
    expect(hint2.out).toContain("Hint 2 (the shape)");
    expect(list.out).toContain("✗ 01.1");
  });

  it("When the learner asks for it, then check shows vitest's whole report", async () => {
    const check = await workshop(root, "check", "01.1", "--verbose");

    expect(check.code).toBe(1);
    expect(check.out).toContain("FAIL ");
    expect(check.out).toContain("TODO exercise 01.1: cancel gives everything back");
  });

  it("When the region is solved, then check passes, list marks it done, the solution shows and diff finds no difference", async () => {
    solveCancel();

    const check = await workshop(root, "check", "01.1");
    const list = await workshop(root, "list");
    const solution = await workshop(root, "solution", "01.1");
    const diff = await workshop(root, "diff", "01", "01.1", "--stat");

    expect(check.code).toBe(0);
    expect(check.out).toContain("✓ 01.1 passes");
    expect(list.out).toContain("✓ 01.1  cancel gives everything back");
    expect(list.out).toContain("1 of 2 exercises done. Next: npx workshop check 01.2");
    expect(solution.out).toContain("await inventory.release(orderId);");
    expect(solution.out, "why the reference works, after its code").toContain("Why it works");
    expect(diff).toEqual({ code: 0, out: "" });
    expect(check.out, "one of two done: no recap yet").not.toContain("Step 01, done");
  });

  it("When the step's last exercise passes, then check ends with the step's recap", async () => {
    const idempotent = "services/orders/src/http/idempotent.ts";
    const path = join(root, "exercises/01-monolith", idempotent);
    const reference = readFileSync(join(repoRoot, "steps/01-monolith", idempotent), "utf8");
    writeFileSync(path, copyRegions(readFileSync(path, "utf8"), reference, "01.2"));

    const check = await workshop(root, "check", "01.2");

    expect(check.code).toBe(0);
    expect(check.out).toContain("# Step 01, done: what you built");
    await workshop(root, "reset", "01.2"); // the tests below start from 01.2 not done
  });

  it("When the learner resets the exercise, then the TODO is back, the diff shows it, and progress is cleared", async () => {
    solveCancel();

    const reset = await workshop(root, "reset", "01.1");
    const diff = await workshop(root, "diff", "01", "01.1", "--stat");
    const list = await workshop(root, "list");

    expect(reset.code).toBe(0);
    expect(readFileSync(mine, "utf8")).toContain(
      'throw new Error("TODO exercise 01.1: cancel gives everything back',
    );
    expect(diff.out).toContain(
      "{steps => exercises}/01-monolith/services/orders/src/cancel-order.ts",
    );
    expect(diff.out).toContain("1 file changed");
    expect(list.out).toContain("· 01.1");
  });

  it("When a command or exercise does not exist, then it says so and lists what does", async () => {
    const unknown = await workshop(root, "fly");
    const noExercise = await workshop(root, "check", "09.9");

    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('Unknown command "fly"');
    expect(unknown.out).toContain("Usage: npx workshop <command>");
    expect(noExercise.code).toBe(1);
    expect(noExercise.out).toContain('No exercise "09.9". Exercises: 01.1, 01.2');
  });
});
