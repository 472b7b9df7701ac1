import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** vitest's own entry, run with this node: `npx vitest` would add half a second to every check. */
const VITEST = join(
  dirname(createRequire(import.meta.url).resolve("vitest/package.json")),
  "vitest.mjs",
);

/** One line per test, the first line of each error: `workshop check` without --verbose. */
const BRIEF_REPORTER = join(import.meta.dirname, "brief-reporter.ts");

export interface RunResult {
  code: number;
  output: string;
}

/** Runs a command, showing its output live unless `quiet`, and keeping it for the caller. */
export function run(
  cmd: string,
  args: string[],
  options: { cwd: string; quiet?: boolean; env?: NodeJS.ProcessEnv },
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["inherit", "pipe", "pipe"],
    });
    let output = "";
    const keep = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk;
      if (!options.quiet) stream.write(chunk);
    };
    child.stdout.on("data", keep(process.stdout));
    child.stderr.on("data", keep(process.stderr));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Runs the tests of one exercise in a copy of its step (the learner's, or a temp starter). */
export function runExerciseTests(
  stepDir: string,
  testFiles: string[],
  quiet = false,
  brief = false,
): Promise<RunResult> {
  // without a file, vitest would run every test of the step
  if (testFiles.length === 0)
    throw new Error("No test file for this exercise: none begins with `// Exercise NN.K:`");
  return run(
    process.execPath,
    [
      VITEST,
      "run",
      "--root",
      stepDir,
      "--config",
      "vitest.config.ts",
      "--passWithNoTests=false",
      // keep the modules this run transforms for the next check: 0.6 s less per check. Only
      // here: Stryker's runs must transform its mutated copies afresh (`npm run mutation`)
      "--experimental.fsModuleCache",
      ...(brief ? [`--reporter=${BRIEF_REPORTER}`] : []),
      ...testFiles,
    ],
    {
      cwd: stepDir,
      quiet,
      env: quiet ? { NO_COLOR: "1", FORCE_COLOR: undefined } : {},
    },
  );
}
