import { existsSync, readFileSync, watch } from "node:fs";
import { join } from "node:path";
import { brokerFor } from "../broker.ts";
import { allExercises, exercisesOf, findExercise, type Exercise } from "../exercises.ts";
import { readProgress, updateProgress } from "../progress.ts";
import { IGNORED } from "../repo.ts";
import { runExerciseTests } from "../run.ts";
import { dim, green, red } from "../style.ts";

/** Runs an exercise's tests on the learner's copy and records the result. */
export async function checkOne(
  root: string,
  exercise: Exercise,
  { quiet = false, verbose = false } = {},
): Promise<boolean> {
  if (!(await brokerFor(exercise))) return false; // not the learner's code failing: nothing recorded
  const { exerciseDir } = exercise.step;
  const { code } = await runExerciseTests(exerciseDir, exercise.testFiles, quiet, !verbose);
  const passed = code === 0;
  updateProgress(root, exercise.id, { status: passed ? "done" : "failing" });
  if (passed) {
    console.log(green(`✓ ${exercise.id} passes: ${exercise.title}`));
    console.log(
      dim(
        `  Compare with the reference: npx workshop solution ${exercise.id}  or  npx workshop diff ${exercise.step.number} ${exercise.id}`,
      ),
    );
    if (!quiet) showRecapWhenStepDone(root, exercise);
  } else {
    console.log(red(`✗ ${exercise.id} does not pass yet: ${exercise.title}`));
    console.log(dim(`  Stuck? npx workshop hint ${exercise.id}`));
    if (!verbose)
      console.log(dim(`  vitest's whole report: npx workshop check ${exercise.id} --verbose`));
  }
  return passed;
}

export async function check(
  root: string,
  id: string | undefined,
  { watch: watching = false, verbose = false } = {},
): Promise<number> {
  if (!id) {
    let failing = 0;
    for (const exercise of allExercises(root))
      if (!(await checkOne(root, exercise, { quiet: true }))) failing += 1;
    return failing === 0 ? 0 : 1;
  }
  const exercise = findExercise(root, id);
  const passed = await checkOne(root, exercise, { verbose });
  if (!watching) return passed ? 0 : 1;

  console.log(dim(`Watching exercises/${exercise.step.name} for changes (Ctrl-C to stop)…`));
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  watch(exercise.step.exerciseDir, { recursive: true }, (_event, file) => {
    if (!file || IGNORED.test(file) || running) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      running = true;
      await checkOne(root, exercise, { verbose });
      running = false;
    }, 300);
  });
  return new Promise<number>(() => {}); // runs until Ctrl-C
}

/** When every exercise of the step passes: the step's recap (exercises/RECAP.md). */
function showRecapWhenStepDone(root: string, exercise: Exercise): void {
  const progress = readProgress(root);
  const all = exercisesOf(exercise.step);
  if (!all.every((e) => progress[e.id]?.status === "done")) return;
  const recap = join(exercise.step.dir, "exercises", "RECAP.md");
  if (existsSync(recap)) console.log(`\n${readFileSync(recap, "utf8")}`);
}

export function isDone(root: string, id: string): boolean {
  return readProgress(root)[id]?.status === "done";
}
