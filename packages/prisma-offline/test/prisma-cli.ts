// Runs the real Prisma CLI on a copy of the fixture schema, with a private HOME so that any
// download attempt or cache write would show up in the test's own folder.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../../..");
const prismaCli = join(repoRoot, "node_modules/prisma/build/index.js");

export function copyFixture(): { dir: string; home: string } {
  const base = mkdtempSync(join(tmpdir(), "prisma-offline-"));
  const dir = join(base, "notes");
  cpSync(join(import.meta.dirname, "fixtures/notes"), dir, { recursive: true });
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"));
  const home = join(base, "home");
  mkdirSync(home);
  return { dir, home };
}

export async function prisma(dir: string, home: string, ...args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CACHE_HOME: join(home, ".cache"),
  };
  delete env.PRISMA_SCHEMA_ENGINE_BINARY; // prove the config's default is enough
  const { stdout, stderr } = await run(process.execPath, [prismaCli, ...args], { cwd: dir, env });
  return stdout + stderr;
}
