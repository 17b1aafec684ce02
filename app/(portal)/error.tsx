"use client";

/** Shown when a page fails unexpectedly; the server log has the details under the digest. */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="max-w-xl space-y-3 rounded-md bg-red-50 p-4 text-sm text-red-900">
      <p>This page could not be loaded. Nothing was changed.</p>
      {error.digest ? <p className="text-xs">Reference for the platform team: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="rounded border border-red-300 bg-white px-3 py-1">
        Try again
      </button>
    </div>
  );
}
