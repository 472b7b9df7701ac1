// The web gateway and storefront, on port 3000.
import { closeOnSignals, createLogger, listen } from "@shop/kit";
import { createApp, gatewayUrlsFromEnv } from "./app.ts";

const logger = createLogger("web");
const server = await listen(
  createApp(gatewayUrlsFromEnv(), logger),
  Number(process.env.PORT ?? 3000),
);
logger.info(
  { url: server.url },
  `storefront: open ${server.url.replace("127.0.0.1", "localhost")}`,
);
closeOnSignals(() => server.close());
