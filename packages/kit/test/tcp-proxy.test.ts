import { connect, createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "../src/index.ts";
import { startTcpProxy, type TcpProxy } from "../src/testing.ts";

let echo: Server;
let proxy: TcpProxy;
afterEach(async () => {
  await proxy?.close();
  await new Promise((resolve) => echo?.close(resolve));
});

async function startEcho(): Promise<number> {
  echo = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  return (echo.address() as { port: number }).port;
}

/** Sends a line through the proxy and resolves with what came back, or rejects when the link drops. */
function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port }, () => socket.write(text));
    socket.once("data", (data) => {
      socket.end();
      resolve(String(data));
    });
    socket.once("close", () => reject(new Error("closed")));
    socket.once("error", reject);
  });
}

describe("The TCP proxy", () => {
  it("When the link is up, then bytes flow both ways", async () => {
    proxy = await startTcpProxy({ host: "127.0.0.1", port: await startEcho() });

    expect(await roundTrip(proxy.port, "hello")).toBe("hello");
  });

  it("When the link is cut, then open connections drop and new ones are refused; after restore, it flows again", async () => {
    proxy = await startTcpProxy({ host: "127.0.0.1", port: await startEcho() });
    const held = connect({ host: "127.0.0.1", port: proxy.port });
    await new Promise((resolve) => held.once("connect", resolve));
    const dropped = new Promise((resolve) => held.once("close", resolve));

    proxy.cut();

    await dropped;
    await expect(roundTrip(proxy.port, "anyone?")).rejects.toThrow();
    proxy.restore();
    await eventually(async () => expect(await roundTrip(proxy.port, "back")).toBe("back"));
  });
});
