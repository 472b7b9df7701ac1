// Lesson mutants: the wrong answers a learner really writes, kept beside each exercise as
// exercises/NN.K-slug/mutants/<name>.mutant. A mutant is the reference with one region's body
// replaced; the meta-test proves that the exercise's tests fail on it, saying `fails with`.
//
//   mistake: marks the row sent before it publishes it
//     (a long value goes on, indented, on the next lines)
//   fails with: publish first
//   file: messaging/outbox.ts
//   region: 1              (optional: which region of the exercise in that file, from 1)
//   ---
//   <the region's body, as the learner would write it>
//
// The learner's copy (exercises/) leaves them out: a mutant is a near-solution.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Exercise } from "./exercises.ts";
import { replaceRegionBody } from "./regions.ts";

export interface Mutant {
  /** the file name without .mutant: "mark-before-publish" */
  name: string;
  mistake: string;
  /** text the failing tests' output must contain: the mistake named in words */
  failsWith: string;
  /** relative to the step */
  file: string;
  /** 0-based: which region of this exercise in the file */
  occurrence: number;
  body: string;
}

export const MUTANTS_DIR = "mutants";

export function mutantsOf(exercise: Exercise): Mutant[] {
  if (!exercise.docsDir) return [];
  const dir = join(exercise.step.dir, exercise.docsDir, MUTANTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".mutant"))
    .sort()
    .map((name) =>
      parseMutant(name.replace(/\.mutant$/, ""), readFileSync(join(dir, name), "utf8")),
    );
}

export function parseMutant(name: string, text: string): Mutant {
  const split = text.indexOf("\n---\n");
  if (split < 0) throw new Error(`mutant ${name}: no "---" line between its header and body`);
  const header = new Map(
    text
      .slice(0, split)
      .replace(/\n[ \t]+/g, " ") // an indented line goes on with the value above it
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => {
        const colon = line.indexOf(":");
        if (colon < 0) throw new Error(`mutant ${name}: "${line}" is not "key: value"`);
        return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()] as const;
      }),
  );
  const field = (key: string) => {
    const value = header.get(key);
    if (!value) throw new Error(`mutant ${name}: no "${key}:" line`);
    return value;
  };
  return {
    name,
    mistake: field("mistake"),
    failsWith: field("fails with"),
    file: field("file"),
    occurrence: Number(header.get("region") ?? 1) - 1,
    body: text.slice(split + "\n---\n".length).replace(/\n$/, ""),
  };
}

/** The file's text with the mutant's body in its region (the other regions stay as they are). */
export function applyMutant(text: string, exerciseId: string, mutant: Mutant): string {
  return replaceRegionBody(text, exerciseId, mutant.body, mutant.occurrence);
}
