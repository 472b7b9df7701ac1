import { acceptanceSuite } from "./acceptance-suite.ts";

acceptanceSuite("03-pubsub");
