"use server";

import { signIn, signOut } from "@/lib/auth/auth";

export async function devSignInAction(formData: FormData): Promise<void> {
  await signIn("dev", { email: String(formData.get("email") ?? ""), redirectTo: "/" });
}

export async function oidcSignInAction(): Promise<void> {
  await signIn("oidc", { redirectTo: "/" });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
