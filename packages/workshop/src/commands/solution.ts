import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findExercise } from "../exercises.ts";
import { findRegions } from "../regions.ts";
import { solutionNotesOf } from "../reveal.ts";
import { bold, dim } from "../style.ts";
import { isDone } from "./check.ts";

/** The reference code of an exercise: after the learner's tests pass, or with --force. */
export function solution(root: string, id: string, { force = false } = {}): number {
  const exercise = findExercise(root, id);
  if (!force && !isDone(root, id)) {
    console.log(
      `Make it pass first (npx workshop check ${id}), then compare. Or: npx workshop solution ${id} --force`,
    );
    return 1;
  }
  for (const file of exercise.files) {
    for (const region of findRegions(readFileSync(join(exercise.step.dir, file), "utf8")).filter(
      (r) => r.id === id,
    )) {
      console.log(
        bold(`steps/${exercise.step.name}/${file}`) +
          dim(` (lines ${region.start + 2}-${region.end})`),
      );
      console.log(region.body);
      console.log();
    }
  }
  for (const { title, text } of solutionNotesOf(exercise)) console.log(`${bold(title)}\n${text}\n`);
  return 0;
}
