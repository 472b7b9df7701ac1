// `npm run mutation [-- 03.4 02.1 ...]`: Stryker's mutation testing over each exercise's regions,
// with only that exercise's tests, as `workshop check` runs them. Writes docs/mutation-report.md:
// per exercise, the share of Stryker's mutants its tests kill. Minutes, so not part of CI.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { allExercises, type Exercise } from "../../packages/workshop/src/exercises.ts";
import {
  parseEquivalents,
  scoreOf,
  type Score,
} from "../../packages/workshop/src/mutation-score.ts";
import { findRegions } from "../../packages/workshop/src/regions.ts";
import { reportMarkdown } from "./report.ts";

const root = join(import.meta.dirname, "../..");
const wanted = process.argv.slice(2);
const exercises = allExercises(root).filter((e) => wanted.length === 0 || wanted.includes(e.id));
const TEMP_CONFIG = ".mutation.vitest.config.ts"; // in the step, so Stryker's sandbox has it

export interface Scored {
  exercise: Exercise;
  score: Score;
  mutants: number;
  seconds: number;
}

/** Stryker's `file:from-to` for each region body of the exercise (lines from 1). */
function mutateRanges(exercise: Exercise): string[] {
  return exercise.files.flatMap((file) =>
    findRegions(readFileSync(join(exercise.step.dir, file), "utf8"))
      .filter((region) => region.id === exercise.id)
      .map((region) => `${file}:${region.start + 2}-${region.end}`),
  );
}

function equivalentsOf(exercise: Exercise) {
  const file = join(exercise.step.dir, exercise.docsDir ?? "", "mutants", "equivalent.txt");
  return existsSync(file) ? parseEquivalents(readFileSync(file, "utf8")) : [];
}

function runStryker(exercise: Exercise): Scored {
  const stepDir = exercise.step.dir;
  const report = join(stepDir, ".stryker-tmp", `report-${exercise.id}.json`);
  const config = join(stepDir, ".stryker-tmp", `stryker-${exercise.id}.json`);
  writeFileSync(
    join(stepDir, TEMP_CONFIG),
    `// written by scripts/mutation/main.ts: the step's tests, only those of ${exercise.id}
import step from "./vitest.config.ts";
export default { ...step, test: { ...step.test, include: ${JSON.stringify(exercise.testFiles)} } };
`,
  );
  const options = {
    testRunner: "vitest",
    plugins: ["@stryker-mutator/vitest-runner"],
    vitest: { configFile: TEMP_CONFIG },
    mutate: mutateRanges(exercise),
    coverageAnalysis: "perTest",
    reporters: ["progress", "json"],
    jsonReporter: { fileName: report },
    concurrency: 2,
    timeoutMS: 10_000,
    ignorePatterns: ["data", "test-results", "playwright-report", "e2e", ".test-results"],
  };
  rmSync(join(stepDir, ".stryker-tmp"), { recursive: true, force: true });
  mkdirSync(join(stepDir, ".stryker-tmp"), { recursive: true });
  writeFileSync(config, JSON.stringify(options, null, 2));
  const started = Date.now();
  try {
    const run = spawnSync("npx", ["stryker", "run", config], { cwd: stepDir, stdio: "inherit" });
    if (run.status !== 0) throw new Error(`stryker failed for ${exercise.id} (exit ${run.status})`);
    const json = JSON.parse(readFileSync(report, "utf8"));
    const mutants = Object.values(json.files as Record<string, { mutants: unknown[] }>).reduce(
      (sum, file) => sum + file.mutants.length,
      0,
    );
    const seconds = (Date.now() - started) / 1000;
    return { exercise, score: scoreOf(json, equivalentsOf(exercise)), mutants, seconds };
  } finally {
    rmSync(join(stepDir, TEMP_CONFIG), { force: true });
    rmSync(join(stepDir, ".stryker-tmp"), { recursive: true, force: true });
  }
}

const scored: Scored[] = [];
for (const exercise of exercises) {
  console.log(`\n=== ${exercise.id}: ${exercise.title}`);
  scored.push(runStryker(exercise));
}
const out = join(root, "docs/mutation-report.md");
if (wanted.length === 0) writeFileSync(out, reportMarkdown(scored, new Date()));
for (const { exercise, score, seconds } of scored)
  console.log(`${exercise.id}  ${score.percent.toFixed(1)}%  (${seconds.toFixed(0)} s)`);
if (wanted.length === 0) console.log(`\nreport: ${out}`);
else console.log("\n(the report is written when every exercise runs: npm run mutation)");
