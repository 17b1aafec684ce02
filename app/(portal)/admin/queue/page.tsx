import { redirect } from "next/navigation";

/** The queue moved to /queue, which administrators and topic owners share. */
export default function AdminQueuePage() {
  redirect("/queue");
}
