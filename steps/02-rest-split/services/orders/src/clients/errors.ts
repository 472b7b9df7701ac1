// What a call to another service can end in, besides an answer.

/** The dependency did not answer in time, failed, or its breaker is open: 503 naming it. */
export class DependencyUnavailable extends Error {
  readonly code = "DEPENDENCY_UNAVAILABLE";
  constructor(
    readonly dependency: string,
    reason: string,
  ) {
    super(`The ${dependency} service is unavailable (${reason})`);
  }
  get details() {
    return { dependency: this.dependency };
  }
}

/** The dependency answered with a refusal (409 out of stock, 402 declined): passed on as it is. */
export class RemoteRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}
