import { acceptanceSuite } from "./acceptance-suite.ts";

acceptanceSuite("02-rest-split");
