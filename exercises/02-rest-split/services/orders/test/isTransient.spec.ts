// Exercise 02.1: a call policy: which failures are worth another try. A 4xx is the other
// service's answer; no answer, a timeout and a 5xx may pass; an error of our own never does.
import { AxiosError, type AxiosResponse } from "axios";
import { BrokenCircuitError, TaskCancelledError } from "cockatiel";
import { describe, expect, it } from "vitest";
import { isTransient } from "../src/clients/resilience.ts";

const answered = (status: number) =>
  new AxiosError(`answered ${status}`, "ERR_BAD_RESPONSE", undefined, undefined, {
    status,
  } as AxiosResponse);
const noAnswer = () => new AxiosError("socket hang up", "ECONNRESET");

describe("isTransient", () => {
  it.each([500, 502, 503])("When the service answers %i, then another try may pass", (status) => {
    expect(isTransient(answered(status)), "a 5xx may pass: retry it").toBe(true);
  });

  it.each([400, 404, 409, 499])("When the service answers %i, then it is its answer", (status) => {
    expect(isTransient(answered(status)), "a 4xx is an answer: asking again gives it again").toBe(
      false,
    );
  });

  it("When no answer came, or an attempt timed out, then another try may pass", () => {
    expect(
      [isTransient(noAnswer()), isTransient(new TaskCancelledError())],
      "no answer and a timeout may pass: retry them",
    ).toEqual([true, true]);
  });

  it("When the error is our own (a bug, an open breaker), then no retry can help", () => {
    expect(
      [isTransient(new TypeError("x is undefined")), isTransient(new BrokenCircuitError())],
      "only failures of the call may pass: an error of our own is not transient",
    ).toEqual([false, false]);
  });
});
