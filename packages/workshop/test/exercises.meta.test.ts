// The meta-check of the exercises: on a freshly generated starter, each exercise's
// tests fail with its own TODO and pass once its reference code is put in; each lesson mutant
// (a classic wrong answer, exercises/NN.K-slug/mutants/) makes them fail, naming the mistake;
// and the starters in git are exactly what the generator makes.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exercisesOf, type Exercise } from "../src/exercises.ts";
import { applyMutant, mutantsOf } from "../src/mutants.ts";
import { copyRegions } from "../src/regions.ts";
import { listSteps, type Step } from "../src/repo.ts";
import { runExerciseTests } from "../src/run.ts";
import { starterDrift } from "../src/starter.ts";
import { makeTempWorkshop, repoRoot } from "./temp-workshop.ts";

const stepsWithExercises = listSteps(repoRoot).filter((step) => exercisesOf(step).length > 0);
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh starter of the step, in a temp workshop of its own: the learner's copy of it. */
function freshStarter(step: Step): Step {
  const root = makeTempWorkshop(step.name);
  temps.push(root);
  return listSteps(root).find((s) => s.name === step.name)!;
}

/** Puts the exercise's reference code in the learner's copy, then `change` on each file. */
function solve(
  tempStep: Step,
  step: Step,
  exercise: Exercise,
  change = (_file: string, text: string) => text,
) {
  for (const file of exercise.files) {
    const mine = join(tempStep.exerciseDir, file);
    const reference = readFileSync(join(step.dir, file), "utf8");
    writeFileSync(
      mine,
      change(file, copyRegions(readFileSync(mine, "utf8"), reference, exercise.id)),
    );
  }
}

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
        const tempStep = freshStarter(step);
        expect(exercise.testFiles, "test files that begin with // Exercise NN.K:").not.toEqual([]);
        // On the starter: its tests run, fail, and say this exercise's TODO (and no other's)
        const starter = await runExerciseTests(tempStep.exerciseDir, exercise.testFiles, true);
        expect(starter.code, starter.output).not.toBe(0);
        expect(starter.output).toContain(`TODO exercise ${exercise.id}:`);
        for (const other of exercises.filter((e) => e.id !== exercise.id))
          expect(starter.output).not.toContain(`TODO exercise ${other.id}:`);

        // With the reference code put between the markers, the same tests pass
        solve(tempStep, step, exercise);
        const solved = await runExerciseTests(tempStep.exerciseDir, exercise.testFiles, true);
        expect(solved.code, solved.output).toBe(0);
        expect(solved.output).toMatch(/Tests\s+\d+ passed/);
      },
    );

    const mutants = exercises.flatMap((e) =>
      mutantsOf(e).map((m) => [e.id, m.name, e, m] as const),
    );
    it.concurrent.each(mutants)(
      "%s, mutant %s: the exercise's tests fail and name the mistake",
      async (_id, _name, exercise, mutant) => {
        const tempStep = freshStarter(step);
        // the reference everywhere, then the wrong answer in the mutant's region
        solve(tempStep, step, exercise, (file, text) =>
          file === mutant.file ? applyMutant(text, exercise.id, mutant) : text,
        );
        expect(
          exercise.files,
          `mutant ${mutant.name}: no region ${exercise.id} in its file`,
        ).toContain(mutant.file);
        const result = await runExerciseTests(tempStep.exerciseDir, exercise.testFiles, true);
        expect(result.code, `not caught: ${mutant.mistake}\n${result.output}`).not.toBe(0);
        // in an error's message, not in the code frame vitest prints around the failing line
        const errors = result.output
          .split("\n")
          .filter((line) => /^(Caused by: )?[\w.]*Error: /.test(line));
        expect(
          errors.filter((line) => line.includes(mutant.failsWith)),
          `caught, but no error says "${mutant.failsWith}": ${mutant.mistake}\n${errors.join("\n")}`,
        ).not.toEqual([]);
        expect(result.output).not.toContain("TODO exercise");
      },
    );
  },
);
