// What the local cluster kills when asked to stop a node: only that node, never whatever process
// now has the number its pid file kept (a stale file: the node ended some other way).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { killNode } from "../src/local-cluster.ts";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((clean) => clean()));

/** A process that is not a RabbitMQ node (cat), and a way to ask whether it still runs. */
function bystander() {
  const child = spawn("cat", [], { stdio: ["pipe", "pipe", "ignore"] });
  cleanups.push(() => child.kill());
  const exited = new Promise<string>((resolve) => child.once("exit", () => resolve("killed")));
  /** Resolves "running" when it echoes a line back, "killed" when it ended instead. */
  const answers = () => {
    const echoed = new Promise<string>((resolve) =>
      child.stdout.once("data", () => resolve("running")),
    );
    child.stdin.write("still there?\n");
    return Promise.race([echoed, exited]);
  };
  return { pid: child.pid!, answers };
}

describe("killNode", () => {
  it("When the node's pid files name another program's process, then that process is left alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shop-kill-node-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, "n1"));
    const other = bystander();
    writeFileSync(join(dir, "n1", "rabbit.pid"), String(other.pid));
    writeFileSync(join(dir, "n1", "group.pid"), String(other.pid));

    killNode(dir, 0);

    expect(await other.answers(), "the other program still runs").toBe("running");
  });
});
