// What the CLI reveals on request, kept beside an exercise's README but out of the learner's
// copy: its hints (one at a time) and, once solved, why the reference works and what it costs.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Exercise } from "./exercises.ts";
import { MUTANTS_DIR } from "./mutants.ts";

export const HINTS_FILE = "hints.md";
export const SOLUTION_FILE = "solution.md";

/** A file of the reference the starter leaves out: the mutants, the hints, the solution notes. */
export function isForTheCliOnly(file: string): boolean {
  const [top, , inside] = file.split("/");
  if (top !== "exercises" || inside === undefined) return false;
  return inside === MUTANTS_DIR || inside === HINTS_FILE || inside === SOLUTION_FILE;
}

/** `## Hint N (…)` sections of the exercise's hints.md, in order. */
export function hintsOf(exercise: Exercise): { title: string; text: string }[] {
  return sectionsOf(exercise, HINTS_FILE).filter(({ title }) => /^Hint \d/.test(title));
}

/** The `## …` sections of the exercise's solution.md. */
export function solutionNotesOf(exercise: Exercise): { title: string; text: string }[] {
  return sectionsOf(exercise, SOLUTION_FILE);
}

function sectionsOf(exercise: Exercise, name: string): { title: string; text: string }[] {
  if (!exercise.docsDir) return [];
  const path = join(exercise.step.dir, exercise.docsDir, name);
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split(/^## /m)
    .slice(1)
    .map((section) => {
      const [title = "", ...body] = section.split("\n");
      return { title: title.trim(), text: body.join("\n").trim() };
    });
}
