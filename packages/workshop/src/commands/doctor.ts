// `workshop doctor`: is this laptop ready for the workshop? Each problem comes with its fix.
import { existsSync, statfsSync } from "node:fs";
import { connect, createServer } from "node:net";
import { amqpHosts, brokerAddress } from "@shop/kit";
import { planBroker, planBrowser, START_CLUSTER } from "@shop/kit/testing";
import type { BrowserSeams, EnsureBrokerOptions } from "@shop/kit/testing";
import { green, red, yellow } from "../style.ts";

export interface Check {
  ok: boolean;
  /** A problem that only matters for some steps. */
  warning?: boolean;
  what: string;
  fix?: string;
}

export interface DoctorOptions {
  root: string;
  amqpUrl?: string;
  ports?: number[];
  /** Tests: what the machine has installed, instead of looking. */
  broker?: Pick<EnsureBrokerOptions, "seams" | "anyLocalPort" | "hosts">;
  browserSeams?: Partial<BrowserSeams>;
  env?: NodeJS.ProcessEnv;
}

export const WORKSHOP_PORTS = [3000, 3001, 3002, 3003, 3004, 3005, 3100];

export async function diagnose(options: DoctorOptions): Promise<Check[]> {
  const { root, amqpUrl, ports = WORKSHOP_PORTS } = options;
  return [
    nodeVersion(),
    npmVersion(),
    dependencies(root),
    await browser(options),
    await broker(amqpUrl, options.broker),
    ...(await Promise.all(ports.map(portFree))),
    disk(root),
  ];
}

export async function doctor(options: DoctorOptions): Promise<number> {
  const checks = await diagnose(options);
  for (const c of checks) {
    const mark = c.ok ? green("✓") : c.warning ? yellow("!") : red("✗");
    console.log(`${mark} ${c.what}`);
    if (!c.ok && c.fix) console.log(`    fix: ${c.fix}`);
  }
  const problems = checks.filter((c) => !c.ok && !c.warning).length;
  const warnings = checks.filter((c) => !c.ok && c.warning).length;
  console.log(
    problems + warnings === 0
      ? green("\nAll good: you are ready for the workshop.")
      : `\n${problems} problem(s), ${warnings} warning(s).`,
  );
  return problems === 0 ? 0 : 1;
}

function nodeVersion(): Check {
  const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
  const ok = major > 20 || (major === 20 && minor >= 19);
  return {
    ok,
    what: `Node.js ${process.versions.node} (needs 20.19 or newer)`,
    fix: "install Node 20.19+ (e.g. `nvm install 20 && nvm use`)",
  };
}

function npmVersion(): Check {
  const version = process.env.npm_config_user_agent?.match(/npm\/(\S+)/)?.[1];
  return { ok: true, what: `npm ${version ?? "(version not known outside npm/npx)"}` };
}

function dependencies(root: string): Check {
  const ok =
    existsSync(`${root}/node_modules/@prisma/client`) &&
    existsSync(`${root}/steps/01-monolith/generated/prisma/client.ts`);
  return {
    ok,
    what: ok
      ? "dependencies installed, Prisma clients generated"
      : "dependencies or Prisma clients missing",
    fix: "npm install (from the repository root)",
  };
}

/** What `npm install` found, or would download. */
async function browser({ env, browserSeams }: DoctorOptions): Promise<Check> {
  const plan = await planBrowser({ env, seams: browserSeams });
  const fix = "npx playwright install chromium (or your distribution's chromium package)";
  if (plan.action === "none") {
    const whose = plan.source === "system" ? plan.path : `Playwright's (${plan.path})`;
    return { ok: true, what: `Chromium for the browser specs: ${whose}` };
  }
  if (plan.action === "skip") {
    const what = "no Chromium for the browser specs (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set)";
    return { ok: false, what: `${what}; npm install downloads none`, fix };
  }
  const what =
    "no Chromium for the browser specs; npm install would run `npx playwright install chromium`";
  return { ok: false, what, fix };
}

