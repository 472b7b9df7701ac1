// The answer stays the learner's: a README asks, the CLI reveals hints one at a time and the
// reference's notes only on request, and the learner's copy holds neither.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allExercises } from "../src/exercises.ts";
import { listSteps } from "../src/repo.ts";
import { hintsOf, isForTheCliOnly, solutionNotesOf } from "../src/reveal.ts";
import { generateStarter } from "../src/starter.ts";
import { repoRoot } from "./temp-workshop.ts";

const exercises = allExercises(repoRoot).map((e) => [e.id, e] as const);

describe("What an exercise shows and what it keeps back", () => {
  it.each(exercises)("%s: its README gives no code away and says how to get a hint", (id, e) => {
    const readme = readFileSync(join(e.step.dir, e.docsDir!, "README.md"), "utf8");

    expect(readme, "no code block: the code is the learner's").not.toMatch(/^```/m);
    expect(readme, "no hint printed in the README").not.toMatch(/<details>|Hint \d/);
    expect(readme).toContain(`npx workshop hint ${id}`);
  });

  it.each(exercises)("%s: three hints, the last a skeleton, and notes on the reference", (_, e) => {
    const hints = hintsOf(e).map((h) => h.title);
    const notes = solutionNotesOf(e);

    expect(hints).toEqual(["Hint 1 (a nudge)", "Hint 2 (the shape)", "Hint 3 (a skeleton)"]);
    expect(notes.map((n) => n.title)).toEqual(["Why it works", "What it costs"]);
    for (const note of notes) expect(note.text.length, note.title).toBeGreaterThan(80);
  });

  it.each(listSteps(repoRoot).map((s) => [s.name, s] as const))(
    "The learner's copy of %s has no mutants, hints or notes on the reference",
    (_, step) => {
      const kept = [...generateStarter(step).keys()].filter((file) =>
        /\/(mutants\/|hints\.md$|solution\.md$)/.test(file),
      );
      expect(kept).toEqual([]);
    },
  );

  it("Only the files beside an exercise's README are held back, not others of that name", () => {
    expect(isForTheCliOnly("exercises/03.3-at-least-once/hints.md")).toBe(true);
    expect(isForTheCliOnly("exercises/03.3-at-least-once/mutants/early.mutant")).toBe(true);
    expect(isForTheCliOnly("exercises/03.3-at-least-once/README.md")).toBe(false);
    expect(isForTheCliOnly("services/orders/hints.md")).toBe(false);
  });
});
