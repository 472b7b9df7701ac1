// What `npx workshop check` prints: a line per test, and for a failing one the first line of
// its error, which names the mistake. `--verbose` shows vitest's own report instead.
import type { Reporter, TestCase, TestModule } from "vitest/node";

const firstLine = (text: string) => text.split("\n").find((line) => line.trim() !== "") ?? "";

export default class BriefReporter implements Reporter {
  #passed = 0;
  #failed = 0;

  onTestCaseResult(test: TestCase): void {
    const result = test.result();
    if (result.state === "passed") {
      this.#passed += 1;
      console.log(`  ✓ ${test.name}`);
    } else if (result.state === "failed") {
      this.#failed += 1;
      console.log(`  ✗ ${test.name}`);
      for (const error of result.errors ?? []) console.log(`      ${firstLine(error.message)}`);
    }
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    for (const module of modules)
      for (const error of module.errors()) console.log(`  ✗ ${firstLine(error.message)}`);
    for (const error of errors) console.log(`  ✗ ${firstLine(String((error as Error).message))}`);
    console.log(`  ${this.#passed} passed, ${this.#failed} failed`);
  }
}
