// For tests and the e2e teardown: delete every queue and exchange declared under a namespace,
// so that runs leave nothing behind on the shared broker.
import { Connection } from "rabbitmq-client";
import { amqpHosts, DEFAULT_AMQP_URL } from "@shop/kit";
import { declaredNames } from "./topology.ts";

export async function deleteTopology(
  namespace: string,
  url = process.env.AMQP_URL ?? DEFAULT_AMQP_URL,
): Promise<void> {
  if (!namespace) throw new Error("refusing to delete the un-namespaced topology");
  const connection = new Connection({ url, hosts: amqpHosts(), connectionName: "cleanup" });
  try {
    const { queues, exchanges } = declaredNames(namespace);
    for (const queue of queues) await connection.queueDelete({ queue });
    for (const exchange of exchanges) await connection.exchangeDelete({ exchange });
  } finally {
    await connection.close();
  }
}

export async function deleteQueue(
  queue: string,
  url = process.env.AMQP_URL ?? DEFAULT_AMQP_URL,
): Promise<void> {
  const connection = new Connection({ url, hosts: amqpHosts(), connectionName: "cleanup" });
  try {
    await connection.queueDelete({ queue });
  } finally {
    await connection.close();
  }
}
