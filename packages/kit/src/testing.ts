// What tests, benches and the workshop CLI import: start a step or a process, share a shop
// between files, a storefront client, a TCP proxy to cut links, broker and browser checks.
export { chromiumLaunchOptions, systemChromium, CHROMIUM_ARGS } from "./browser.ts";
export { recordingLogger } from "./http/recording-logger.ts";
export {
  freshDataDir,
  startProcess,
  startStep,
  type RunningProcess,
  type RunningService,
  type RunningStep,
  type ServiceSpec,
  type StartStepOptions,
} from "./harness.ts";
export {
  loadServices,
  loadStep,
  parseScale,
  resolveEnv,
  stepLabel,
  withInstances,
  type Scale,
  type ServiceEntry,
  type StepServices,
} from "./step-services.ts";
export { startTcpProxy, type TcpProxy } from "./tcp-proxy.ts";
export {
  applySettings,
  rememberSharedShop,
  sharedShop,
  sharedShopsSetup,
  type ServiceSettings,
} from "./shared-shop.ts";
export {
  ensureBroker,
  planBroker,
  START_CLUSTER,
  type BrokerPlan,
  type BrokerSeams,
  type EnsureBrokerOptions,
} from "./ensure-broker.ts";
export {
  ensureBrowser,
  planBrowser,
  type BrowserPlan,
  type BrowserSeams,
} from "./ensure-browser.ts";
export { apiFor, type Api, type ApiResponse } from "./storefront-api.ts";
