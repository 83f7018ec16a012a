import { createRouter } from "../../lib/create-router";
import { challengeHandler, claimHandler, createHandler, getHandler, healthHandler, listHandler } from "./destinations.handlers";
import {
  claimDestination,
  createDestination,
  destinationHealth,
  getDestination,
  listDestinations,
  refreshChallenge,
} from "./destinations.routes";

const router = createRouter();
router
  .openapi(listDestinations, listHandler)
  .openapi(createDestination, createHandler)
  .openapi(getDestination, getHandler)
  .openapi(refreshChallenge, challengeHandler)
  .openapi(claimDestination, claimHandler)
  .openapi(destinationHealth, healthHandler);

export default router;
