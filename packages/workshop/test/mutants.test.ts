// The lesson mutants as files: how one is read and put in its region, that every exercise has
// three (that the learner's copy has none: reveal.test.ts). Whether each one is caught: exercises.meta.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allExercises } from "../src/exercises.ts";
import { applyMutant, mutantsOf, parseMutant } from "../src/mutants.ts";
import { repoRoot } from "./temp-workshop.ts";

const text = `mistake: adds instead of multiplying
fails with: price times quantity
file: src/total.ts
region: 2
---
  return a + b;
`;

const source = `function first() {
  // #region exercise 09.1: total
  return 1;
  // #endregion
}
function second(a: number, b: number) {
  // #region exercise 09.1: total
  return a * b;
  // #endregion
}`;

describe("A lesson mutant", () => {
  it("When it is read, then its header and body are kept as written", () => {
    expect(parseMutant("adds", text)).toEqual({
      name: "adds",
      mistake: "adds instead of multiplying",
      failsWith: "price times quantity",
      file: "src/total.ts",
      occurrence: 1,
      body: "  return a + b;",
    });
  });

  it("When it is applied, then only the region it names changes", () => {
    const mutated = applyMutant(source, "09.1", parseMutant("adds", text));

    expect(mutated).toContain("return 1;");
    expect(mutated).toContain("return a + b;");
    expect(mutated).not.toContain("return a * b;");
  });

  it("When its header has no failure text, then reading it says which line is missing", () => {
    expect(() => parseMutant("bad", "mistake: x\nfile: y\n---\nz\n")).toThrow(
      'mutant bad: no "fails with:" line',
    );
  });
});

describe("The exercises' mutants", () => {
  it.each(allExercises(repoRoot).map((e) => [e.id, e]))(
    "%s has at least three, each a change to a region of the exercise",
    (_id, exercise) => {
      const mutants = mutantsOf(exercise);
      expect(mutants.length, "classic wrong answers beside the exercise").toBeGreaterThanOrEqual(3);
      for (const mutant of mutants) {
        expect(exercise.files, `${mutant.name}: a file of the exercise`).toContain(mutant.file);
        const reference = readFileSync(join(exercise.step.dir, mutant.file), "utf8");
        expect(
          applyMutant(reference, exercise.id, mutant),
          `${mutant.name} changes nothing`,
        ).not.toBe(reference);
      }
    },
  );
});
