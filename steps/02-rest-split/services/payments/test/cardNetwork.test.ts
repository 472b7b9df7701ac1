// The card network adapter, on a real database: the stand-in for the provider's own records.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDataDir } from "@shop/kit/testing";
import { openDatabase, type PrismaClient } from "../prisma/client.ts";
import { cardNetwork, DECLINED_CARD } from "../src/card-network.ts";

let db: PrismaClient;
beforeEach(() => (db = openDatabase(freshDataDir("card-network-"))));
afterEach(() => db.$disconnect());

describe("The card network", () => {
  it("When the same key is sent twice, then the card is charged once and both get the first answer", async () => {
    const network = cardNetwork(db);

    const answers = await Promise.all(
      [1, 2].map(() =>
        network.charge({
          idempotencyKey: "charge-o-1",
          amountCents: 2598,
          card: "4242424242424242",
        }),
      ),
    );

    expect(answers).toEqual(["approved", "approved"]);
    expect(
      await db.cardNetworkCharge.findMany({
        select: { idempotencyKey: true, amountCents: true, requests: true },
      }),
    ).toEqual([{ idempotencyKey: "charge-o-1", amountCents: 2598, requests: 2 }]);
  });

  it("When the card is the always-declined test card, then it is declined, and declined again when asked again", async () => {
    const network = cardNetwork(db);
    const request = { idempotencyKey: "charge-o-2", amountCents: 2598, card: DECLINED_CARD };

    expect([await network.charge(request), await network.charge(request)]).toEqual([
      "declined",
      "declined",
    ]);
  });
});
