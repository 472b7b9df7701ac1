// The mutation score of one exercise, from Stryker's JSON report: of the mutants Stryker made
// in the exercise's regions, the share its tests kill. A mutant that cannot change what the code
// does (an equivalent mutant) is listed, with the reason, in the exercise's
// mutants/equivalent.txt and left out of the score.

/** The part of Stryker's report (mutation-testing-report-schema) that the score needs. */
export interface StrykerReport {
  files: Record<string, { mutants: StrykerMutant[] }>;
}

export interface StrykerMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}

/** One line of equivalent.txt: `file:line MutatorName: why it cannot change the behaviour`. */
export interface Equivalent {
  file: string;
  line: number;
  mutator: string;
  reason: string;
}

export interface Score {
  killed: number;
  survived: Found[];
  equivalent: (Found & { reason: string })[];
  /** killed / (killed + survived), in percent; 100 when nothing counted */
  percent: number;
}

export interface Found {
  file: string;
  line: number;
  mutator: string;
  replacement: string;
}

// A timeout is a kill: the mutant made the tests hang. No coverage is a survivor: no test ran it.
const KILLED = new Set(["Killed", "Timeout"]);
const SURVIVED = new Set(["Survived", "NoCoverage"]);

export function parseEquivalents(text: string): Equivalent[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const match = /^(\S+):(\d+) (\w+): (.+)$/.exec(line);
      if (!match) throw new Error(`equivalent.txt: "${line}" is not "file:line Mutator: reason"`);
      return { file: match[1]!, line: Number(match[2]), mutator: match[3]!, reason: match[4]! };
    });
}

export function scoreOf(report: StrykerReport, equivalents: Equivalent[]): Score {
  const score: Score = { killed: 0, survived: [], equivalent: [], percent: 100 };
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const mutant of mutants) {
      const found: Found = {
        file,
        line: mutant.location.start.line,
        mutator: mutant.mutatorName,
        replacement: mutant.replacement ?? "",
      };
      const known = equivalents.find(
        (e) => e.file === file && e.line === found.line && e.mutator === found.mutator,
      );
      if (known && !KILLED.has(mutant.status))
        score.equivalent.push({ ...found, reason: known.reason });
      else if (KILLED.has(mutant.status)) score.killed += 1;
      else if (SURVIVED.has(mutant.status)) score.survived.push(found);
    }
  }
  const counted = score.killed + score.survived.length;
  score.percent = counted === 0 ? 100 : (100 * score.killed) / counted;
  return score;
}
