// After the browser specs: the namespace's queues and exchanges go, the broker stays clean.
import { deleteTopology } from "../messaging/cleanup.ts";
import { currentNamespace } from "../messaging/topology.ts";

export default async function teardown(): Promise<void> {
  await deleteTopology(currentNamespace()); // SHOP_NAMESPACE is set by the config
}
