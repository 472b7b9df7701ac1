// A throw-away copy of the workshop for tests that change the learner's files: one step, its
// generated starter, and the Prisma client. It lives under .workshop/ inside the repository so
// that Node finds the repository's node_modules from it.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { IGNORED } from "../src/repo.ts";
import { writeStarter } from "../src/starter.ts";

export const repoRoot = join(import.meta.dirname, "../../..");

export function makeTempWorkshop(stepName: string): string {
  mkdirSync(join(repoRoot, ".workshop"), { recursive: true });
  const root = mkdtempSync(join(repoRoot, ".workshop/test-"));
  writeFileSync(
    join(root, "package.json"),
    JSON.stringify({ name: "shop-migration-workshop", private: true }),
  );
  const stepDir = join(root, "steps", stepName);
  const exerciseDir = join(root, "exercises", stepName);
  const source = join(repoRoot, "steps", stepName);
  cpSync(source, stepDir, {
    recursive: true,
    filter: (src) => src === source || !IGNORED.test(src.slice(source.length + 1)),
  });
  writeStarter({ number: stepName.slice(0, 2), name: stepName, dir: stepDir, exerciseDir });
  // the schemas are the same in both copies, so are the generated Prisma clients
  for (const generated of generatedFolders(source)) {
    for (const dir of [stepDir, exerciseDir])
      cpSync(join(source, generated), join(dir, generated), { recursive: true });
  }
  return root;
}

/** Every `generated` folder of a step (one at its root in step 01, one per service later). */
function generatedFolders(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory() || ["node_modules", "data"].includes(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.name === "generated" ? [relative(base, path)] : generatedFolders(path, base);
  });
}

const run = promisify(execFile);

export async function workshop(
  root: string,
  ...args: string[]
): Promise<{ code: number; out: string }> {
  const env = {
    ...process.env,
    WORKSHOP_ROOT: root,
    WORKSHOP_PROGRESS_FILE: join(root, "progress.json"),
    NO_COLOR: "1",
    FORCE_COLOR: "0",
  };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(repoRoot, "packages/workshop/bin/workshop.mjs"), ...args],
      { cwd: root, env, maxBuffer: 32 * 1024 * 1024 },
    );
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}
