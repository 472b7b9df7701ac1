// `npm run dead-letters` lists the dead letters of every queue;
// `npm run dead-letters -- --replay inventory.order-placed` moves that queue's back for another try.
import { listDeadLetters, replayDeadLetters } from "./dead-letters.ts";
import { QUEUES, type QueueName } from "./topology.ts";

const replayAt = process.argv.indexOf("--replay");
if (replayAt > 0) {
  const queue = process.argv[replayAt + 1] as QueueName;
  if (!(queue in QUEUES)) {
    console.error(`No queue "${queue}". Queues: ${Object.keys(QUEUES).join(", ")}`);
    process.exit(2);
  }
  const moved = await replayDeadLetters(queue);
  console.log(`Moved ${moved.length} message(s) from ${queue}.dlq back to ${queue}:`);
  for (const m of moved) console.log(`  ${m.type}  ${m.id}  correlation ${m.correlationId}`);
} else {
  const found = await listDeadLetters();
  if (Object.keys(found).length === 0) console.log("No dead letters.");
  for (const [queue, letters] of Object.entries(found)) {
    console.log(
      `${letters.length} in ${queue}.dlq   (replay: npm run dead-letters -- --replay ${queue})`,
    );
    for (const { message, error, attempts } of letters) {
      console.log(`  ${message.type}  ${message.id}  failed (${attempts} attempt(s)): ${error}`);
    }
  }
}
