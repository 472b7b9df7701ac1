// Steps 03 and 04 need RabbitMQ: before their exercises' tests run, start one when none answers.
import { ensureBroker, loadStep } from "@shop/kit/testing";
import type { Exercise } from "./exercises.ts";
import { red } from "./style.ts";

type Ensure = () => Promise<unknown>;

// Once a broker could not be had, each further exercise would only repeat the wait: remember why.
const failures = new WeakMap<Ensure, string>();

/** False (and why, on the terminal) when the exercise needs a broker and none can be had. */
export async function brokerFor(
  exercise: Exercise,
  ensure: Ensure = ensureBroker,
): Promise<boolean> {
  if (!loadStep(exercise.step.dir).needsBroker) return true;
  if (!failures.has(ensure)) {
    try {
      await ensure();
      return true;
    } catch (error) {
      failures.set(ensure, (error as Error).message);
    }
  }
  console.log(red(`✗ ${exercise.id} not checked: it needs RabbitMQ.\n${failures.get(ensure)}`));
  return false;
}
