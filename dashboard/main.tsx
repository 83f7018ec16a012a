import { render } from "preact";

/**
 * One bundle serves two audiences: payers on /pay/{token} (phone, first visit, must
 * be light) and signed-in recipients. Each loads only its own chunk.
 */
const root = document.getElementById("app");
if (root) {
  if (location.pathname.startsWith("/pay/")) {
    void import("./features/pay/payment-page").then(({ PaymentPage }) => render(<PaymentPage />, root));
  } else {
    void import("./app").then(({ App }) => render(<App />, root));
  }
}
