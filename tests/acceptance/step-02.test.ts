// Step 02's shop, started once: the acceptance scenarios, then the hostile input.
import { acceptanceSuite, useShopUnderTest } from "./acceptance-suite.ts";
import { hostileInputSuite } from "./hostile-input-suite.ts";

const shop = useShopUnderTest("02-rest-split");
acceptanceSuite("02-rest-split", shop);
hostileInputSuite(shop);
