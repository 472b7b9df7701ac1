// Generates the learner's copy of a step: the same files, with each exercise region replaced by
// a TODO that throws. `npm run exercises:generate` writes them to exercises/NN-name/.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { exercisesOf, sourceFiles } from "./exercises.ts";
import { stubRegions } from "./regions.ts";
import type { Step } from "./repo.ts";
import { isForTheCliOnly } from "./reveal.ts";

export function generateStarter(step: Step): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of sourceFiles(step.dir).sort()) {
    if (isForTheCliOnly(file)) continue; // mutants, hints, solution notes: not in the copy
    files.set(file, transform(step, file, readFileSync(join(step.dir, file), "utf8")));
  }
  files.set("README.md", starterReadme(step));
  return files;
}

function transform(step: Step, file: string, text: string): string {
  if (file === "package.json") {
    const pkg = JSON.parse(text);
    pkg.name = `@shop/exercises-${step.name}`;
    pkg.description = `Your copy of step ${step.number}: make the exercises' tests pass.`;
    return `${JSON.stringify(pkg, null, 2)}\n`;
  }
  if (file === "vitest.config.ts")
    return text.replace(`name: "${step.name}"`, `name: "exercises-${step.name}"`);
  return /\.(ts|js|mjs)$/.test(file) ? stubRegions(text) : text;
}

function starterReadme(step: Step): string {
  const rows = exercisesOf(step).map(
    (e) =>
      `| ${e.id} | [${e.title}](${e.docsDir}/README.md) | ${e.files.map((f) => `\`${f}\``).join(", ")} | \`npx workshop check ${e.id}\` |`,
  );
  return `# Your copy of step ${step.number}

This folder is step ${step.number} with the code of each exercise taken out: where it was, a
function now throws \`TODO exercise NN.K: …\`. Make each exercise's tests pass, in any order.
The lesson is in [steps/${step.name}/README.md](../../steps/${step.name}/README.md).

| exercise | what | where | check it |
|---|---|---|---|
${rows.join("\n")}

- \`npx workshop check ${exercisesOf(step)[0]?.id ?? "NN.K"}\` runs one exercise's tests and records your progress (\`--watch\` re-runs on save).
- \`npx workshop hint <exercise>\` shows the next hint; \`npx workshop solution <exercise>\` the reference, once your tests pass.
- \`npx workshop diff ${step.number} <exercise>\` compares your code with the reference; \`npx workshop reset <exercise>\` starts it over.
- The step's own full-flow tests (\`npm test\` in this folder) pass once every exercise is solved.

_This folder is generated from steps/${step.name} by \`npm run exercises:generate\`; edit the step, not this copy._
`;
}

/** Writes the starter into exercises/NN-name, replacing the files it had (dependencies and data stay). */
export function writeStarter(step: Step): number {
  const files = generateStarter(step);
  for (const file of sourceFilesIfAny(step.exerciseDir)) rmSync(join(step.exerciseDir, file));
  for (const [file, text] of files) {
    mkdirSync(dirname(join(step.exerciseDir, file)), { recursive: true });
    writeFileSync(join(step.exerciseDir, file), text);
  }
  return files.size;
}

function sourceFilesIfAny(dir: string): string[] {
  try {
    return sourceFiles(dir);
  } catch {
    return [];
  }
}

/** Which files of the committed (staged) starter differ from what the generator makes now. */
export function starterDrift(root: string, step: Step): string[] {
  const prefix = relative(root, step.exerciseDir);
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const committed = git("ls-files", "--", prefix)
    .split("\n")
    .filter(Boolean)
    .map((p) => relative(prefix, p));
  const generated = generateStarter(step);
  const drift = new Set<string>();
  for (const file of committed) if (!generated.has(file)) drift.add(`${file} (not generated)`);
  for (const [file, text] of generated) {
    if (!committed.includes(file)) drift.add(`${file} (missing)`);
    else if (git("show", `:${prefix}/${file}`) !== text) drift.add(`${file} (differs)`);
  }
  return [...drift].sort();
}
