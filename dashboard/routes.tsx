import { Link } from "./components/link";
import { match, type Location } from "./lib/router";
import { useTitle } from "./lib/use-title";
import { ClientDetailPage } from "./features/clients/client-detail-page";
import { DestinationPage } from "./features/destinations/destination-page";
import { DestinationsPage } from "./features/destinations/destinations-page";
import { AcceptInvitationPage } from "./features/auth/accept-invitation-page";
import { NewDestinationPage } from "./features/destinations/new-destination-page";
import { NewRequestPage } from "./features/requests/new-request-page";
import { RequestDetailPage } from "./features/requests/request-detail-page";

/** Maps the signed-in paths to their pages. */
export function Routes({ loc }: { loc: Location }) {
  const { path, query } = loc;
  if (match("/", path) || match("/login", path) || match("/signup", path)) return <DestinationsPage />;
  if (match("/destinations/new", path)) return <NewDestinationPage />;
  let m = match("/destinations/:id", path);
  if (m) return <DestinationPage id={m.id ?? ""} tab="clients" query={query} />;
  m = match("/destinations/:id/requests", path);
  if (m) return <DestinationPage id={m.id ?? ""} tab="requests" query={query} />;
  m = match("/destinations/:id/webhooks", path);
  if (m) return <DestinationPage id={m.id ?? ""} tab="webhooks" query={query} />;
  m = match("/destinations/:id/audit", path);
  if (m) return <DestinationPage id={m.id ?? ""} tab="audit" query={query} />;
  m = match("/destinations/:id/members", path);
  if (m) return <DestinationPage id={m.id ?? ""} tab="members" query={query} />;
  m = match("/invitations/:token", path);
  if (m) return <AcceptInvitationPage token={m.token ?? ""} />;
  m = match("/destinations/:id/clients/:clientId", path);
  if (m) return <ClientDetailPage destinationId={m.id ?? ""} clientId={m.clientId ?? ""} />;
  m = match("/destinations/:id/requests/new", path);
  if (m) return <NewRequestPage destinationId={m.id ?? ""} />;
  m = match("/destinations/:id/requests/:requestId", path);
  if (m) return <RequestDetailPage destinationId={m.id ?? ""} requestId={m.requestId ?? ""} />;
  return <NotFound />;
}

function NotFound() {
  useTitle("Not found");
  return (
    <div class="page">
      <h1>Page not found</h1>
      <p class="muted">There is nothing at this address.</p>
      <Link href="/" class="btn btn-primary">
        Go to destinations
      </Link>
    </div>
  );
}
