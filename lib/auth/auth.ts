import "server-only";

import NextAuth from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";

import { config } from "@/lib/config";
import { SEED_PEOPLE } from "@/lib/data/seed";
import { logger } from "@/lib/logger";

export const DEV_SIGN_IN_PROVIDER = "dev";
export const OIDC_PROVIDER = "oidc";

export function devSignInEnabled(): boolean {
  return config().ONRAMP_DEV_SIGN_IN;
}

export function oidcConfigured(): boolean {
  const settings = config();
  return Boolean(settings.AUTH_OIDC_ISSUER && settings.AUTH_OIDC_CLIENT_ID);
}

function providers(): Provider[] {
  const settings = config();
  const list: Provider[] = [];

  if (oidcConfigured()) {
    list.push({
      id: OIDC_PROVIDER,
      name: settings.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: settings.AUTH_OIDC_ISSUER,
      clientId: settings.AUTH_OIDC_CLIENT_ID,
      clientSecret: settings.AUTH_OIDC_CLIENT_SECRET,
    });
  }

  // Signs in as one of the seeded people without a password. It exists for development and
  // tests, and only when ONRAMP_DEV_SIGN_IN is set, whatever the value of NODE_ENV.
  if (settings.ONRAMP_DEV_SIGN_IN) {
    list.push(
      Credentials({
        id: DEV_SIGN_IN_PROVIDER,
        name: "Development sign-in",
        credentials: { email: { label: "Email", type: "email" } },
        authorize: (credentials) => {
          const email = String(credentials?.email ?? "").toLowerCase();
          const person = SEED_PEOPLE.find((candidate) => candidate.email === email);
          if (!person) {
            logger.warn({ email }, "development sign-in rejected an unknown person");
            return null;
          }
          return { id: person.email, email: person.email, name: person.name };
        },
      }),
    );
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  providers: providers(),
  // Sessions are signed cookies that signing out deletes but cannot revoke elsewhere, so they
  // last one working day.
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  callbacks: {
    signIn: ({ account, profile }) => {
      // Teams and administrators are known by email address, so the identity provider must
      // vouch for it. Providers that leave the claim out need the explicit opt-out.
      const verified = profile?.email_verified === true || config().AUTH_OIDC_ALLOW_UNVERIFIED_EMAIL;
      if (account?.provider === OIDC_PROVIDER && !verified) {
        logger.warn({ email: profile?.email }, "sign-in rejected: email address not verified");
        return false;
      }
      return true;
    },
  },
  pages: { signIn: "/sign-in" },
  logger: {
    error: (error) => logger.error({ err: error }, "auth error"),
    warn: (code) => logger.warn({ code }, "auth warning"),
    debug: () => undefined,
  },
  events: {
    signIn: ({ user, account }) => {
      logger.info({ email: user.email, provider: account?.provider }, "signed in");
    },
  },
}));
