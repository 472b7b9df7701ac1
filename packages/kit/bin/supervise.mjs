#!/usr/bin/env node
// `npm start` in a step with several processes: `supervise [--port-offset N]`, run from the step folder.
import { register } from "tsx/esm/api";

register();
const { supervise } = await import("../src/supervisor.ts");
const offsetAt = process.argv.indexOf("--port-offset");
await supervise({
  stepDir: process.cwd(),
  portOffset: offsetAt > 0 ? Number(process.argv[offsetAt + 1]) : 0,
});
