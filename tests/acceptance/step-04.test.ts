// Step 04's shop, started once: the acceptance scenarios, then the hostile input.
import { acceptanceSuite, useShopUnderTest } from "./acceptance-suite.ts";
import { hostileInputSuite } from "./hostile-input-suite.ts";

const shop = useShopUnderTest("04-event-sourcing");
acceptanceSuite("04-event-sourcing", shop);
hostileInputSuite(shop);
