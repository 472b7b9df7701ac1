// How `npm run mutation` scores an exercise from Stryker's report.
import { describe, expect, it } from "vitest";
import { parseEquivalents, scoreOf, type StrykerMutant } from "../src/mutation-score.ts";

const at = (line: number, mutatorName: string, status: string): StrykerMutant => ({
  mutatorName,
  status,
  replacement: "true",
  location: { start: { line, column: 1 } },
});

describe("The mutation score of an exercise", () => {
  it("When tests kill some mutants and time out on others, then both count as killed", () => {
    const report = {
      files: {
        "a.ts": {
          mutants: [
            at(1, "ConditionalExpression", "Killed"),
            at(2, "BlockStatement", "Timeout"),
            at(3, "EqualityOperator", "Survived"),
            at(4, "StringLiteral", "NoCoverage"),
          ],
        },
      },
    };

    const score = scoreOf(report, []);

    expect(score.killed).toBe(2);
    expect(score.survived.map((m) => m.line)).toEqual([3, 4]);
    expect(score.percent).toBe(50);
  });

  it("When a survivor is listed as equivalent, then it is shown with its reason and not counted", () => {
    const report = {
      files: { "a.ts": { mutants: [at(1, "X", "Killed"), at(2, "Y", "Survived")] } },
    };

    const score = scoreOf(report, parseEquivalents("# why\na.ts:2 Y: both orders are the same\n"));

    expect(score.percent).toBe(100);
    expect(score.equivalent).toEqual([
      {
        file: "a.ts",
        line: 2,
        mutator: "Y",
        replacement: "true",
        reason: "both orders are the same",
      },
    ]);
  });

  it("When Stryker could not compile or run a mutant, then it counts neither way", () => {
    const report = {
      files: { "a.ts": { mutants: [at(1, "X", "CompileError"), at(2, "Y", "Killed")] } },
    };

    expect(scoreOf(report, []).percent).toBe(100);
  });

  it("When a line of equivalent.txt is malformed, then reading it says so", () => {
    expect(() => parseEquivalents("a.ts Y reason")).toThrow("is not");
  });
});
