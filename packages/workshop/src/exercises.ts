// The exercises of every step, found from the region markers in its source.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { findRegions } from "./regions.ts";
import { IGNORED, listSteps, type Step } from "./repo.ts";

export interface Exercise {
  /** "01.1" */
  id: string;
  title: string;
  step: Step;
  /** Files (relative to the step) holding this exercise's regions. */
  files: string[];
  /** The README folder, relative to the step: exercises/01.1-slug */
  docsDir: string | undefined;
  /**
   * This exercise's test files, relative to the step: those whose first line says
   * `// Exercise NN.K: …`. Named by behaviour, they keep their name in the next step.
   */
  testFiles: string[];
}

const SOURCE = /\.(ts|js|mjs|html|css)$/;

export function sourceFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const rel = relative(base, path);
    if (IGNORED.test(rel)) return [];
    if (entry.isDirectory()) return sourceFiles(path, base);
    return [rel];
  });
}

const TEST_FILE = /\.(test|spec)\.ts$/;
const EXERCISE_LINE = /^\/\/ Exercise (\d\d\.\d+):/;

export function exercisesOf(step: Step): Exercise[] {
  const byId = new Map<string, Exercise>();
  const files = sourceFiles(step.dir)
    .filter((f) => SOURCE.test(f))
    .sort();
  const testsOf = (id: string) =>
    files.filter(
      (file) =>
        TEST_FILE.test(file) &&
        EXERCISE_LINE.exec(readFileSync(join(step.dir, file), "utf8"))?.[1] === id,
    );
  for (const file of files) {
    for (const region of findRegions(readFileSync(join(step.dir, file), "utf8"), file)) {
      const exercise = byId.get(region.id) ?? {
        id: region.id,
        title: region.title,
        step,
        files: [],
        docsDir: docsDirOf(step, region.id),
        testFiles: testsOf(region.id),
      };
      if (!exercise.files.includes(file)) exercise.files.push(file);
      byId.set(region.id, exercise);
    }
  }
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

export function allExercises(root: string): Exercise[] {
  return listSteps(root).flatMap(exercisesOf);
}

export function findExercise(root: string, id: string): Exercise {
  const exercise = allExercises(root).find((e) => e.id === id);
  if (!exercise)
    throw new Error(
      `No exercise "${id}". Exercises: ${allExercises(root)
        .map((e) => e.id)
        .join(", ")}`,
    );
  return exercise;
}

export const isExerciseId = (text: string) => /^\d\d\.\d+$/.test(text);

function docsDirOf(step: Step, id: string): string | undefined {
  const dir = join(step.dir, "exercises");
  if (!existsSync(dir)) return undefined;
  const found = readdirSync(dir).find((name) => name === id || name.startsWith(`${id}-`));
  return found && join("exercises", found);
}

const compareIds = (a: string, b: string) => {
  const [sa, ea] = a.split(".").map(Number);
  const [sb, eb] = b.split(".").map(Number);
  return sa! - sb! || ea! - eb!;
};
