import "server-only";

import { redirect } from "next/navigation";
import { cache } from "react";

import { auth } from "./auth";
import { loadCaller, type Caller } from "./caller";

/** The signed-in caller for this request, or null; loaded once per request. */
export const getCaller = cache(async (): Promise<Caller | null> => {
  const session = await auth();
  const email = session?.user?.email;
  if (!email) return null;
  return loadCaller({ email, name: session.user?.name });
});

/** For pages: the caller, or a redirect to the sign-in page. */
export async function requirePageCaller(): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) redirect("/sign-in");
  return caller;
}
