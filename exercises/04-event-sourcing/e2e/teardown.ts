// After the browser specs: the namespace's queues and exchanges go, the broker stays clean.
import { deleteTopology } from "../messaging/cleanup.ts";

export default async function teardown(): Promise<void> {
  await deleteTopology(process.env.SHOP_NAMESPACE!);
}
