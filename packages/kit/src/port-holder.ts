// Before a step starts anything: is each of its ports free, and if not, who holds it? A shop
// process says so on /health (its service and step); anything else is named by the system's
// socket table where a tool can read it (lsof, then ss).
import { spawnSync } from "node:child_process";
import { get } from "node:http";
import { createServer } from "node:net";

export interface PortHolder {
  /** "shipping of step 03-pubsub (pid 4242)", "python3 (pid 17)", or "another program". */
  who: string;
  /** Set when the holder is one of the workshop's own steps. */
  step?: string;
  pid?: number;
}

export function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function portHolder(port: number): Promise<PortHolder> {
  const shop = await shopOn(port);
  if (shop) return shop;
  const program = programOn(port);
  return program ?? { who: "another program" };
}

async function shopOn(port: number): Promise<PortHolder | undefined> {
  const health = await getJson(`http://127.0.0.1:${port}/health`);
  if (typeof health?.service !== "string") return undefined; // not HTTP, or not ours
  const step = typeof health.step === "string" ? health.step : undefined;
  const pid = typeof health.pid === "number" ? health.pid : undefined;
  const who = `${health.service}${step ? ` of step ${step}` : " of a workshop step"}${pid ? ` (pid ${pid})` : ""}`;
  return { who, step, pid };
}

/** node:http, not fetch: its timer keeps the process alive until a holder that never answers is given up on. */
function getJson(url: string, timeoutMs = 1_000): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve) => {
    const request = get(url, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        try {
          resolve(JSON.parse(body) as Record<string, unknown>);
        } catch {
          resolve(undefined);
        }
      });
      response.on("error", () => resolve(undefined));
    });
    request.setTimeout(timeoutMs, () => request.destroy());
    request.on("error", () => resolve(undefined));
  });
}

function programOn(port: number): PortHolder | undefined {
  const lsof = run("lsof", ["-nP", `-iTCP:${port}`, "-sTCP:LISTEN", "-Fpc"]);
  const pid = lsof?.match(/^p(\d+)$/m)?.[1];
  const name = lsof?.match(/^c(.+)$/m)?.[1];
  if (pid && name) return { who: `${name} (pid ${pid})`, pid: Number(pid) };
  // ss prints users:(("node",pid=123,fd=21)) for sockets this user may see
  const ss = run("ss", ["-Hltnp", `sport = :${port}`]);
  const found = ss?.match(/\("([^"]+)",pid=(\d+)/);
  if (found) return { who: `${found[1]} (pid ${found[2]})`, pid: Number(found[2]) };
  return undefined;
}

function run(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 2_000 });
  return result.status === 0 ? result.stdout : undefined;
}
