// What the workshop attaches to the projections, none of it the lesson: GET /admin/projections
// says how far behind the store each read model is, and (SHOP_CHAOS=1, loopback only) POST
// /chaos/projections { "paused": true } holds the loop, so the list visibly lags while the order
// page, read from the order's stream, does not.
import { Router } from "express";
import { chaosEnabled, loopbackOnly } from "@shop/kit";
import type { PrismaClient } from "../../prisma/client.ts";
import { checkpointOf, headPosition } from "../event-store/event-store.ts";
import { PROJECTIONS } from "./index.ts";
import type { ProjectionMode } from "./runner.ts";

const switches = { paused: false };
export const projectionsPaused = () => switches.paused;

export function projectionRoutes(db: PrismaClient, mode: ProjectionMode): Router {
  const router = Router();
  const state = async () => {
    const head = await headPosition(db);
    const checkpoints: Record<string, number> = {};
    for (const { name } of PROJECTIONS) checkpoints[name] = await checkpointOf(db, name);
    const behind = Math.max(0, ...Object.values(checkpoints).map((at) => head - at));
    // inline, the writes bring the read models up to date themselves: nothing to hold
    return { mode, paused: mode === "async" && switches.paused, head, checkpoints, behind };
  };
  router.get("/admin/projections", async (_req, res) => {
    res.json(await state());
  });
  if (!chaosEnabled()) return router;
  router.post("/chaos/projections", loopbackOnly, async (req, res) => {
    const body = (req.body ?? {}) as { paused?: unknown };
    if (typeof body.paused === "boolean") switches.paused = body.paused;
    res.json(await state());
  });
  return router;
}
