// Every name a step declares on the broker (exchange, queues) starts with the step's own prefix,
// so two steps on one broker never share a queue: a learner who runs step 04 while step 03 has
// messages waiting finds them still there back in step 03. A room that shares one broker gives
// each learner a vhost of their own in AMQP_URL; the prefix keeps the steps apart inside it.
import { basename, dirname, resolve } from "node:path";

/**
 * The prefix of a step's broker names: "03-pubsub." for steps/03-pubsub, "mine-03-pubsub." for
 * the learner's copy in exercises/ (its own databases, so its own queues). SHOP_NAMESPACE goes
 * in front: each test run takes one of its own ("test-1a2b.03-pubsub.") and deletes it after.
 */
export function brokerNamespace(stepDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = resolve(stepDir);
  const mine = basename(dirname(dir)) === "exercises" ? "mine-" : "";
  return `${env.SHOP_NAMESPACE ?? ""}${mine}${basename(dir)}.`;
}
