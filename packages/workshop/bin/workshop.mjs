#!/usr/bin/env node
// `npx workshop …`: the command is TypeScript, run through tsx like the rest of the repository.
import { register } from "tsx/esm/api";

register();
const { endQuietlyWhenStdoutCloses } = await import("../src/closed-stdout.ts");
endQuietlyWhenStdoutCloses();
const { main } = await import("../src/cli.ts");
process.exitCode = await main(process.argv.slice(2));
