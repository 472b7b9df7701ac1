#!/usr/bin/env node
// `npm start -- NN [--port-offset N] [--scale name=N]` from the repository root: starts step NN (01 when none is given) with that
// step's own `npm start`, so the step folder stays the single source of how it runs.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const wanted = (process.argv[2] ?? "01").padStart(2, "0");
const steps = readdirSync(join(root, "steps")).filter((name) => /^\d\d-/.test(name));
const step = steps.find((name) => name.startsWith(`${wanted}-`));
if (!step) {
  console.error(`No step ${wanted}. Steps here: ${steps.join(", ")}`);
  process.exit(2);
}
console.log(`Starting steps/${step} ...`);
// Anything after the step goes to the supervisor: `npm start -- 04 --port-offset 100`,
// `npm start -- 03 --scale payments=3`.
const extra = process.argv.slice(3);
const args = extra.length > 0 ? ["start", "--", ...extra] : ["start"];
const child = spawn("npm", args, { cwd: join(root, "steps", step), stdio: "inherit" });
// Ctrl-C reaches the whole process group; wait for the step to stop, then leave with its code.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
