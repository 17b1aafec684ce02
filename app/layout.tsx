import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { Providers } from "@/components/providers";
import { signOutAction } from "@/lib/actions/sign-in";
import { getCaller } from "@/lib/auth/session";
import { countUnreadNotifications } from "@/lib/data/notifications/list-notifications";
import { countReviewQueue } from "@/lib/data/requests/get-request-detail";

import "./globals.css";

export const metadata: Metadata = {
  title: "Onramp",
  description: "Self-service onboarding for the Kafka event bus",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const caller = await getCaller();
  const [waiting, unread] = caller
    ? await Promise.all([countReviewQueue(caller), countUnreadNotifications(caller)])
    : [0, 0];

  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3 text-sm">
            <Link href="/" className="text-base font-semibold">
              Onramp
            </Link>
            {caller ? (
              <>
                <Link href="/catalog" className="hover:underline">
                  Catalog
                </Link>
                <Link href="/teams" className="hover:underline">
                  My teams
                </Link>
                <Link href="/topics/new" className="hover:underline">
                  Propose a topic
                </Link>
                {caller.isPlatformAdmin || caller.teams.length > 0 ? (
                  <Link href="/queue" className="hover:underline" aria-label={`Review queue, ${waiting} waiting`}>
                    Review queue{waiting > 0 ? <Badge count={waiting} /> : null}
                  </Link>
                ) : null}
                {caller.isPlatformAdmin ? (
                  <>
                    <Link href="/admin/drift" className="hover:underline">
                      Cluster drift
                    </Link>
                    <Link href="/admin/audit" className="hover:underline">
                      Audit log
                    </Link>
                  </>
                ) : null}
                <Link href="/notifications" className="hover:underline" aria-label={`Notifications, ${unread} unread`}>
                  Notifications{unread > 0 ? <Badge count={unread} /> : null}
                </Link>
                <span className="ml-auto text-slate-600">
                  {caller.name}
                  {caller.isPlatformAdmin ? " (administrator)" : ""}
                </span>
                <form action={signOutAction}>
                  <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50">
                    Sign out
                  </button>
                </form>
              </>
            ) : (
              <Link href="/sign-in" className="ml-auto hover:underline">
                Sign in
              </Link>
            )}
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          <Providers>{children}</Providers>
        </main>
      </body>
    </html>
  );
}

function Badge({ count }: { count: number }) {
  return (
    <span aria-hidden="true" className="ml-1 rounded-full bg-blue-700 px-1.5 py-0.5 text-xs text-white">
      {count}
    </span>
  );
}
