import { describe, expect, it } from "vitest";
import {
  copyRegions,
  findRegions,
  replaceRegionBody,
  stubRegions,
  withoutMarkers,
} from "../src/regions.ts";

const source = `export function cancel() {
  // #region exercise 01.1: cancel gives everything back
  release();
  return refund();
  // #endregion
}
`;

describe("Exercise regions", () => {
  it("When a file marks a region, then it is found with its id, title and body", () => {
    expect(findRegions(source)).toEqual([
      {
        id: "01.1",
        title: "cancel gives everything back",
        start: 1,
        end: 4,
        indent: "  ",
        body: "  release();\n  return refund();",
      },
    ]);
  });

  it("When the starter is made, then the body becomes one TODO that throws, and the markers stay", () => {
    expect(stubRegions(source)).toBe(`export function cancel() {
  // #region exercise 01.1: cancel gives everything back
  throw new Error("TODO exercise 01.1: cancel gives everything back (npx workshop hint 01.1)");
  // #endregion
}
`);
  });

  it("When a region body is replaced, then only what is between the markers changes", () => {
    expect(replaceRegionBody(stubRegions(source), "01.1", "  return 42;")).toBe(
      source.replace("  release();\n  return refund();", "  return 42;"),
    );
  });

  it("When a file holds two regions of one exercise, then each gets its own reference body back", () => {
    const two = `${source}\nfunction other() {\n  // #region exercise 01.1: the second half\n  return 2;\n  // #endregion\n}\n`;

    expect(copyRegions(stubRegions(two), two, "01.1")).toBe(two);
  });

  it("When diffing, then the marker lines are left out", () => {
    expect(withoutMarkers(source)).toBe(
      "export function cancel() {\n  release();\n  return refund();\n}\n",
    );
  });

  it("When a region is never closed, then it fails naming the file and line", () => {
    expect(() => findRegions("a\n// #region exercise 02.2: x\nb", "x.ts")).toThrow(
      "x.ts:2: region 02.2 has no #endregion",
    );
  });
});
