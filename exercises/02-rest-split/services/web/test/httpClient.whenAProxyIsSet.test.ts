// Calls between the services stay on loopback, whatever proxy the laptop's environment names.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http } from "../../../http-client.ts";

const PROXY_VARIABLES = ["HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"] as const;
const saved = PROXY_VARIABLES.map((name) => [name, process.env[name]] as const);
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((_req, res) => res.setHeader("content-type", "application/json").end("{}"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/products`;
  process.env.HTTP_PROXY = process.env.http_proxy = "http://127.0.0.1:9"; // nothing listens
  delete process.env.NO_PROXY; // a NO_PROXY naming 127.0.0.1 would hide the bug
  delete process.env.no_proxy;
});

afterAll(async () => {
  // test files share this worker's environment: put it back as it was
  for (const [name, value] of saved)
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  await new Promise((resolve) => server.close(resolve));
});

describe("The HTTP client between services", () => {
  it("When HTTP_PROXY names a proxy, then a call to a service on loopback still goes straight to it", async () => {
    const response = await http.get(url);

    expect(response.status).toBe(200);
    expect(response.data).toEqual({});
  });
});
