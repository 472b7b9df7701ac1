// What a service imports at run time. Test support is in ./testing.ts, the AsyncAPI
// generator in ./asyncapi.ts: a service that loaded them would start ~130 ms slower.
export { eventually, type EventuallyOptions } from "./eventually.ts";
export { brokerNamespace } from "./broker-names.ts";
export {
  amqpUrlVia,
  assertBrokerReachable,
  brokerAddress,
  howToStartRabbitMq,
  amqpHosts,
  DEFAULT_AMQP_URL,
} from "./rabbitmq.ts";
export { listen, closeOnSignals, type Listening } from "./listen.ts";
export { correlationId, CORRELATION_HEADER } from "./http/correlation.ts";
export { createLogger, type Logger } from "./http/logger.ts";
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
  chaos,
  chaosClient,
  chaosEnabled,
  chaosPause,
  loopbackOnly,
  type ChaosSettings,
} from "./chaos.ts";
export { serviceApp } from "./http/service-app.ts";
export {
  startLocalCluster,
  canRunLocalCluster,
  type ClusterNode,
  type LocalCluster,
  type LocalClusterOptions,
} from "./local-cluster.ts";