const START_BROKER =
  "docker compose up -d rabbitmq (from the repository root), or rabbitmq-server -detached";

/** Whether the broker answers, else what `npm test` would do about it. */
async function broker(amqpUrl?: string, options: DoctorOptions["broker"] = {}): Promise<Check> {
  const { host, port } = brokerAddress(amqpUrl);
  const version = await rabbitMqVersion(host, port);
  if (version) return { ok: true, what: `RabbitMQ ${version} answers on ${host}:${port}` };
  // rabbitMqVersion has just found none there: no need to ask again (a cluster's others, yes)
  let cluster: string[] | undefined;
  try {
    cluster = options.hosts ?? amqpHosts();
  } catch (error) {
    return { ok: false, what: (error as Error).message, fix: "AMQP_HOSTS=host:port,host:port" };
  }
  const seams = { ...(!cluster && { probe: async () => false }), ...options.seams };
  const plan = await planBroker({ ...options, amqpUrl, hosts: cluster, seams });
  if (plan.action === "none")
    return {
      ok: true,
      what: `RabbitMQ: a node of the cluster answers on ${plan.host}:${plan.port}`,
    };
  if (plan.action === "start") {
    const command = plan.starters[0]!.command;
    const what = `RabbitMQ: not running on ${host}:${port}; npm test would start it with \`${command}\``;
    return { ok: true, what };
  }
  if (plan.action === "wait") {
    const what = `RabbitMQ: something listens on ${host}:${port} but does not answer as a broker`;
    const fix =
      "restart it: rabbitmqctl stop, then rabbitmq-server -detached (or docker compose restart rabbitmq)";
    return { ok: false, what, fix };
  }
  if (plan.action === "cannot" && plan.why === "cluster") {
    const what = `RabbitMQ: no node of the cluster in AMQP_HOSTS answers`;
    return { ok: false, warning: true, what, fix: START_CLUSTER };
  }
  const what = `RabbitMQ is not reachable on ${host}:${port} (needed from step 03 on)`;
  if (plan.action === "cannot" && plan.why === "nothing-installed") {
    const fix = `neither Docker nor rabbitmq-server is installed: install one, then ${START_BROKER}`;
    return { ok: false, warning: true, what, fix };
  }
  return { ok: false, warning: true, what, fix: START_BROKER };
}

/** Opens an AMQP 0-9-1 connection far enough to read the server's version from Connection.Start. */
export function rabbitMqVersion(
  host: string,
  port: number,
  timeoutMs = 2000,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let data = Buffer.alloc(0);
    const done = (version?: string) => {
      socket.destroy();
      resolve(version);
    };
    socket.setTimeout(timeoutMs, () => done());
    socket.once("error", () => done());
    socket.once("connect", () => socket.write(Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1])));
    socket.on("data", (chunk) => {
      data = Buffer.concat([data, chunk]);
      // server-properties is an AMQP field table: ... 7 "version" 'S' <uint32 length> <bytes>
      const at = data.indexOf(Buffer.from("\x07versionS", "latin1"));
      if (at >= 0 && data.length >= at + 13) {
        const length = data.readUInt32BE(at + 9);
        if (data.length >= at + 13 + length)
          done(data.subarray(at + 13, at + 13 + length).toString());
      }
    });
  });
}

function portFree(port: number): Promise<Check> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () =>
      resolve({
        ok: false,
        what: `port ${port} is busy`,
        fix: `stop what listens on ${port} (\`lsof -i :${port}\` shows it), e.g. a shop started earlier`,
      }),
    );
    server.listen(port, "127.0.0.1", () =>
      server.close(() => resolve({ ok: true, what: `port ${port} is free` })),
    );
  });
}

function disk(root: string): Check {
  const { bavail, bsize } = statfsSync(root);
  const freeGiB = (bavail * bsize) / 1024 ** 3;
  return {
    ok: freeGiB >= 1,
    what: `${freeGiB.toFixed(1)} GiB free on disk`,
    fix: "free at least 1 GiB",
  };
}
