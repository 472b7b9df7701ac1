// With several processes of one service (`npm start -- 03 --scale payments=3`), one outbox has
// several relays. Each would publish every row: nothing is charged twice (consumers drop the
// copies), but the traffic doubles or triples and the rows no longer go out in order. So only
// the holder of the lease drains: one row per database, taken for LEASE_MS and renewed by its
// holder while it drains. A holder that stops, pauses or fails to publish gives the lease back;
// one that dies loses it LEASE_MS later. A drain that outlasts the lease may overlap the next
// holder's: duplicates again, which the inboxes drop; never a message lost.
import { hostname } from "node:os";

export const LEASE_MS = 2_000;

/** What the lease needs from a service's Prisma client: raw SQL on its RelayLease table. */
export interface LeaseTable {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

export interface Lease {
  /** True while this process holds the lease (taking or renewing it as needed). */
  mayPublish(): Promise<boolean>;
  /** Gives it back, if held; `backOff`: let another process take it first (a failed publish). */
  release(backOff?: boolean): Promise<void>;
}

/** Alone, a relay needs no lease. */
export const NO_LEASE: Lease = { mayPublish: async () => true, release: async () => {} };

export function relayLease(db: LeaseTable, holder = `${hostname()}:${process.pid}`): Lease {
  let heldUntil = 0;
  let askAgainAt = 0;
  return {
    async mayPublish() {
      const now = Date.now();
      if (now < heldUntil - LEASE_MS / 2) return true; // renewed less than a second ago
      if (now < askAgainAt) return false; // another holds it: ask a few times a second, no more
      const until = now + LEASE_MS;
      // one statement: take a free or lapsed lease, renew our own, leave another's alone
      const changed = await db.$executeRaw`
        INSERT INTO "RelayLease" ("name", "holder", "until") VALUES ('outbox', ${holder}, ${until})
        ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "until" = excluded."until"
        WHERE "RelayLease"."holder" = excluded."holder" OR "RelayLease"."until" < ${now}`;
      heldUntil = changed === 1 ? until : 0;
      askAgainAt = changed === 1 ? 0 : now + LEASE_MS / 4;
      return changed === 1;
    },
    async release(backOff = false) {
      if (backOff) askAgainAt = Date.now() + LEASE_MS / 2;
      if (heldUntil === 0) return;
      heldUntil = 0;
      await db.$executeRaw`DELETE FROM "RelayLease" WHERE "name" = 'outbox' AND "holder" = ${holder}`;
    },
  };
}
