import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { Providers } from "@/components/providers";
import { signOutAction } from "@/lib/actions/sign-in";
import { getCaller } from "@/lib/auth/session";

import "./globals.css";

export const metadata: Metadata = {
  title: "Onramp",
  description: "Self-service onboarding for the Kafka event bus",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const caller = await getCaller();

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
                {caller.isPlatformAdmin ? (
                  <>
                    <Link href="/admin/queue" className="hover:underline">
                      Approval queue
                    </Link>
                    <Link href="/admin/drift" className="hover:underline">
                      Cluster drift
                    </Link>
                  </>
                ) : null}
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
