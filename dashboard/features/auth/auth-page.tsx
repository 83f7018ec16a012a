import { useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/busy-button";
import { fieldError, ProblemAlert } from "../../components/problem-alert";
import { TextField } from "../../components/fields";
import { Link } from "../../components/link";
import { api } from "../../lib/api";
import type { Session } from "../../lib/types";
import { useSubmit } from "../../lib/use-submit";
import { useTitle } from "../../lib/use-title";

interface Props {
  mode: "signin" | "signup";
  onSignedIn: (session: Session) => void;
}

/** Sign in and sign up share one form; only the endpoint and the wording differ. */
export function AuthPage({ mode, onSignedIn }: Props) {
  const signup = mode === "signup";
  useTitle(signup ? "Create account" : "Sign in");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const form = useRef<HTMLFormElement>(null);

  const { submit, busy, problem } = useSubmit(form, async () =>
    onSignedIn(await api.post<Session>(signup ? "/api/auth/signup" : "/api/auth/login", { email, password })),
  );

  return (
    <main class="auth" id="main">
      <div class="auth-card">
        <p class="brand brand-center">
          <span class="brand-mark" aria-hidden="true" />
          Payrelay
        </p>
        <h1>{signup ? "Create your account" : "Sign in to your account"}</h1>
        <p class="muted">
          {signup
            ? "Get paid to your own wallet. Let payment systems ask for money on your behalf, under your control."
            : "Manage your destinations, client IDs and payment requests."}
        </p>
        <form onSubmit={submit} noValidate ref={form}>
          <ProblemAlert problem={problem} shownFields={["email", "password"]} />
          <TextField
            label="Email"
            type="email"
            autocomplete="email"
            value={email}
            onValue={setEmail}
            error={fieldError(problem, "email")}
          />
          <TextField
            label="Password"
            type="password"
            autocomplete={signup ? "new-password" : "current-password"}
            value={password}
            onValue={setPassword}
            hint={signup ? "At least 12 characters." : undefined}
            error={fieldError(problem, "password")}
          />
          <BusyButton type="submit" class="btn btn-primary btn-block" busy={busy} busyText="Please wait…">
            {signup ? "Create account" : "Sign in"}
          </BusyButton>
        </form>
        <p class="auth-switch">
          {signup ? "Already have an account? " : "New to Payrelay? "}
          <Link href={signup ? "/login" : "/signup"}>{signup ? "Sign in" : "Create an account"}</Link>
        </p>
      </div>
    </main>
  );
}
