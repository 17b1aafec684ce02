"use client";

import { useFormStatus } from "react-dom";

export function SubmitButton({
  children,
  pendingLabel,
  name,
  value,
  variant = "primary",
}: {
  children: React.ReactNode;
  pendingLabel: string;
  name?: string;
  value?: string;
  variant?: "primary" | "danger" | "secondary";
}) {
  const { pending } = useFormStatus();
  const colours = {
    primary: "bg-blue-700 text-white hover:bg-blue-800",
    danger: "bg-red-700 text-white hover:bg-red-800",
    secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-50",
  }[variant];

  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${colours}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
