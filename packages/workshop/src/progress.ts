// The learner's progress: a local, git-ignored file. No account, no network.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface ExerciseProgress {
  /** Set by `check` only: no status means not tried, even when hints were read. */
  status?: "done" | "failing";
  at: string;
  hintsSeen?: number;
}

export type Progress = Record<string, ExerciseProgress>;

export const progressFile = (root: string) =>
  process.env.WORKSHOP_PROGRESS_FILE ?? join(root, ".workshop/progress.json");

export function readProgress(root: string): Progress {
  const file = progressFile(root);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
}

export function updateProgress(root: string, id: string, change: Partial<ExerciseProgress>): void {
  const progress = readProgress(root);
  progress[id] = { ...progress[id], ...change, at: new Date().toISOString() };
  const file = progressFile(root);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(progress, null, 2)}\n`);
}

export function clearProgress(root: string, id: string): void {
  const progress = readProgress(root);
  if (!(id in progress)) return;
  delete progress[id];
  writeFileSync(progressFile(root), `${JSON.stringify(progress, null, 2)}\n`);
}
