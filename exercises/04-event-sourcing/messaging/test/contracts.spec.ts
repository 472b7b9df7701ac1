// The contract check that every consumer runs before its handler: what passes, and what a
// dead letter then says about a message that does not.
import { describe, expect, it } from "vitest";
import { readMessage } from "../contracts.ts";
import { envelope } from "../envelope.ts";

const trace = { correlationId: "c-1" };
const line = { sku: "MUG-001", qty: 1, unitPriceCents: 1200 };
const placed = envelope(
  "orders.order-placed",
  { orderId: "o-1", lines: [line], totalCents: 1200, card: "4242424242424242" },
  trace,
);
/** What a consumer receives: the JSON the broker carried. */
const overTheWire = (message: unknown) => JSON.parse(JSON.stringify(message));

describe("readMessage, the contract check of every consumer", () => {
  it("When a message fits its contract, then the handler gets it as it was published", () => {
    expect(readMessage(overTheWire(placed), ["orders.order-placed"])).toEqual({
      ok: true,
      message: placed,
    });
  });

  it("When a field is out of range, then the error names the field", () => {
    const broken = { ...placed, data: { ...placed.data, lines: [{ ...line, qty: 0 }] } };

    const read = readMessage(overTheWire(broken), ["orders.order-placed"]);

    expect(read).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^orders\.order-placed breaks its contract: data\.lines\.0\.qty: /,
      ),
    });
  });

  it("When a message is of a type its queue does not take, then it is refused with the types it takes", () => {
    const read = readMessage(overTheWire(placed), [
      "orders.order-cancelled",
      "payments.payment-declined",
    ]);

    expect(read).toEqual({
      ok: false,
      error: "orders.order-placed is not one of orders.order-cancelled, payments.payment-declined",
    });
  });

  it("When the body is not an envelope at all, then it is refused naming what is missing", () => {
    const read = readMessage("not json, as the broker hands over a body it could not parse", [
      "orders.order-placed",
    ]);

    expect(read).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^not a message envelope: /),
    });
  });

  it("When the envelope lacks its id, then it is refused naming the id", () => {
    const { id: _id, ...withoutId } = placed;

    expect(readMessage(withoutId, ["orders.order-placed"])).toMatchObject({
      ok: false,
      error: expect.stringContaining("id: "),
    });
  });
});
