import { createRouter } from "../../lib/create-router";
import { challengeHandler, claimHandler, createHandler, getHandler, listHandler } from "./destinations.handlers";
import { claimDestination, createDestination, getDestination, listDestinations, refreshChallenge } from "./destinations.routes";

const router = createRouter();
router
  .openapi(listDestinations, listHandler)
  .openapi(createDestination, createHandler)
  .openapi(getDestination, getHandler)
  .openapi(refreshChallenge, challengeHandler)
  .openapi(claimDestination, claimHandler);

export default router;
