// Given the step a saga waits for, the steps it still has to take: its record, without services.
import { describe, expect, it } from "vitest";
import { stepsLeft } from "../src/domain/saga.ts";

describe("Saga", () => {
  describe("When resumed from its record", () => {
    it("given it waits for the reserve, then every step is left", () => {
      expect(stepsLeft("reserve")).toEqual(["reserve", "charge", "ship"]);
    });

    it("given it waits for the charge's answer, then the charge is asked again (its key makes that safe), then the shipment", () => {
      expect(stepsLeft("charge")).toEqual(["charge", "ship"]);
    });

    it("given it waits for the shipment, then only the shipment is left", () => {
      expect(stepsLeft("ship")).toEqual(["ship"]);
    });
  });
});
