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
  /** Extra environment; `{name}` stands for that service's URL, e.g. "CATALOG_URL": "{catalog}". */
  env?: Record<string, string>;
}

export interface StepServices {
  /** Steps 03 and 04: nothing works without RabbitMQ, so check it before starting anything. */
  needsBroker?: boolean;
  services: ServiceEntry[];
}

export function loadStep(stepDir: string): StepServices {
  return JSON.parse(readFileSync(join(stepDir, "services.json"), "utf8")) as StepServices;
}

export function loadServices(stepDir: string): ServiceEntry[] {
  return loadStep(stepDir).services;
}

/** Replaces `{name}` with the URL of that service; fails on a name that is not started before. */
export function resolveEnv(
  entry: ServiceEntry,
  urls: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(entry.env ?? {})) {
    env[key] = value.replace(/\{([\w-]+)\}/g, (_, name: string) => {
      const url = urls[name];
      if (!url)
        throw new Error(
          `${entry.name}: {${name}} is not started before it; order services.json so dependencies come first`,
        );
      return url;
    });
  }
  return env;
}

/** How a step is named to the learner: "03-pubsub", or "03-pubsub (your copy)" for exercises/. */
export function stepLabel(stepDir: string): string {
  const dir = resolve(stepDir);
  return basename(dirname(dir)) === "exercises" ? `${basename(dir)} (your copy)` : basename(dir);
}
