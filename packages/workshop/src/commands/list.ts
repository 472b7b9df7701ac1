import { exercisesOf } from "../exercises.ts";
import { readProgress } from "../progress.ts";
import { listSteps } from "../repo.ts";
import { bold, dim, green, red } from "../style.ts";

export function list(root: string): number {
  const progress = readProgress(root);
  let total = 0;
  let done = 0;
  let next: string | undefined;
  for (const step of listSteps(root)) {
    console.log(
      `${bold(`Step ${step.number}`)} ${step.name.slice(3)}  ${dim(`steps/${step.name}`)}`,
    );
    const exercises = exercisesOf(step);
    if (exercises.length === 0) console.log(dim("  no exercises yet"));
    for (const e of exercises) {
      const state = progress[e.id]?.status;
      const mark = state === "done" ? green("✓") : state === "failing" ? red("✗") : dim("·");
      console.log(`  ${mark} ${e.id}  ${e.title}`);
      total += 1;
      if (state === "done") done += 1;
      else next ??= e.id;
    }
  }
  console.log(
    `\n${done} of ${total} exercises done.${next ? ` Next: npx workshop check ${next}` : ""}`,
  );
  console.log(dim("✓ done  ✗ tried, not passing yet  · not tried"));
  return 0;
}
