import { createServer, type Server } from "node:net";

/** A port that nothing listens on: the harness's own way of choosing one. */
export { freePort as unusedPort } from "../src/harness.ts";

/** Holds an ephemeral port open until the returned server is closed. */
export function occupyPort(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
