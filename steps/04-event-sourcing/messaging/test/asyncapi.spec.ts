// The AsyncAPI document of the step: generated from the contract and the topology, committed so
// the README can link it, and valid by AsyncAPI's own parser.
import { readFileSync } from "node:fs";
import { Parser } from "@asyncapi/parser";
import { describe, expect, it } from "vitest";
import { ASYNCAPI_FILE, asyncApi, asyncApiJson } from "../asyncapi.ts";
import { CONTRACTS } from "../contracts.ts";
import { QUEUES } from "../topology.ts";

const WARNING = 1; // the parser's severities: 0 error (invalid), 1 warning, 2 information, 3 hint

describe("the step's AsyncAPI document", () => {
  it("When the contract or the topology changes, then the committed document changes with it (npm run asyncapi)", () => {
    expect(readFileSync(ASYNCAPI_FILE, "utf8")).toBe(asyncApiJson());
  });

  it("When AsyncAPI's parser reads it, then it finds no error and no warning", async () => {
    const diagnostics = await new Parser().validate(JSON.stringify(asyncApi()));

    const problems = diagnostics
      .filter((d) => d.severity <= WARNING)
      .map((d) => `${d.path.join(".")}: ${d.message}`);
    expect(problems).toEqual([]);
  });

  it("When a learner looks for a message or a queue, then each one of the code is there", async () => {
    const { document } = await new Parser().parse(JSON.stringify(asyncApi()));

    expect(
      document!
        .messages()
        .all()
        .map((m) => m.name())
        .sort(),
    ).toEqual(Object.keys(CONTRACTS).sort());
    const received = document!
      .operations()
      .filterByReceive()
      .map((o) => o.id());
    const bound = Object.entries(QUEUES).flatMap(([queue, types]) =>
      types.map((type) => `${queue}.receive.${type}`),
    );
    expect(received.sort()).toEqual(bound.sort());
  });

  it("When a producer adds a field, then the document accepts it, as the consumers do (they drop it)", () => {
    const strict = JSON.stringify(asyncApi()).includes('"additionalProperties":false');

    expect(strict).toBe(false);
  });
});
