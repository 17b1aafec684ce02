import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-sm">This page does not exist, or what it showed was removed.</p>
      <Link href="/" className="text-blue-700 underline">
        Back to the start page
      </Link>
    </div>
  );
}
