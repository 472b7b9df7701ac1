// A service process has one SQLite connection, shared by all its concurrent requests. These tests
// interleave async flows of one process at the awaits of an interactive transaction, as two
// requests do, and check that a query made outside that transaction waits for it to end.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "../src/index.ts";
import { copyFixture, prisma } from "./prisma-cli.ts";

interface Note {
  id: number;
  text: string;
}
interface Notes {
  note: {
    create(args: { data: { id?: number; text: string } }): Promise<Note>;
    findMany(args?: { orderBy?: { id: "asc" } }): Promise<Note[]>;
    count(): Promise<number>;
  };
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
  $queryRaw<T>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $transaction<T>(work: (tx: Notes) => Promise<T>, options?: { timeout?: number }): Promise<T>;
}
interface NotesClient extends Notes {
  $disconnect(): Promise<void>;
}
type NotesClientClass = new (options: { adapter: SqlDriverAdapterFactory }) => NotesClient;

let PrismaClient: NotesClientClass;
let migrationsDir: string;

beforeAll(async () => {
  // The fixture's client is generated into a private copy: fixtures are never generated in place.
  const { dir, home } = copyFixture();
  await prisma(dir, home, "generate");
  ({ PrismaClient } = (await import(join(dir, "generated/client.ts"))) as {
    PrismaClient: NotesClientClass;
  });
  migrationsDir = join(dir, "prisma/migrations");
}, 60_000);

function openNotes(): NotesClient {
  const dataDir = mkdtempSync(join(tmpdir(), "guard-"));
  return openSqlite(PrismaClient, { dataDir, file: "notes.db", migrationsDir });
}

const texts = async (db: Notes) =>
  (await db.note.findMany({ orderBy: { id: "asc" } })).map((n) => n.text);
const rawTexts = async (db: Notes) =>
  (await db.$queryRaw<Note[]>`SELECT text FROM "Note"`).map((n) => n.text);

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets the other flows run for many turns of the event loop; true if `work` settled meanwhile. */
async function settlesWithin(work: Promise<unknown>, turns = 50): Promise<boolean> {
  let settled = false;
  work.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < turns && !settled; i++) await nextTurn();
  return settled;
}

/** Fails instead of hanging the test when the guard is never released. */
async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    const fail = () =>
      reject(new Error(`still waiting after ${ms} ms: the guard was not released`));
    timer = setTimeout(fail, ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Opens a transaction that has written a row and stays open until `end()`; then it throws,
 * so it rolls back. `settled` is the transaction's own outcome.
 */
async function openDoomedTransaction(db: Notes) {
  const opened = deferred();
  const finish = deferred();
  const settled = db.$transaction(async (tx) => {
    await tx.note.create({ data: { text: "rolled back" } });
    opened.resolve();
    await finish.promise;
    throw new Error("payment declined");
  });
  settled.catch(() => {}); // awaited by the test; never an unhandled rejection meanwhile
  await opened.promise;
  return { settled, end: finish.resolve };
}

describe("One process, one connection: a query outside a transaction waits for it", () => {
  it.each<[string, (db: Notes) => Promise<unknown>]>([
    ["a model write", (db: Notes) => db.note.create({ data: { text: "acknowledged" } })],
    [
      "a raw write",
      (db: Notes) => db.$executeRaw`INSERT INTO "Note" (text) VALUES ('acknowledged')`,
    ],
  ])(
    "When %s lands while another request's transaction is open and that one rolls back, then it survives",
    async (_, write) => {
      // Arrange
      const db = openNotes();
      const other = await openDoomedTransaction(db);

      // Act: the write is acknowledged (or waits), then the other transaction fails
      const written = write(db);
      const answeredWhileOpen = await settlesWithin(written);
      other.end();
      await expect(other.settled).rejects.toThrow("payment declined");
      await within(written, 2_000);

      // Assert
      expect(await texts(db)).toEqual(["acknowledged"]);
      expect(answeredWhileOpen).toBe(false);
      await db.$disconnect();
    },
  );

  it.each([
    ["a model read", texts],
    ["a raw read", rawTexts],
  ])(
    "When %s runs while another transaction is open, then it does not see its row",
    async (_, read) => {
      const db = openNotes();
      const other = await openDoomedTransaction(db);

      const seen = read(db);
      await settlesWithin(seen);
      other.end();
      await expect(other.settled).rejects.toThrow("payment declined");

      expect(await within(seen, 2_000)).toEqual([]);
      await db.$disconnect();
    },
  );

  it("When a transaction throws, then the next query outside it does not wait", async () => {
    const db = openNotes();

    const failing = db.$transaction(async (tx) => {
      await tx.note.create({ data: { text: "rolled back" } });
      throw new Error("boom");
    });

    await expect(failing).rejects.toThrow("boom");
    expect(await within(db.note.count(), 2_000)).toBe(0);
    await db.$disconnect();
  });

  it("When a query fails inside a transaction, then the next query outside it does not wait", async () => {
    const db = openNotes();
    await db.note.create({ data: { id: 1, text: "first" } });

    const failing = db.$transaction(async (tx) => {
      await tx.note.create({ data: { text: "rolled back" } });
      await tx.note.create({ data: { id: 1, text: "duplicate id" } });
    });

    await expect(failing).rejects.toMatchObject({ code: "P2002" });
    expect(await within(texts(db), 2_000)).toEqual(["first"]);
    await db.$disconnect();
  });

  it("When two transactions and a query outside them run at once, then all complete", async () => {
    const db = openNotes();
    const transfer = (label: string) =>
      db.$transaction(async (tx) => {
        await tx.note.create({ data: { text: `${label} 1` } });
        await nextTurn(); // let the other flows try to run in between
        await tx.note.create({ data: { text: `${label} 2` } });
      });

    const [, outside] = await within(
      Promise.all([transfer("a"), db.note.create({ data: { text: "outside" } }), transfer("b")]),
      5_000,
    );

    expect(outside.text).toBe("outside");
    expect((await texts(db)).sort()).toEqual(["a 1", "a 2", "b 1", "b 2", "outside"]);
    await db.$disconnect();
  });

  it("When a nested transaction throws, then only its rows are undone and the outer commits", async () => {
    const db = openNotes();

    await within(
      db.$transaction(async (tx) => {
        await tx.note.create({ data: { text: "outer" } });
        const nested = tx.$transaction(async (inner) => {
          await inner.note.create({ data: { text: "nested" } });
          throw new Error("nested fails");
        });
        await expect(nested).rejects.toThrow("nested fails");
        expect(await tx.note.count()).toBe(1); // the query inside the transaction is not blocked
      }),
      5_000,
    );

    expect(await within(texts(db), 2_000)).toEqual(["outer"]);
    await db.$disconnect();
  });

  it("When a transaction is open on one database, then a query on another one does not wait", async () => {
    const busy = openNotes();
    const other = openNotes();
    const open = await openDoomedTransaction(busy);

    const elsewhere = other.note.count();
    const here = busy.note.count();

    expect(await settlesWithin(elsewhere)).toBe(true);
    expect(await settlesWithin(here)).toBe(false);
    open.end();
    await expect(open.settled).rejects.toThrow("payment declined");
    expect(await within(here, 2_000)).toBe(0);
    await Promise.all([busy.$disconnect(), other.$disconnect()]);
  });
});
