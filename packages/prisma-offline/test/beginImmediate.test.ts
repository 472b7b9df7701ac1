// Several processes of one service share its SQLite file (three payments instances do). A
// transaction that reads, then writes, must not fail because another process wrote meanwhile:
// each transaction takes the write lock at its BEGIN, so the other one waits its turn.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "../src/index.ts";
import { copyFixture, prisma } from "./prisma-cli.ts";

const run = promisify(execFile);
interface NotesClient {
  note: { count(): Promise<number>; findMany(): Promise<unknown[]> };
  $transaction<T>(work: (tx: NotesClient) => Promise<T>): Promise<T>;
  $disconnect(): Promise<void>;
}
type NotesClientClass = new (options: { adapter: SqlDriverAdapterFactory }) => NotesClient;

let PrismaClient: NotesClientClass;
let clientFile: string;
let migrationsDir: string;

beforeAll(async () => {
  const { dir, home } = copyFixture();
  await prisma(dir, home, "generate");
  clientFile = join(dir, "generated/client.ts");
  ({ PrismaClient } = (await import(clientFile)) as { PrismaClient: NotesClientClass });
  migrationsDir = join(dir, "prisma/migrations");
}, 60_000);

const freshDir = () => mkdtempSync(join(tmpdir(), "begin-immediate-"));

describe("A transaction on a file that several processes share", () => {
  it("When a transaction has only read so far, then it holds the write lock already", async () => {
    const dataDir = freshDir();
    const db = openSqlite(PrismaClient, { dataDir, file: "notes.db", migrationsDir });
    const other = new Database(join(dataDir, "notes.db"), { timeout: 0 }); // another connection
    try {
      const tryToWrite = () => {
        try {
          other.prepare("BEGIN IMMEDIATE").run();
          other.prepare("ROLLBACK").run();
          return "wrote";
        } catch (error) {
          return (error as { code?: string }).code;
        }
      };
      const during = await db.$transaction(async (tx) => {
        await tx.note.findMany();
        return tryToWrite();
      });

      expect(during, "BEGIN IMMEDIATE: the lock is taken at the start").toBe("SQLITE_BUSY");
      expect(tryToWrite(), "and given back at the end").toBe("wrote");
    } finally {
      other.close();
      await db.$disconnect();
    }
  });

  it("When two processes read, then write, at the same time, then no transaction fails", async () => {
    const dataDir = freshDir();
    const db = openSqlite(PrismaClient, { dataDir, file: "notes.db", migrationsDir }); // migrates
    const each = 40;
    const writer = () =>
      run(
        process.execPath,
        [
          "--import",
          "tsx",
          join(import.meta.dirname, "support/read-then-write.ts"),
          clientFile,
          dataDir,
          migrationsDir,
          String(each),
        ],
        { cwd: import.meta.dirname },
      ).then(({ stdout }) => JSON.parse(stdout) as { failures: string[] });

    const results = await Promise.all([writer(), writer()]);

    expect(
      results.flatMap((r) => r.failures),
      "a second writer waits, it does not fail",
    ).toEqual([]);
    expect(await db.note.count()).toBe(2 * each);
    await db.$disconnect();
  }, 60_000);
});
