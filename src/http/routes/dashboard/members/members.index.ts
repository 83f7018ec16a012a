import { createRouter } from "../../../create-router";
import * as h from "./members.handlers";
import * as r from "./members.routes";

const router = createRouter();
router
  .openapi(r.listMembers, h.listHandler)
  .openapi(r.updateMember, h.updateHandler)
  .openapi(r.removeMember, h.removeHandler)
  .openapi(r.createInvitation, h.inviteHandler)
  .openapi(r.listInvitations, h.listInvitationsHandler)
  .openapi(r.withdrawInvitation, h.withdrawHandler)
  .openapi(r.acceptInvitation, h.acceptHandler);

export default router;
