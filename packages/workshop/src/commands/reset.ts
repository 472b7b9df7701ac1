import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findExercise } from "../exercises.ts";
import { clearProgress } from "../progress.ts";
import { copyRegions } from "../regions.ts";
import { generateStarter } from "../starter.ts";
import { dim } from "../style.ts";

/** Puts the starter's TODO back into the learner's copy, leaving the rest of their work alone. */
export function reset(root: string, id: string): number {
  const exercise = findExercise(root, id);
  const starter = generateStarter(exercise.step);
  for (const file of exercise.files) {
    const mine = join(exercise.step.exerciseDir, file);
    const fresh = starter.get(file)!;
    let text: string;
    try {
      text = copyRegions(readFileSync(mine, "utf8"), fresh, id);
    } catch {
      text = fresh; // the markers are gone: the whole file goes back to the starter
      console.log(dim(`  ${file}: region markers not found, the whole file was restored`));
    }
    writeFileSync(mine, text);
    console.log(`reset exercises/${exercise.step.name}/${file}`);
  }
  clearProgress(root, id);
  return 0;
}
