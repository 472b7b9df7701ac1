// Where things are: the repository root, its steps, and the learner's copies of them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export interface Step {
  /** "01" */
  number: string;
  /** "01-monolith" */
  name: string;
  /** steps/01-monolith */
  dir: string;
  /** exercises/01-monolith, the learner's copy */
  exerciseDir: string;
}

/** The folder whose package.json is the workshop's: WORKSHOP_ROOT, else found from the current folder or this file. */
export function findRoot(from = process.cwd()): string {
  if (process.env.WORKSHOP_ROOT) return resolve(process.env.WORKSHOP_ROOT);
  for (const start of [from, import.meta.dirname]) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      const pkg = join(dir, "package.json");
      if (
        existsSync(pkg) &&
        JSON.parse(readFileSync(pkg, "utf8")).name === "shop-migration-workshop"
      )
        return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error("Run this inside the shop-migration-workshop repository.");
}

export function listSteps(root: string): Step[] {
  return readdirSync(join(root, "steps"))
    .filter((name) => /^\d\d-/.test(name))
    .sort()
    .map((name) => ({
      number: name.slice(0, 2),
      name,
      dir: join(root, "steps", name),
      exerciseDir: join(root, "exercises", name),
    }));
}

/** "1", "01", "01-monolith" or "monolith" all name step 01. */
export function findStep(root: string, query: string): Step {
  const steps = listSteps(root);
  const wanted = /^\d{1,2}$/.test(query) ? query.padStart(2, "0") : query;
  const step = steps.find(
    (s) => s.number === wanted || s.name === wanted || s.name.endsWith(`-${wanted}`),
  );
  if (!step) throw new Error(`No step "${query}". Steps: ${steps.map((s) => s.number).join(", ")}`);
  return step;
}

/** Folders and files that are not part of a step's source: dependencies, generated code, data. */
export const IGNORED =
  /(^|\/)(node_modules|generated|data|test-results|playwright-report|\.test-results)(\/|$)|\.db(-journal|-wal|-shm)?$/;
