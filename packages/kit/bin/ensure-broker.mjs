#!/usr/bin/env node
// For scripts: exits 0 once RabbitMQ answers on AMQP_URL (starting one when none does and one can
// be started, see ../src/ensure-broker.ts), else 1 with what to do.
import { register } from "tsx/esm/api";

register();
const { ensureBroker } = await import("../src/ensure-broker.ts");
try {
  await ensureBroker();
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}
