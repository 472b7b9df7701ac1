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

/**
 * The nodes of a RabbitMQ cluster, from AMQP_HOSTS ("127.0.0.1:5701,127.0.0.1:5702"): a
 * connection that loses its node tries the next. Unset: the one broker AMQP_URL names.
 * AMQP_URL still gives the user, password and vhost.
 */
export function amqpHosts(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const hosts = (env.AMQP_HOSTS ?? "").split(",").map((h) => h.trim());
  const named = hosts.filter(Boolean);
  if (named.length === 0) return undefined;
  // rabbitmq-client cuts a host at its first ":": an IPv6 address would not reach its node
  const ipv6 = named.find((h) => h.startsWith("["));
  if (ipv6) throw new Error(`AMQP_HOSTS: "${ipv6}": use a host name or an IPv4 address, not IPv6`);
  const wrong = named.find((h) => !/^[^\s:/]+:\d{1,5}$/.test(h));
  if (wrong) throw new Error(`AMQP_HOSTS: "${wrong}" is not host:port (as in 127.0.0.1:5701)`);
  return named;
}

export function howToStartRabbitMq(host: string, port: number): string {
  return (
    `RabbitMQ is not reachable at ${host}:${port}. Start one with \`docker compose up -d rabbitmq\` ` +
    "(from the repository root), or with `rabbitmq-server -detached` where it is installed locally."
  );
}

/**
 * Resolves when something accepts TCP connections at the broker's address (or, with AMQP_HOSTS,
 * at one of the cluster's nodes); rejects with the fix otherwise.
 */
export async function assertBrokerReachable(amqpUrl?: string, timeoutMs = 2_000): Promise<void> {
  const hosts = amqpUrl ? undefined : amqpHosts();
  const addresses = hosts?.map((h) => brokerAddress(`amqp://${h}`)) ?? [brokerAddress(amqpUrl)];
  for (const address of addresses) if (await acceptsConnections(address, timeoutMs)) return;
  const { host, port } = addresses[0]!;
  if (!hosts) throw new Error(howToStartRabbitMq(host, port));
  throw new Error(`No node of the cluster answers (AMQP_HOSTS: ${hosts.join(", ")}).`);
}

/** Does anything accept TCP connections there (a broker, busy or not, or something else)? */
export function acceptsConnections(
  { host, port }: { host: string; port: number },
  timeoutMs = 2_000,
): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => done(true));
  });
}
