// Compares two steps, or an exercise with its reference, through `git diff --no-index`: colours
// and --stat for free. Region markers, dependencies, generated clients and databases are left out.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { findExercise, isExerciseId, sourceFiles } from "../exercises.ts";
import { withoutMarkers } from "../regions.ts";
import { findStep } from "../repo.ts";
import { run } from "../run.ts";

interface Side {
  label: string;
  dir: string;
  files: string[];
}

export async function diff(
  root: string,
  a: string,
  b: string | undefined,
  { stat = false } = {},
): Promise<number> {
  const [left, right] = sides(root, a, b);
  const tmp = mkdtempSync(join(tmpdir(), "workshop-diff-"));
  try {
    for (const side of [left, right]) copyWithoutMarkers(side, join(tmp, side.label));
    const color =
      process.stdout.isTTY && !process.env.NO_COLOR ? "--color=always" : "--color=never";
    const args = [
      "diff",
      "--no-index",
      "--no-prefix",
      color,
      ...(stat ? ["--stat=120"] : []),
      left.label,
      right.label,
    ];
    const { code } = await run("git", args, { cwd: tmp });
    return code <= 1 ? 0 : code; // git diff exits 1 when there are differences
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function sides(root: string, a: string, b: string | undefined): [Side, Side] {
  const exerciseId = [a, b].find((x) => x && isExerciseId(x));
  if (exerciseId) {
    // An exercise against its reference: only the files that hold its regions.
    const exercise = findExercise(root, exerciseId);
    const other = [a, b].find((x) => x && x !== exerciseId);
    if (other && findStep(root, other).name !== exercise.step.name)
      throw new Error(`Exercise ${exerciseId} belongs to step ${exercise.step.number}`);
    return [
      { label: `steps/${exercise.step.name}`, dir: exercise.step.dir, files: exercise.files },
      {
        label: `exercises/${exercise.step.name}`,
        dir: exercise.step.exerciseDir,
        files: exercise.files,
      },
    ];
  }
  if (!b) throw new Error("Usage: workshop diff <step> <step> | <step> <exercise> [--stat]");
  const [left, right] = [findStep(root, a), findStep(root, b)];
  // Each step's exercise READMEs are about that step only: leave them out of the lesson's diff.
  const lessonFiles = (dir: string) => sourceFiles(dir).filter((f) => !f.startsWith("exercises/"));
  return [
    { label: `steps/${left.name}`, dir: left.dir, files: lessonFiles(left.dir) },
    { label: `steps/${right.name}`, dir: right.dir, files: lessonFiles(right.dir) },
  ];
}

function copyWithoutMarkers(side: Side, target: string) {
  mkdirSync(target, { recursive: true });
  for (const file of side.files) {
    let text: string;
    try {
      text = readFileSync(join(side.dir, file), "utf8");
    } catch {
      continue; // a file missing on one side shows as added or removed
    }
    mkdirSync(dirname(join(target, file)), { recursive: true });
    writeFileSync(join(target, file), withoutMarkers(text));
  }
}
