import { acceptanceSuite } from "./acceptance-suite.ts";

acceptanceSuite("01-monolith");
