// Every npm command a README shows must exist: a workshop whose README names a script that is not
// there loses the room in the first five minutes.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const skip = new Set([
  "node_modules",
  ".git",
  "generated",
  "test-results",
  ".test-results",
  ".workshop",
]);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skip.has(entry.name) ? [] : markdownFiles(path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

const scriptsOf = (dir: string): Record<string, string> =>
  JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts ?? {};

/** The package.json folders a command in this file may mean: its own folder upwards, up to the root. */
function candidateDirs(file: string): string[] {
  const dirs: string[] = [];
  for (let dir = dirname(file); dir.startsWith(root); dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) dirs.push(dir);
    if (dir === root) break;
  }
  return dirs;
}

/** `npm run x`, `npm test`, `npm start` and `npm run x -w steps/01-monolith` as they appear in a file. */
export function npmCommands(text: string): { script: string; workspace?: string }[] {
  const found: { script: string; workspace?: string }[] = [];
  for (const match of text.matchAll(
    /npm (?:run (?<run>[\w:.-]+)|(?<short>test|start))(?<rest>[^\n`]*)/g,
  )) {
    const workspace = match.groups!.rest!.match(/(?:-w|--workspace)[ =](\S+)/)?.[1];
    found.push({ script: match.groups!.run ?? match.groups!.short!, workspace });
  }
  return found;
}

const docs = markdownFiles(root);

describe("Commands shown in the READMEs", () => {
  it("finds the READMEs", () => {
    expect(docs.map((f) => relative(root, f))).toContain("README.md");
  });

  it.each(docs.map((f) => [relative(root, f), f]))(
    "When %s shows an npm command, then that script exists",
    (_name, file) => {
      const missing = npmCommands(readFileSync(file, "utf8")).filter(({ script, workspace }) => {
        const dirs = workspace ? [join(root, workspace)] : candidateDirs(file);
        return !dirs.some(
          (dir) => existsSync(join(dir, "package.json")) && script in scriptsOf(dir),
        );
      });
      expect(missing).toEqual([]);
    },
  );

  it("When a README says `npm start -- NN`, then step NN exists", () => {
    const steps = readdirSync(join(root, "steps"));
    for (const file of docs) {
      for (const [, nn] of readFileSync(file, "utf8").matchAll(/npm start -- (\d\d)/g)) {
        expect(
          steps.some((s) => s.startsWith(`${nn}-`)),
          `${relative(root, file)} names step ${nn}`,
        ).toBe(true);
      }
    }
  });

  it("The check itself catches a script that does not exist", () => {
    expect(npmCommands("run `npm run no-such-script` then `npm test`")).toEqual([
      { script: "no-such-script" },
      { script: "test" },
    ]);
  });
});
