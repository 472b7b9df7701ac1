// `npx workshop <command>`: follow the workshop from the terminal.
import { check } from "./commands/check.ts";
import { diff } from "./commands/diff.ts";
import { doctor } from "./commands/doctor.ts";
import { hint } from "./commands/hint.ts";
import { list } from "./commands/list.ts";
import { generate, rebuildReadModels, resetData, start, test } from "./commands/misc.ts";
import { reset } from "./commands/reset.ts";
import { solution } from "./commands/solution.ts";
import { findRoot } from "./repo.ts";
import { red } from "./style.ts";

export const HELP = `Usage: npx workshop <command>

  list                      steps and exercises, with your progress
  start <step> [--mine]     run a step (01, 02, …); --mine runs your copy in exercises/
  test <step|exercise>      a step's tests and browser specs, or one exercise's tests in your copy
  check [exercise] [--watch] [--verbose]
                            run an exercise's tests in your copy and record the result
                            (no exercise: check them all; --watch: again on every save;
                            --verbose: vitest's whole report, not a line per test)
  hint <exercise> [n]       the next hint, or hint n (1 = a nudge … 3 = a skeleton with holes)
  solution <exercise> [--force]
                            the reference code, once your tests pass (or with --force)
  diff <a> <b> [--stat]     two steps (diff 01 02), or an exercise and its reference (diff 01 01.1)
  reset <exercise>          put the exercise's TODO back in your copy
  reset-data                seed data back (through a running shop, else by deleting data folders)
  rebuild                   step 04: drop orders' read models and rebuild them from the event store
  doctor                    check Node, npm, Chromium, RabbitMQ, ports and disk, with fixes
  generate                  (authors) write exercises/ from the steps' exercise regions
`;

/** `hint 02.1 2`: a hint's number, 1 to 3; none means the next one. */
function hintNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 3)
    throw new Error(`A hint is numbered 1, 2 or 3, not "${text}".`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith("--")));
  const [command, ...args] = argv.filter((a) => !a.startsWith("--"));
  try {
    const root = findRoot();
    const need = (value: string | undefined, what: string) => {
      if (!value) throw new Error(`Missing ${what}.\n\n${HELP}`);
      return value;
    };
    switch (command) {
      case "list":
        return list(root);
      case "start":
        return await start(root, need(args[0], "<step>"), { mine: flags.has("--mine") });
      case "test":
        return await test(root, need(args[0], "<step|exercise>"));
      case "check":
        return await check(root, args[0], {
          watch: flags.has("--watch"),
          verbose: flags.has("--verbose"),
        });
      case "hint":
        return hint(root, need(args[0], "<exercise>"), hintNumber(args[1]));
      case "solution":
        return solution(root, need(args[0], "<exercise>"), { force: flags.has("--force") });
      case "diff":
        return await diff(root, need(args[0], "<a>"), args[1], { stat: flags.has("--stat") });
      case "reset":
        return reset(root, need(args[0], "<exercise>"));
      case "reset-data":
        return await resetData(root);
      case "rebuild":
        return await rebuildReadModels();
      case "doctor":
        return await doctor({ root, amqpUrl: process.env.AMQP_URL });
      case "generate":
        return generate(root);
      case undefined:
      case "help":
        console.log(HELP);
        return 0;
      default:
        console.error(`Unknown command "${command}".\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    console.error(red(error instanceof Error ? error.message : String(error)));
    return 1;
  }
}
