import { createRouter } from "../../../create-router";
import {
  challengeHandler,
  claimHandler,
  createHandler,
  getHandler,
  healthHandler,
  listHandler,
  updateHandler,
} from "./destinations.handlers";
import {
  claimDestination,
  createDestination,
  destinationHealth,
  getDestination,
  listDestinations,
  refreshChallenge,
  updateDestination,
} from "./destinations.routes";

const router = createRouter();
router
  .openapi(listDestinations, listHandler)
  .openapi(createDestination, createHandler)
  .openapi(getDestination, getHandler)
  .openapi(updateDestination, updateHandler)
  .openapi(refreshChallenge, challengeHandler)
  .openapi(claimDestination, claimHandler)
  .openapi(destinationHealth, healthHandler);

export default router;
