export { eventually, type EventuallyOptions } from "./eventually.ts";
export { assertBrokerReachable, brokerAddress, howToStartRabbitMq, DEFAULT_AMQP_URL } from "./rabbitmq.ts";
export { listen, closeOnSignals, type Listening } from "./listen.ts";
export { startProcess, freshDataDir, type ServiceSpec, type RunningProcess } from "./harness.ts";
export { chromiumLaunchOptions, systemChromium, CHROMIUM_ARGS } from "./browser.ts";
export { correlationId, CORRELATION_HEADER } from "./http/correlation.ts";
export { createLogger, type Logger } from "./http/logger.ts";
export { errorHandler, notFoundHandler, toErrorResponse, InvalidInput, NotFound, STATUS_BY_CODE, type ErrorBody } from "./http/errors.ts";
export { validate } from "./http/validate.ts";
