// Step 01's shop, started once: the acceptance scenarios, then the hostile input.
import { acceptanceSuite, useShopUnderTest } from "./acceptance-suite.ts";
import { hostileInputSuite } from "./hostile-input-suite.ts";

const shop = useShopUnderTest("01-monolith");
acceptanceSuite("01-monolith", shop);
hostileInputSuite(shop);
