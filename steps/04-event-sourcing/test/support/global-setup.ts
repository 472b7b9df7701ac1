// Once per test run: where the workers' shared shops write down their broker names, and, after
// the last file, the deletion of those names.
import { sharedShopsSetup } from "@shop/kit/testing";
import { deleteTopology } from "../../messaging/cleanup.ts";

export default sharedShopsSetup((prefix) => deleteTopology(prefix));
