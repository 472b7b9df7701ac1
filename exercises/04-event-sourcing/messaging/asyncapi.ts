// This step's AsyncAPI document, made from its contract and its topology: `npm run asyncapi`
// writes it to messaging/asyncapi.json, and a test checks that the file is current and valid.
import { basename, join } from "node:path";
import { asyncApiDocument } from "@shop/kit/asyncapi";
import { CONTRACTS, head } from "./contracts.ts";
import { EXCHANGE, QUEUES, ROUTED_TYPES } from "./topology.ts";

export const ASYNCAPI_FILE = join(import.meta.dirname, "asyncapi.json");
const step = basename(join(import.meta.dirname, ".."));

export const asyncApi = () =>
  asyncApiDocument({
    title: `The shop's messages, ${step}`,
    description:
      "Every event the services publish, with the schema of its envelope and data, and every queue that " +
      "takes it. On the broker each exchange and queue name starts with the step's prefix: its folder's " +
      "name and a dot (see messaging/topology.ts). Generated from messaging/contracts.ts and topology.ts.",
    exchange: EXCHANGE,
    head,
    contracts: CONTRACTS,
    queues: QUEUES,
    mandatory: ROUTED_TYPES,
  });

export const asyncApiJson = () => `${JSON.stringify(asyncApi(), null, 2)}\n`;
