/**
 * Who causes a change, once for the Worker and the authority:
 * - the signed-in recipient, one of the destination's members, by user id and email (`user`);
 * - a client proving its secret, over /v1 or through MCP (`via`);
 * - a payer, through a public payment link;
 * - Payrelay itself: expiry, auto-approval, payment re-checks.
 *
 * The wire keeps its own words, which the contract fixes: a request the recipient made says
 * `createdBy: {type: "manual"}` (D1's `created_by_type`), and an event's actor says `{type: "user"}`.
 * Scopes are not actors: what a caller may see (`Visibility`) or whose webhook endpoint it is (`EndpointOwner`)
 * say `recipient` for the destination's whole view.
 */
export type UserActor = { type: "user"; userId: string; email: string };
export type ClientActor = { type: "client"; clientId: string; secretHash: string; via?: "mcp" };
export type PayerActor = { type: "payer" };
export type SystemActor = { type: "system" };
export type Actor = UserActor | ClientActor | PayerActor | SystemActor;

/** Who may call the authority on a destination's behalf: the recipient (the Worker checked the session) or a client. */
export type CallerActor = UserActor | ClientActor;
/** Who may move a request: a caller, or Payrelay itself. */
export type TransitionActor = CallerActor | SystemActor;

/** An actor as the audit log keeps it: the person by id and email, a client by id (never its secret's hash). */
export type LoggedActor = UserActor | { type: "client"; clientId: string; via?: "mcp" } | SystemActor;
/** An actor as an event tells it to webhook receivers: a client by id, the others by kind only. */
export type EventActor = { type: "client"; clientId: string; via?: "mcp" } | { type: "user" } | PayerActor | SystemActor;

/** The signed-in member, as the authority records them. */
export const userActor = (user: { id: string; email: string }): UserActor => ({ type: "user", userId: user.id, email: user.email });

const clientOf = (actor: { clientId: string; via?: "mcp" }) => ({
  type: "client" as const,
  clientId: actor.clientId,
  ...(actor.via ? { via: actor.via } : {}),
});

/** The audit log's copy; a payer is logged as Payrelay's own doing (payments are recorded by the system). */
export function loggedActor(actor: Actor): LoggedActor {
  if (actor.type === "client") return clientOf(actor);
  if (actor.type === "user") return { type: "user", userId: actor.userId, email: actor.email };
  return { type: "system" };
}

/** The event's copy. */
export function eventActor(actor: Actor): EventActor {
  return actor.type === "client" ? clientOf(actor) : { type: actor.type };
}
