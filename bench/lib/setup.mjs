// Gets a bench client the way a recipient would: sign up, add a destination,
// claim it with a real EIP-191 signature from a throwaway wallet, create a client
// ID. The flow is scripts/lib/recipient-setup.mjs, shared with the tests, e2e and demo seed.
import { walletFromKey } from "../../scripts/lib/eth-wallet.mjs";
import {
  USDC_ON_BASE,
  claim,
  clientCaller,
  createClient,
  createDestination,
  fetchCaller,
  setUpRecipient,
  signIn,
} from "../../scripts/lib/recipient-setup.mjs";

/** A fixed throwaway wallet per seed (every key byte = seed), so runs are repeatable. */
const wallet = (seed) => walletFromKey(seed.toString(16).padStart(2, "0").repeat(32));

/**
 * Many fixed wallets (a claim is unique per wallet, chain and token, and the seeds above stop at 255):
 * `family` (two hex digits, not a seed's repeated byte) + index, so bench phases never share a wallet.
 */
const manyWallet = (family, i) => walletFromKey(family.repeat(30) + i.toString(16).padStart(4, "0"));

let accounts = 0;
const account = () => ({ email: `bench-${process.pid}-${Date.now()}-${++accounts}@example.com`, password: "correct horse battery" });

/** A signed-up recipient on the Worker at `base`. */
export async function recipient(base) {
  const session = await signIn(fetchCaller(base), account());
  return { base, api: session.api, userId: session.user.id };
}

/** A new recipient with one claimed destination (seed picks the wallet) and one client ID. */
export async function benchClient(base, seed, name) {
  const { destination, client } = await setUpRecipient(fetchCaller(base), {
    ...account(),
    wallet: wallet(seed),
    label: name,
    client: { name },
  });
  return { destinationId: destination.id, clientId: client.id, secret: client.secret };
}

/** A claimed destination of `rcpt` with one client ID; seed picks the wallet. */
export async function destinationWithClient(rcpt, seed, name = "Bench") {
  const w = wallet(seed);
  const d = await claim(rcpt.api, await createDestination(rcpt.api, w, USDC_ON_BASE, name), w);
  const c = await createClient(rcpt.api, d.id, name);
  return { destinationId: d.id, clientId: c.id, secret: c.secret };
}

/** `count` claimed destinations of `rcpt`, each with one fast client ID, set up `concurrency` at a time. */
export async function manyDestinations(rcpt, family, count, concurrency = 8, name = "Bench") {
  const out = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const w = manyWallet(family, i);
        const d = await claim(rcpt.api, await createDestination(rcpt.api, w, USDC_ON_BASE, `${name} ${i}`), w);
        // At the highest create rate a client may have: a run on one destination sends thousands.
        out[i] = { destinationId: d.id, ...(await fastClient(rcpt, d.id, `${name} ${i}`)) };
      }
    }),
  );
  return out;
}

/** One orchestrator call with the client's secret. */
export const orchestrator = (base, secret) => clientCaller(fetchCaller(base), secret);

/** The body every create sends: incoming, with a reference, as test/helpers/api.ts `incoming()`. */
export const CREATE_BODY = { direction: "incoming", amount: "12.50", currency: "USDC", reference: "INV 1" };

/** The contract's highest create rate for one client: 6,000 a minute (the default is 600). */
export const MAX_CREATES_PER_MINUTE = 6000;

/**
 * Another client ID on a destination, allowed the highest create rate. One create run
 * sends about 3,000 creates in 6 s, more than one client's bucket refills between
 * rounds, so each round's run gets a client of its own (the bucket is per client).
 */
export async function fastClient(rcpt, destinationId, name) {
  const res = await rcpt.api(`/api/destinations/${destinationId}/clients`, {
    body: { name, limits: { createsPerMinute: MAX_CREATES_PER_MINUTE } },
  });
  if (res.status !== 201) throw new Error(`create client ${name}: HTTP ${res.status} ${JSON.stringify(res.json)}`);
  return { clientId: res.json.id, secret: res.json.secret };
}
