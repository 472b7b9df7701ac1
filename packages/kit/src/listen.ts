// How every service process starts listening: on the port it is given (0 = any free one), and it
// tells its parent (the test harness or the supervisor) which port it got.
import type { Server, RequestListener } from "node:http";
import { createServer } from "node:http";

export interface Listening {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function listen(
  handler: RequestListener,
  port = Number(process.env.PORT ?? 0),
  host = "127.0.0.1",
): Promise<Listening> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  // The test harness starts services with an IPC channel and waits for this message.
  if (process.env.SHOP_HARNESS === "1") process.send?.({ type: "listening", port: actualPort });
  return {
    server,
    port: actualPort,
    url: `http://${host}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Stops cleanly on Ctrl-C or when the supervisor / harness asks, so no process is left behind. */
export function closeOnSignals(close: () => Promise<void>): void {
  const stop = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  process.once("disconnect", stop); // the parent died: do not outlive it
}
