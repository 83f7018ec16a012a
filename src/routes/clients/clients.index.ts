import { createRouter } from "../../lib/create-router";
import { createHandler, listHandler, revokeHandler } from "./clients.handlers";
import { createClient, listClients, revokeClient } from "./clients.routes";

const router = createRouter();
router.openapi(listClients, listHandler).openapi(createClient, createHandler).openapi(revokeClient, revokeHandler);

export default router;
