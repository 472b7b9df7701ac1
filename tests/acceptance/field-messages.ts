// What a shopper reads when an order is refused: each bad field, by its path, with what a right
// one looks like. The same words in every step (hostile-input.ts checks the paths of many more).
import { CARD } from "./hostile-input.ts";

export const FIELD_MESSAGES: [string, unknown, Record<string, string>][] = [
  [
    "no body fields",
    {},
    { lines: "must be a list of { sku, qty }", card: "must be a string of 16 digits" },
  ],
  ["an empty cart", { lines: [], card: CARD }, { lines: "must have at least one line" }],
  [
    "a zero quantity",
    { lines: [{ sku: "MUG-001", qty: 0 }], card: CARD },
    { "lines.0.qty": "must be at least 1" },
  ],
  [
    "a fractional quantity",
    { lines: [{ sku: "MUG-001", qty: 1.5 }], card: CARD },
    { "lines.0.qty": "must be a whole number" },
  ],
  [
    "a quantity as text",
    { lines: [{ sku: "MUG-001", qty: "2" }], card: CARD },
    { "lines.0.qty": "must be a whole number" },
  ],
  [
    "a malformed sku",
    { lines: [{ sku: "mug 1", qty: 1 }], card: CARD },
    { "lines.0.sku": "must be a sku such as MUG-001" },
  ],
  [
    "the same sku twice",
    {
      lines: [
        { sku: "MUG-001", qty: 1 },
        { sku: "MUG-001", qty: 2 },
      ],
      card: CARD,
    },
    { "lines.1.sku": "appears on an earlier line" },
  ],
  [
    "a short card number",
    { lines: [{ sku: "MUG-001", qty: 1 }], card: "4242" },
    { card: "must be 16 digits" },
  ],
];
