import { createServer, type Server } from "node:net";

/** A port that nothing listens on: bind to an ephemeral port, then release it. */
export async function unusedPort(): Promise<number> {
  const server = await occupyPort();
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Holds an ephemeral port open until the returned server is closed. */
export function occupyPort(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
