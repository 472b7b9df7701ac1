// Polls an assertion until it passes or the time is up: tests wait on a condition, never sleep.
export interface EventuallyOptions {
  timeout?: number;
  interval?: number;
  /** A reason to stop waiting at once (say, the code under test failed for good), or nothing. */
  giveUpIf?: () => string | undefined;
}

export async function eventually<T>(
  assertion: () => T | Promise<T>,
  { timeout = 5_000, interval = 25, giveUpIf = () => undefined }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      const givenUp = giveUpIf();
      if (givenUp) throw new Error(`gave up waiting: ${givenUp}`, { cause: error });
      if (Date.now() >= deadline) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`eventually: still failing after ${timeout} ms: ${reason}`, {
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}
