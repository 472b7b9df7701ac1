// Exercise 04.1: the order decider, as given / when / then: given these events happened, when
// this command comes, then these events are decided (or this error).
import { describe, expect, it } from "vitest";
import {
  decide,
  evolve,
  initialState,
  OrderAlreadyPlaced,
  OrderNotCancellable,
  OrderNotFound,
  UnknownSku,
  type OrderCommand,
  type OrderEvent,
  type OrderState,
} from "../src/domain/order.ts";

// before any test folds from it: evolve must never change it
const pristine = structuredClone(initialState);
const orderId = "o-1";
const now = new Date("2026-01-01T10:00:00Z");
const prices = new Map([
  ["MUG-001", 1299],
  ["PEN-001", 4599],
]);
const mugs = [{ sku: "MUG-001", qty: 2, unitPriceCents: 1299 }];

const placed: OrderEvent = {
  type: "OrderPlaced",
  data: { orderId, lines: mugs, totalCents: 2598, cardLast4: "4242", placedAt: now.toISOString() },
};
const confirmed: OrderEvent = { type: "OrderConfirmed", data: { orderId, lines: mugs } };
const rejected: OrderEvent = {
  type: "OrderRejected",
  data: { orderId, reason: "PAYMENT_DECLINED" },
};
const cancelled: OrderEvent = { type: "OrderCancelled", data: { orderId, lines: mugs } };

const place: OrderCommand = {
  type: "PlaceOrder",
  data: { orderId, lines: [{ sku: "MUG-001", qty: 2 }], card: "4242424242424242", prices, now },
};
const confirm: OrderCommand = { type: "ConfirmOrder", data: { orderId } };
const reject: OrderCommand = { type: "RejectOrder", data: { orderId, reason: "OUT_OF_STOCK" } };
const cancel: OrderCommand = { type: "CancelOrder", data: { orderId } };

/** given(events).when(command) -> the decided events (`why`: what they must be), or the error */
const given = (...events: OrderEvent[]) => ({
  when: (command: OrderCommand) => {
    const state = events.reduce<OrderState>(evolve, initialState);
    return {
      then: (expected: OrderEvent[], why?: string) =>
        expect(decide(command, state), why).toEqual(expected),
      thenFails: (error: new (...args: any[]) => Error, saying?: string) => {
        expect(() => decide(command, state)).toThrow(error);
        if (saying) expect(() => decide(command, state)).toThrow(saying);
      },
    };
  },
});

describe("Order decider", () => {
  describe("When nothing happened yet", () => {
    it("then placing prices each line at today's price, totals them, and keeps the card's last four digits only", () =>
      given()
        .when(place)
        .then([placed], "an event is kept forever: the card's last four digits, never the number"));
    it("then an unknown sku is refused", () =>
      given()
        .when({
          ...place,
          data: { ...place.data, lines: [{ sku: "NOPE-1", qty: 1 }] },
        } as OrderCommand)
        .thenFails(UnknownSku, "Unknown sku: NOPE-1"));
    it("then an outcome for it is an error: there is no such order", () => {
      given().when(confirm).thenFails(OrderNotFound);
      given().when(reject).thenFails(OrderNotFound);
    });
    it("then cancelling it is an error: there is no such order", () =>
      given().when(cancel).thenFails(OrderNotFound));
  });

  describe("When placed (PENDING)", () => {
    it("then the payment going through confirms it, carrying its lines", () =>
      given(placed).when(confirm).then([confirmed]));
    it("then a rejection rejects it with the reason", () =>
      given(placed)
        .when(reject)
        .then([{ type: "OrderRejected", data: { orderId, reason: "OUT_OF_STOCK" } }]));
    it("then placing it again is refused", () =>
      given(placed).when(place).thenFails(OrderAlreadyPlaced));
    it("then it cannot be cancelled yet", () =>
      given(placed).when(cancel).thenFails(OrderNotCancellable));
  });

  describe("When confirmed", () => {
    it("then cancelling it says so, carrying its lines", () =>
      given(placed, confirmed).when(cancel).then([cancelled]));
    it("then a late or repeated outcome decides nothing", () => {
      const late = "a late or repeated outcome decides nothing: only a PENDING order moves";
      given(placed, confirmed).when(confirm).then([], late);
      given(placed, confirmed).when(reject).then([], late);
    });
  });

  describe("When rejected", () => {
    it("then outcomes decide nothing and it cannot be cancelled", () => {
      given(placed, rejected).when(confirm).then([]);
      given(placed, rejected).when(cancel).thenFails(OrderNotCancellable);
    });
  });

  describe("When cancelled", () => {
    it("then cancelling again is refused", () =>
      given(placed, confirmed, cancelled).when(cancel).thenFails(OrderNotCancellable));
  });

  describe("A command or event the code does not know (from plain JavaScript)", () => {
    it("then deciding or folding it is an error that names it", () => {
      const odd = { type: "Nope", data: {} };
      expect(() => decide(odd as unknown as OrderCommand, initialState)).toThrow("Unknown command");
      expect(() => evolve(initialState, odd as unknown as OrderEvent)).toThrow("Unknown event");
    });
  });

  describe("evolve", () => {
    it("ignores an outcome of an order it never saw placed: the state stays as it was", () => {
      for (const event of [confirmed, rejected, cancelled])
        expect(evolve(initialState, event), `${event.type} before OrderPlaced`).toEqual(
          initialState,
        );
    });

    it("folds the events into the state the storefront shows", () => {
      expect([placed, confirmed, cancelled].reduce<OrderState>(evolve, initialState)).toEqual({
        id: orderId,
        status: "CANCELLED",
        lines: mugs,
        totalCents: 2598,
        rejectionReason: null,
        createdAt: now,
      });
      expect(
        [placed, rejected].reduce<OrderState>(evolve, initialState),
        "a rejected order keeps the reason its event gives",
      ).toMatchObject({
        status: "REJECTED",
        rejectionReason: "PAYMENT_DECLINED",
      });
    });

    it("leaves the state it is given as it was: history is replayed from it again and again", () => {
      const pending = evolve(initialState, placed);
      const before = structuredClone(pending);

      const states = [confirmed, rejected, cancelled].map((event) => evolve(pending, event));

      const pure = "evolve returns a new state; it never changes the one it was given";
      expect(initialState, pure).toEqual(pristine);
      expect(pending, pure).toEqual(before);
      expect(states.map((state) => state.status)).toEqual(["CONFIRMED", "REJECTED", "CANCELLED"]);
    });
  });
});
