export { eventually, type EventuallyOptions } from "./eventually.ts";
export { brokerNamespace } from "./broker-names.ts";
export { asyncApiDocument, type MessageModel } from "./asyncapi.ts";
export {
  amqpUrlVia,
  assertBrokerReachable,
  brokerAddress,
  howToStartRabbitMq,
  DEFAULT_AMQP_URL,
} from "./rabbitmq.ts";
export { listen, closeOnSignals, type Listening } from "./listen.ts";
export { startProcess, freshDataDir, type ServiceSpec, type RunningProcess } from "./harness.ts";
export { chromiumLaunchOptions, systemChromium, CHROMIUM_ARGS } from "./browser.ts";
export { correlationId, CORRELATION_HEADER } from "./http/correlation.ts";
export { createLogger, type Logger } from "./http/logger.ts";
export { recordingLogger } from "./http/recording-logger.ts";
export {
  errorHandler,
  notFoundHandler,
  toErrorResponse,
  DependencyUnavailable,
  InvalidInput,
  NotFound,
  RemoteRefusal,
  STATUS_BY_CODE,
  type ErrorBody,
} from "./http/errors.ts";
export { validate } from "./http/validate.ts";
export {
  adminGuard,
  adminRefusal,
  ADMIN_HEADER,
  ADMIN_HEADERS,
  Forbidden,
  MisdirectedRequest,
} from "./http/admin-guard.ts";
export {
  jsonBody,
  requireJson,
  UnsupportedMediaType,
  JSON_LIMIT,
  MAX_JSON_DEPTH,
} from "./http/json-body.ts";
export {
  startStep,
  type RunningService,
  type RunningStep,
  type StartStepOptions,
} from "./harness.ts";
export {
  loadServices,
  loadStep,
  resolveEnv,
  stepLabel,
  type ServiceEntry,
  type StepServices,
} from "./step-services.ts";
export { chaos, chaosClient, chaosEnabled, chaosPause, type ChaosSettings } from "./chaos.ts";
export { serviceApp } from "./http/service-app.ts";
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
