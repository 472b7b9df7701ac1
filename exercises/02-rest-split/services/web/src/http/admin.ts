import { http } from "../../../../http-client.ts";
import { Router } from "express";
import { ADMIN_HEADERS, adminGuard, DependencyUnavailable } from "@shop/kit";
import { TIMEOUTS } from "../../../../timeouts.ts";
import type { Services } from "../app.ts";

/** Back to the seed data: every service resets its own database (one instance of each: they share it). */
export function adminRoutes(services: Services): Router {
  const router = Router();
  // Every /api/admin route changes data, here and in the routers after this one (price, restock):
  // only for callers on this machine that send the admin header.
  router.use("/api/admin", adminGuard());
  router.post("/api/admin/reset", async (req, res) => {
    const results = await Promise.all(
      Object.values(services).map(async (service) => {
        const reset = service.ask((url) =>
          http.post(`${url}/admin/reset`, undefined, {
            headers: ADMIN_HEADERS,
            signal: AbortSignal.timeout(TIMEOUTS.resetMs),
          }),
        );
        return reset.then(
          () => undefined,
          () => service.service,
        );
      }),
    );
    const failed = results.filter((service) => service !== undefined);
    if (failed.length > 0)
      throw new DependencyUnavailable(failed[0]!, `could not reset ${failed.join(", ")}`);
    req.log.info("shop reset to the seed data");
    res.status(204).end();
  });
  return router;
}
