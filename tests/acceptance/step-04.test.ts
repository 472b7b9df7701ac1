import { acceptanceSuite } from "./acceptance-suite.ts";

acceptanceSuite("04-event-sourcing");
