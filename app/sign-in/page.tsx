import { redirect } from "next/navigation";

import { devSignInAction, oidcSignInAction } from "@/lib/actions/sign-in";
import { devSignInEnabled, oidcConfigured } from "@/lib/auth/auth";
import { getCaller } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { SEED_PEOPLE } from "@/lib/data/seed";

export default async function SignInPage() {
  if (await getCaller()) redirect("/");
  const showDev = devSignInEnabled();
  const showOidc = oidcConfigured();

  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-semibold">Sign in to Onramp</h1>
      {showOidc ? (
        <form action={oidcSignInAction}>
          <button type="submit" className="w-full rounded-md bg-blue-700 px-4 py-2 text-white hover:bg-blue-800">
            Sign in with {config().AUTH_OIDC_NAME}
          </button>
        </form>
      ) : null}
      {showDev ? (
        <section aria-labelledby="dev-sign-in" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="dev-sign-in" className="font-medium">
            Development sign-in
          </h2>
          <p className="text-sm text-slate-700">
            Made-up people for trying the portal. This list appears only because ONRAMP_DEV_SIGN_IN is set.
          </p>
          <ul className="space-y-2">
            {SEED_PEOPLE.map((person) => (
              <li key={person.email}>
                <form action={devSignInAction}>
                  <input type="hidden" name="email" value={person.email} />
                  <button
                    type="submit"
                    className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-left hover:bg-slate-50"
                  >
                    <span className="font-medium">Sign in as {person.name}</span>
                    <span className="block text-xs text-slate-600">
                      {person.role} · {person.team}
                    </span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!showDev && !showOidc ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          No sign-in method is configured. Set AUTH_OIDC_ISSUER and AUTH_OIDC_CLIENT_ID for single sign-on, or
          ONRAMP_DEV_SIGN_IN=true for the development sign-in.
        </p>
      ) : null}
    </div>
  );
}
