import { findExercise } from "../exercises.ts";
import { readProgress, updateProgress } from "../progress.ts";
import { hintsOf } from "../reveal.ts";
import { bold, dim } from "../style.ts";

export function hint(root: string, id: string, n?: number): number {
  const exercise = findExercise(root, id);
  const hints = hintsOf(exercise);
  if (hints.length === 0) {
    console.log(`Exercise ${id} has no hints.`);
    return 1;
  }
  const seen = readProgress(root)[id]?.hintsSeen ?? 0;
  const which = Math.min(Math.max(n ?? seen + 1, 1), hints.length);
  const { title, text } = hints[which - 1]!;
  console.log(bold(`${id} · ${title}`));
  console.log(text);
  updateProgress(root, id, { hintsSeen: Math.max(seen, which) });
  if (which < hints.length)
    console.log(dim(`\nMore: npx workshop hint ${id}  (hint ${which + 1} of ${hints.length})`));
  return 0;
}
