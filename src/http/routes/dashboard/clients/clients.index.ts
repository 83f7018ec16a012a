import { createRouter } from "../../../create-router";
import { auditHandler, rotateHandler, updateHandler } from "./client-lifecycle.handlers";
import { listAudit, rotateClientSecret, updateClient } from "./client-lifecycle.routes";
import { createHandler, getHandler, listHandler, revokeHandler } from "./clients.handlers";
import { createClient, getClient, listClients, revokeClient } from "./clients.routes";

const router = createRouter();
router
  .openapi(listClients, listHandler)
  .openapi(getClient, getHandler)
  .openapi(createClient, createHandler)
  .openapi(revokeClient, revokeHandler)
  .openapi(updateClient, updateHandler)
  .openapi(rotateClientSecret, rotateHandler)
  .openapi(listAudit, auditHandler);

export default router;
