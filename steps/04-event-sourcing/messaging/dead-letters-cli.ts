// `npm run dead-letters` lists the dead letters of every queue;
// `npm run dead-letters -- --replay inventory.order-placed` moves that queue's back for another try.
import { deadLetterCounts, replayDeadLetters } from "./dead-letters.ts";
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
  const counts = await deadLetterCounts();
  if (Object.keys(counts).length === 0) console.log("No dead letters.");
  for (const [queue, count] of Object.entries(counts)) console.log(`${String(count).padStart(5)}  ${queue}.dlq   (replay: npm run dead-letters -- --replay ${queue})`);
}
