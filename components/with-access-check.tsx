import { AppError } from "@/lib/errors";

/**
 * Renders a page's content, or the reason when the policy refuses the caller. Other errors go to
 * the error page.
 */
export async function withAccessCheck(render: () => Promise<React.ReactNode>): Promise<React.ReactNode> {
  try {
    return await render();
  } catch (error) {
    if (error instanceof AppError && (error.code === "forbidden" || error.code === "unauthenticated")) {
      return (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {error.message}
        </p>
      );
    }
    throw error;
  }
}
