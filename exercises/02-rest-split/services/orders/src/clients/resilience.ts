// Every call to another service goes through a policy: how long it may wait, which failures are
// worth another try (with a growing, jittered wait between tries), and when to stop calling a
// service that keeps failing, a circuit breaker per dependency. Only calls that are safe to
// repeat get here: GETs, and POSTs carrying an Idempotency-Key or naming the order they act on.
import axios from "axios";
import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type CircuitBreakerPolicy,
  type IPolicy,
} from "cockatiel";
import { DependencyUnavailable, RemoteRefusal } from "@shop/kit";
import { TIMEOUTS } from "../../../../timeouts.ts";

export interface ResilienceSettings {
  /** How long the dependency may take to answer. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  /** The first wait before a retry; later waits grow, with jitter, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Consecutive failures that open the breaker. */
  breakerThreshold: number;
  /** How long the breaker stays open before it lets one call through to test the water. */
  halfOpenAfterMs: number;
}

export const DEFAULT_SETTINGS: ResilienceSettings = {
  timeoutMs: TIMEOUTS.callAttemptMs,
  retries: Number(process.env.CALL_RETRIES ?? 2),
  backoffMs: 50,
  maxBackoffMs: 400,
  breakerThreshold: Number(process.env.BREAKER_THRESHOLD ?? 5),
  halfOpenAfterMs: Number(process.env.BREAKER_HALF_OPEN_MS ?? 5_000),
};

/** Whether another try could end differently. */
export function isTransient(error: unknown): boolean {
  // #region exercise 02.1: a call policy
  throw new Error("TODO exercise 02.1: a call policy (npx workshop hint 02.1)");
  // #endregion
}

export function retryWithTimeout(settings: ResilienceSettings): IPolicy {
  // #region exercise 02.1: a call policy
  throw new Error("TODO exercise 02.1: a call policy (npx workshop hint 02.1)");
  // #endregion
}

export function breakerFor(settings: ResilienceSettings): CircuitBreakerPolicy {
  // #region exercise 02.1: a call policy
  throw new Error("TODO exercise 02.1: a call policy (npx workshop hint 02.1)");
  // #endregion
}

export interface Caller {
  /**
   * Runs one call to the dependency under the policy; `signal` aborts an attempt that timed out.
   * `deadline`, when given, ends the whole call, retries included.
   */
  call<T>(attempt: (signal: AbortSignal) => Promise<T>, deadline?: AbortSignal): Promise<T>;
}

/** A dependency's whole policy: its timeout, retries and breaker, put together. */
export function resilientCaller(dependency: string, settings = DEFAULT_SETTINGS): Caller {
  // #region exercise 02.1: a call policy
  throw new Error("TODO exercise 02.1: a call policy (npx workshop hint 02.1)");
  // #endregion
  return {
    call: (attempt, deadline) =>
      policy
        .execute(({ signal }) => attempt(signal), deadline)
        .catch((error) => Promise.reject(toDomainError(dependency, error))),
  };
}

/** One attempt, no retry, no breaker: what a naive split does (and what some tests use). */
export function directCaller(dependency: string, timeoutMs = DEFAULT_SETTINGS.timeoutMs): Caller {
  return {
    call: (attempt, deadline) => {
      const signal = deadline
        ? AbortSignal.any([AbortSignal.timeout(timeoutMs), deadline])
        : AbortSignal.timeout(timeoutMs);
      return attempt(signal).catch((error) => Promise.reject(toDomainError(dependency, error)));
    },
  };
}

/**
 * For undo calls (release, refund, cancel a shipment): their own policy, one attempt with its own
 * timeout, no breaker, no request deadline. A breaker opened by failing charges must not block
 * the refund of a charge that went through, and an undo is worth trying even when the request is
 * out of time. The compensation loop does the retrying, with backoff.
 */
export function undoCaller(dependency: string, timeoutMs = TIMEOUTS.undoMs): Caller {
  const once = directCaller(dependency, timeoutMs);
  return { call: (attempt) => once.call(attempt) };
}

export function toDomainError(dependency: string, error: unknown): unknown {
  if (error instanceof BrokenCircuitError)
    return new DependencyUnavailable(dependency, "circuit open");
  if (error instanceof TaskCancelledError)
    return new DependencyUnavailable(dependency, "timed out");
  if (axios.isAxiosError(error)) {
    const body = error.response?.data as
      { error?: { code?: string; message?: string } & Record<string, unknown> } | undefined;
    if (error.response && error.response.status < 500 && body?.error?.code) {
      const { code, message, fields: _fields, ...details } = body.error;
      return new RemoteRefusal(code, message ?? code, details);
    }
    if (error.code === "ERR_CANCELED") return new DependencyUnavailable(dependency, "timed out");
    return new DependencyUnavailable(
      dependency,
      error.response ? `answered ${error.response.status}` : (error.code ?? error.message),
    );
  }
  return error;
}
