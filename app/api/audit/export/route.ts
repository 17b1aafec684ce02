import { assertAllowed } from "@/lib/auth/assert-allowed";
import { ROUTE_POLICIES } from "@/lib/auth/action-policies";
import { getCaller } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/data/audit/list-audit-events";
import { csvRow } from "@/lib/domain/csv";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

const EXPORT_LIMIT = 100_000;

/** Exports the audit events matching the page's filters as CSV, for administrators. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  try {
    const caller = assertAllowed(await getCaller(), ROUTE_POLICIES["GET /api/audit/export"]);
    const events = await listAuditEvents(
      caller,
      {
        action: url.searchParams.get("action") ?? undefined,
        requestId: url.searchParams.get("requestId") ?? undefined,
        actorEmail: url.searchParams.get("actor") ?? undefined,
        from: url.searchParams.get("from") ?? undefined,
        to: url.searchParams.get("to") ?? undefined,
      },
      EXPORT_LIMIT,
    );
    const lines = [
      csvRow(["seq", "at", "action", "actor", "entity_type", "entity_id", "request_id", "before", "after", "hash"]),
      ...events.map((event) =>
        csvRow([event.seq, event.at.toISOString(), event.action, event.actor, event.entityType, event.entityId, event.requestId, event.before, event.after, event.hash]),
      ),
    ];
    logger.info({ userId: caller.userId, rows: events.length }, "audit log exported");
    return new Response(`${lines.join("\r\n")}\r\n`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="onramp-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      },
    });
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: error.code, message: error.message }, { status: error.status });
    logger.error({ err: error }, "audit export failed");
    return Response.json({ error: "internal", message: "The audit log could not be exported." }, { status: 500 });
  }
}
