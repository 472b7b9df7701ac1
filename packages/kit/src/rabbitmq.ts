// Steps 03 and 04 need a RabbitMQ broker. This check fails fast with the one line that fixes it,
// instead of a connection library retrying quietly for twenty seconds.
import { connect } from "node:net";

export const DEFAULT_AMQP_URL = "amqp://guest:guest@127.0.0.1:5672";

export function brokerAddress(amqpUrl = process.env.AMQP_URL ?? DEFAULT_AMQP_URL): {
  host: string;
  port: number;
} {
  const url = new URL(amqpUrl);
  return { host: url.hostname, port: Number(url.port || 5672) };
}

/** The same broker URL (user, password, vhost) pointed at a local port: the way through a TCP proxy. */
export function amqpUrlVia(
  port: number,
  amqpUrl = process.env.AMQP_URL ?? DEFAULT_AMQP_URL,
): string {
  const url = new URL(amqpUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return url.toString();
}

export function howToStartRabbitMq(host: string, port: number): string {
  return (
    `RabbitMQ is not reachable at ${host}:${port}. Start one with \`docker compose up -d rabbitmq\` ` +
    "(from the repository root), or with `rabbitmq-server -detached` where it is installed locally."
  );
}

/** Resolves when something accepts TCP connections at the broker's address; rejects with the fix otherwise. */
export function assertBrokerReachable(amqpUrl?: string, timeoutMs = 2_000): Promise<void> {
  const { host, port } = brokerAddress(amqpUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = () => {
      socket.destroy();
      reject(new Error(howToStartRabbitMq(host, port)));
    };
    socket.setTimeout(timeoutMs, fail);
    socket.once("error", fail);
    socket.once("connect", () => {
      socket.end();
      resolve();
    });
  });
}
