// Exercise 04.3: retrying a command when another writer appended first, on a real event store,
// with a tiny decider of its own (a ticket counter with a limit), so only the retry is tested.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "../prisma/client.ts";
import { ConcurrencyConflict, readStream } from "../src/event-store/event-store.ts";
import { handleCommand, MAX_CONFLICT_RETRIES, type Decider } from "../src/handle-command.ts";
import { eventStoreDatabase, metadata } from "./support.ts";

let db: PrismaClient;
beforeEach(() => (db = eventStoreDatabase()));
afterEach(() => db.$disconnect());

type Take = { type: "TakeTicket"; data: { show: string } };
type Taken = { type: "TicketTaken"; data: { seat: number } };
class SoldOut extends Error {}

/** Seats are numbered in order; a lost update would hand out one seat twice. */
const tickets = (seats: number): Decider<Take, Taken, number> => ({
  initialState: 0,
  evolve: (taken) => taken + 1,
  decide: (_command, taken) => {
    if (taken >= seats) throw new SoldOut();
    return [{ type: "TicketTaken", data: { seat: taken + 1 } }];
  },
  streamOf: (command) => `show-${command.data.show}`,
});
const take: Take = { type: "TakeTicket", data: { show: "s1" } };

describe("Exercise 04.3: handleCommand retries on a version conflict", () => {
  it("When 20 buyers take a ticket at once, then every one gets a seat, no seat twice: conflicts were retried", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => handleCommand(db, tickets(100), take, metadata)),
    );

    const failed = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    expect(
      failed,
      "on a conflict, read the stream again and decide again, until it goes in",
    ).toEqual([]);
    const seats = (await readStream(db, "show-s1")).map((e) => e.data.seat);
    expect(seats, "decide again on the fresh state: an old decision sells a seat twice").toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const conflicts = results.map((r) => (r.status === "fulfilled" ? r.value.conflicts : 0));
    expect(conflicts.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
  });

  it("When 20 buyers race for 5 seats, then 5 get one and 15 are told it is sold out, decided on the fresh state", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => handleCommand(db, tickets(5), take, metadata)),
    );

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(
      results.filter((r) => r.status === "rejected" && r.reason instanceof SoldOut),
    ).toHaveLength(15);
    expect((await readStream(db, "show-s1")).map((e) => e.data.seat)).toEqual([1, 2, 3, 4, 5]);
  });

  it("When the command decides nothing, then nothing is appended and the state is the stream's", async () => {
    await handleCommand(db, tickets(1), take, metadata);

    const result = await handleCommand(db, { ...tickets(1), decide: () => [] }, take, metadata);

    expect(result).toEqual({ state: 1, events: [], conflicts: 0 });
    expect(await readStream(db, "show-s1")).toHaveLength(1);
  });

  it("When the append fails for another reason than a conflict, then it is not retried", async () => {
    let decisions = 0;
    const unwritable: Decider<Take, Taken, number> = {
      ...tickets(5),
      decide: () => {
        decisions += 1;
        return [{ type: "TicketTaken", data: { seat: 1n as unknown as number } }]; // no JSON for it
      },
    };

    const outcome = await handleCommand(db, unwritable, take, metadata).then(
      () => "appended",
      (error: Error) => error.constructor.name,
    );

    expect(outcome).toBe("TypeError");
    expect(decisions, "retry a version conflict only: another error would fail again").toBe(1);
  });

  it("When the stream changes under every try, then it gives up after MAX_CONFLICT_RETRIES retries, with the conflict", async () => {
    await handleCommand(db, tickets(100), take, metadata);
    // a store whose reads always miss the latest event: every append then conflicts, as if
    // another writer always got there first
    let reads = 0;
    const behind = new Proxy(db, {
      get: (target, prop) =>
        prop !== "event"
          ? Reflect.get(target, prop)
          : {
              ...target.event,
              findMany: async (args: Parameters<typeof target.event.findMany>[0]) => {
                reads += 1;
                // an answer that never gives up would loop forever: stop it, so the test can say so
                if (reads > 2 * MAX_CONFLICT_RETRIES) throw new Error("still trying");
                return (await target.event.findMany(args)).slice(0, -1);
              },
              createMany: (args: Parameters<typeof target.event.createMany>[0]) =>
                target.event.createMany(args),
            },
    });

    const outcome = await handleCommand(behind, tickets(100), take, metadata).then(
      () => "appended",
      (error: Error) => error,
    );

    const limit = "give up after MAX_CONFLICT_RETRIES: a command that never wins must not loop";
    expect(outcome, limit).toBeInstanceOf(ConcurrencyConflict);
    expect(reads, limit).toBe(MAX_CONFLICT_RETRIES + 1);
  });

  it("When nobody else writes, then the command is decided once, with no conflict", async () => {
    const result = await handleCommand(db, tickets(5), take, metadata);

    expect(result).toMatchObject({ state: 1, conflicts: 0 });
    expect(result.events.map((e) => e.data)).toEqual([{ seat: 1 }]);
  });
});
