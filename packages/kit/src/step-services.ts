// A step's processes, as its `services.json` lists them: the supervisor (`npm start`) and the test
// harness start the same list, so tests run the shop the way a learner does.
import { readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export interface ServiceEntry {
  name: string;
  /** Entry file, relative to the step. */
  entry: string;
  /** Default port (the supervisor's); tests use ephemeral ports. */
  port: number;
  /** Data folder name under the step's data root; instances of one service share one (default: name). */
  data?: string;
  /**
   * Extra environment; `{name}` stands for that service's URL, e.g. "CATALOG_URL": "{catalog}",
   * and `{name*}` for the URLs of all its instances, comma-separated (one when it is not scaled).
   */
  env?: Record<string, string>;
  /** How many processes run it (default 1); `npm start -- NN --scale name=N` says otherwise. */
  instances?: number;
  /** Set on each instance of a scaled service: the service's own name ("payments"). */
  instanceOf?: string;
}

export interface StepServices {
  /** Steps 03 and 04: nothing works without RabbitMQ, so check it before starting anything. */
  needsBroker?: boolean;
  services: ServiceEntry[];
}

/** The step's processes: one entry per instance of each service (see withInstances). */
export function loadStep(stepDir: string, scale: Scale = {}): StepServices {
  const step = JSON.parse(readFileSync(join(stepDir, "services.json"), "utf8")) as StepServices;
  return { ...step, services: withInstances(step.services, scale) };
}

/** Instances per service name, e.g. { payments: 3 }. */
export type Scale = Record<string, number>;

/** Each instance after the first listens this much higher: payments on 3004, 3024, 3044. */
export const INSTANCE_PORT_STEP = 20;
/** Five instances stay below the console's port (3100). */
export const MAX_INSTANCES = 5;

/** `--scale payments=3` (repeatable, or `payments=3,orders=2`) from a command line. */
export function parseScale(args: string[]): Scale {
  const scale: Scale = {};
  args.forEach((arg, i) => {
    if (arg !== "--scale") return;
    for (const pair of (args[i + 1] ?? "").split(",")) {
      const [name, count] = pair.split("=");
      const n = Number(count);
      if (!name || !Number.isInteger(n) || n < 1 || n > MAX_INSTANCES)
        throw new Error(`--scale wants name=N with N from 1 to ${MAX_INSTANCES}, not "${pair}"`);
      scale[name] = n;
    }
  });
  return scale;
}

/**
 * One entry per process. A service with N instances becomes `name`, `name-2` … `name-N`, each on
 * its own port, all on the first one's data folder: replicas of one service share its database
 * and its queues (competing consumers). SHOP_INSTANCE names the process in its logs.
 */
export function withInstances(services: ServiceEntry[], scale: Scale = {}): ServiceEntry[] {
  const unknown = Object.keys(scale).filter((name) => !services.some((s) => s.name === name));
  if (unknown.length > 0) throw new Error(`--scale: no service ${unknown.join(", ")} in this step`);
  return services.flatMap((entry) => {
    const count = scale[entry.name] ?? entry.instances ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > MAX_INSTANCES)
      throw new Error(`${entry.name}: instances must be 1 to ${MAX_INSTANCES}, not ${count}`);
    if (count === 1) return [entry];
    return Array.from({ length: count }, (_, k) => {
      const name = k === 0 ? entry.name : `${entry.name}-${k + 1}`;
      const env = { ...entry.env, SHOP_INSTANCE: name };
      const port = entry.port + k * INSTANCE_PORT_STEP;
      const data = entry.data ?? entry.name;
      return { ...entry, name, port, data, env, instances: 1, instanceOf: entry.name };
    });
  });
}

export function loadServices(stepDir: string): ServiceEntry[] {
  return loadStep(stepDir).services;
}

/**
 * Replaces `{name}` with the URL of that service, and `{name*}` with those of all its instances
 * (name, name-2, …); fails on a name that is not started before.
 */
export function resolveEnv(
  entry: ServiceEntry,
  urls: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(entry.env ?? {})) {
    env[key] = value.replace(/\{([\w-]+)(\*?)\}/g, (_, name: string, all: string) => {
      if (!urls[name])
        throw new Error(
          `${entry.name}: {${name}} is not started before it; order services.json so dependencies come first`,
        );
      if (!all) return urls[name];
      const instance = new RegExp(`^${name}(-\\d+)?$`);
      return Object.keys(urls)
        .filter((started) => instance.test(started))
        .map((started) => urls[started])
        .join(",");
    });
  }
  return env;
}

/** How a step is named to the learner: "03-pubsub", or "03-pubsub (your copy)" for exercises/. */
export function stepLabel(stepDir: string): string {
  const dir = resolve(stepDir);
  return basename(dirname(dir)) === "exercises" ? `${basename(dir)} (your copy)` : basename(dir);
}
