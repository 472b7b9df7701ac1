// What each step should do in each scenario: the table of the root README (a test checks that the
// README shows exactly this). "n/a" where the scenario has nothing to act on in that step.
import { SCENARIOS } from "./scenarios.ts";

export const NA = "n/a";

type Row = Record<"01" | "02" | "03" | "04", string>;

export const EXPECTED: Record<keyof typeof SCENARIOS, Row> = {
  "healthy order": {
    "01": "201 CONFIRMED",
    "02": "201 CONFIRMED",
    "03": "202 PENDING → CONFIRMED",
    "04": "202 PENDING → CONFIRMED",
  },
  "payments down": {
    "01": NA,
    "02": "503 DEPENDENCY_UNAVAILABLE, nothing kept",
    "03": "202 PENDING → CONFIRMED after payments returns",
    "04": "202 PENDING → CONFIRMED after payments returns",
  },
  "payments slowed by 600 ms": {
    "01": "201 CONFIRMED, answer ≥ 500 ms slower",
    "02": "503 DEPENDENCY_UNAVAILABLE, answer ≥ 500 ms slower",
    "03": "202 PENDING → CONFIRMED, answer as fast as healthy",
    "04": "202 PENDING → CONFIRMED, answer as fast as healthy",
  },
  "catalog down": {
    "01": NA,
    "02": "503 DEPENDENCY_UNAVAILABLE, nothing kept",
    "03": "202 PENDING → CONFIRMED while catalog is down",
    "04": "202 PENDING → CONFIRMED while catalog is down",
  },
  "broker link cut": {
    "01": NA,
    "02": NA,
    "03": "202 PENDING → CONFIRMED after the link returns",
    "04": "202 PENDING → CONFIRMED after the link returns",
  },
  "price change": {
    "01": "the next order pays the new price",
    "02": "the next order pays the new price",
    "03": "old price until the change arrives, then the new one",
    "04": "old price until the change arrives, then the new one",
  },
  "an order submitted twice with one key": {
    "01": "same answer twice, one order, stock taken once",
    "02": "same answer twice, one order, stock taken once",
    "03": "same answer twice, one order, stock taken once",
    "04": "same answer twice, one order, stock taken once",
  },
};

/** The Markdown table for the root README. */
export function expectationsTable(): string {
  const steps = ["01", "02", "03", "04"] as const;
  const lines = [
    `| scenario | ${steps.map((s) => `step ${s}`).join(" | ")} |`,
    `|---|${steps.map(() => "---").join("|")}|`,
  ];
  for (const [scenario, row] of Object.entries(EXPECTED))
    lines.push(`| ${scenario} | ${steps.map((s) => row[s]).join(" | ")} |`);
  return lines.join("\n");
}
