// `npm run asyncapi`: writes this step's AsyncAPI document (see asyncapi.ts).
import { writeFileSync } from "node:fs";
import { ASYNCAPI_FILE, asyncApiJson } from "./asyncapi.ts";

writeFileSync(ASYNCAPI_FILE, asyncApiJson());
console.log(`wrote ${ASYNCAPI_FILE}`);
