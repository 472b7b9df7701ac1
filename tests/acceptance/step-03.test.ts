// Step 03's shop, started once: the acceptance scenarios, then the hostile input.
import { acceptanceSuite, useShopUnderTest } from "./acceptance-suite.ts";
import { hostileInputSuite } from "./hostile-input-suite.ts";

const shop = useShopUnderTest("03-pubsub");
acceptanceSuite("03-pubsub", shop);
hostileInputSuite(shop);
