import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ADMIN_HEADERS, assertBrokerReachable, brokerNamespace } from "@shop/kit";
import { findExercise, isExerciseId } from "../exercises.ts";
import { findStep, listSteps } from "../repo.ts";
import { run, runExerciseTests } from "../run.ts";
import { exercisesOf } from "../exercises.ts";
import { writeStarter } from "../starter.ts";

/** `start 01` runs the reference step; `start 01 --mine` runs your copy from exercises/. */
export async function start(
  root: string,
  stepQuery: string,
  { mine = false } = {},
): Promise<number> {
  const step = findStep(root, stepQuery);
  const cwd = mine ? step.exerciseDir : step.dir;
  if (!existsSync(cwd)) throw new Error(`No ${cwd}`);
  return (await run("npm", ["start"], { cwd })).code;
}

/** `test 01` runs the reference step's tests and browser specs; `test 01.1` one exercise in your copy. */
export async function test(root: string, target: string): Promise<number> {
  if (isExerciseId(target)) {
    const exercise = findExercise(root, target);
    return (await runExerciseTests(exercise.step.exerciseDir, exercise.testFiles)).code;
  }
  const step = findStep(root, target);
  const unit = await run("npm", ["test"], { cwd: step.dir });
  const e2e = await run("npm", ["run", "test:e2e"], { cwd: step.dir });
  return unit.code || e2e.code;
}

/** Seed data back for a demo: through the running shop when there is one, else by deleting the data folders. */
export async function resetData(root: string, url = "http://localhost:3000"): Promise<number> {
  try {
    const response = await fetch(`${url}/api/admin/reset`, {
      method: "POST",
      headers: ADMIN_HEADERS,
      signal: AbortSignal.timeout(2000),
    });
    if (response.ok) {
      console.log(`The shop at ${url} is back to its seed data.`);
      return 0;
    }
  } catch {
    // no shop running: fall through
  }
  for (const step of listSteps(root)) {
    for (const stepDir of [step.dir, step.exerciseDir]) {
      const data = join(stepDir, "data");
      if (existsSync(data)) {
        rmSync(data, { recursive: true, force: true });
        console.log(`deleted ${data.slice(root.length + 1)}`);
      }
      await deleteBrokerNames(stepDir);
    }
  }
  console.log("No shop was running; each step starts from its seed data next time.");
  return 0;
}

/** A step's exchange and queues go too: no message of an old run waits for the next one. */
async function deleteBrokerNames(stepDir: string): Promise<void> {
  const cleanup = join(stepDir, "messaging/cleanup.ts");
  if (!existsSync(cleanup)) return; // a step without a broker
  const namespace = brokerNamespace(stepDir, {}); // the step's own names, never a test's
  try {
    await assertBrokerReachable();
    const { deleteTopology } = (await import(cleanup)) as {
      deleteTopology(ns: string): Promise<void>;
    };
    await deleteTopology(namespace);
    console.log(`deleted the broker's ${namespace}* exchange and queues`);
  } catch (error) {
    console.log(`left the broker's ${namespace}* names (${(error as Error).message})`);
  }
}

/** For authors: writes exercises/NN-name from every step that has exercises. */
export function generate(root: string): number {
  for (const step of listSteps(root)) {
    if (exercisesOf(step).length === 0) continue;
    const count = writeStarter(step);
    console.log(`exercises/${step.name}: ${count} files`);
  }
  return 0;
}

/** Step 04: drop orders' read models and build them again from the event store. */
export async function rebuildReadModels(
  url = process.env.ORDERS_URL ?? "http://localhost:3003",
): Promise<number> {
  try {
    const response = await fetch(`${url}/admin/projections/rebuild`, {
      method: "POST",
      headers: ADMIN_HEADERS,
      signal: AbortSignal.timeout(60_000),
    });
    if (!response.ok) throw new Error(`answered ${response.status}`);
    const { rebuilt, ms } = (await response.json()) as {
      rebuilt: Record<string, number>;
      ms: number;
    };
    for (const [name, events] of Object.entries(rebuilt))
      console.log(`${name}: rebuilt from ${events} events`);
    console.log(`in ${ms} ms`);
    return 0;
  } catch (error) {
    console.error(
      `Could not rebuild at ${url} (${(error as Error).message}). Is step 04 running? npx workshop start 04`,
    );
    return 1;
  }
}
