#!/usr/bin/env node
// `npm start` in a step with several processes, run from the step folder:
// `supervise [--port-offset N] [--scale payments=3]`.
import { register } from "tsx/esm/api";

register();
const { supervise } = await import("../src/supervisor.ts");
const { parseScale } = await import("../src/step-services.ts");
const args = process.argv.slice(2);
const offsetAt = args.indexOf("--port-offset");
let scale;
try {
  scale = parseScale(args);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
await supervise({
  stepDir: process.cwd(),
  portOffset: offsetAt >= 0 ? Number(args[offsetAt + 1]) : 0,
  scale,
});
