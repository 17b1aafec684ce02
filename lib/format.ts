/** Formats a time as "2026-12-04 15:37 UTC", the same on the server and in the browser. */
export function formatUtc(time: Date | string): string {
  const iso = typeof time === "string" ? time : time.toISOString();
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
