// The meta-check of the exercises: on a freshly generated starter, each exercise's
// tests fail with its own TODO and pass once its reference code is put in; and the starters in
// git are exactly what the generator makes.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exercisesOf } from "../src/exercises.ts";
import { copyRegions } from "../src/regions.ts";
import { listSteps } from "../src/repo.ts";
import { runExerciseTests } from "../src/run.ts";
import { starterDrift } from "../src/starter.ts";
import { makeTempWorkshop, repoRoot } from "./temp-workshop.ts";

const stepsWithExercises = listSteps(repoRoot).filter((step) => exercisesOf(step).length > 0);
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("The committed starters", () => {
  it.each(stepsWithExercises.map((s) => [s.name, s]))(
    "exercises/%s is what the generator makes from the step (git index)",
    (_name, step) => {
      expect(
        starterDrift(repoRoot, step),
        "run `npm run exercises:generate` and commit exercises/",
      ).toEqual([]);
    },
  );
});

describe.each(stepsWithExercises.map((s) => [s.name, s]))(
  "The exercises of %s, on a fresh starter",
  (_name, step) => {
    const exercises = exercisesOf(step);

    // Two at a time (maxConcurrency in vitest.exercises.config.ts), each on a starter of its own:
    // one exercise's reference code never lands under another's tests.
    it.concurrent.each(exercises.map((e) => [e.id, e]))(
      "%s fails with its own TODO, and passes with its reference code",
      async (_id, exercise) => {
        const root = makeTempWorkshop(step.name);
        temps.push(root);
        const tempStep = listSteps(root).find((s) => s.name === step.name)!;
        expect(exercise.testFiles, "test files that begin with // Exercise NN.K:").not.toEqual([]);
        // On the starter: its tests run, fail, and say this exercise's TODO (and no other's)
        const starter = await runExerciseTests(tempStep.exerciseDir, exercise.testFiles, true);
        expect(starter.code, starter.output).not.toBe(0);
        expect(starter.output).toContain(`TODO exercise ${exercise.id}:`);
        for (const other of exercises.filter((e) => e.id !== exercise.id))
          expect(starter.output).not.toContain(`TODO exercise ${other.id}:`);

        // With the reference code put between the markers, the same tests pass
        for (const file of exercise.files) {
          const mine = join(tempStep.exerciseDir, file);
          writeFileSync(
            mine,
            copyRegions(
              readFileSync(mine, "utf8"),
              readFileSync(join(step.dir, file), "utf8"),
              exercise.id,
            ),
          );
        }
        const solved = await runExerciseTests(tempStep.exerciseDir, exercise.testFiles, true);
        expect(solved.code, solved.output).toBe(0);
        expect(solved.output).toMatch(/Tests\s+\d+ passed/);
      },
    );
  },
);
