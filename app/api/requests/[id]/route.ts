import { NextResponse } from "next/server";
import { z } from "zod";

import { assertAllowed } from "@/lib/auth/assert-allowed";
import { ROUTE_POLICIES } from "@/lib/auth/action-policies";
import { getCaller } from "@/lib/auth/session";
import { getProvisioningProgress } from "@/lib/data/requests/get-provisioning-progress";
import { getRequestDetail } from "@/lib/data/requests/get-request-detail";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** Returns the state of one request and its provisioning steps, which its page polls. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  try {
    const caller = assertAllowed(await getCaller(), ROUTE_POLICIES["GET /api/requests/[id]"]);
    if (!z.uuid().safeParse(id).success) throw new AppError("not_found", `Request ${id} was not found.`);
    const detail = await getRequestDetail(caller, id);
    if (!detail) throw new AppError("not_found", `Request ${id} was not found.`);
    return NextResponse.json({
      state: detail.state,
      failureReason: detail.failureReason,
      updatedAt: detail.updatedAt.toISOString(),
      progress: await getProvisioningProgress(id),
    });
  } catch (error) {
    if (error instanceof AppError) {
      return NextResponse.json({ error: error.code, message: error.message }, { status: error.status });
    }
    logger.error({ err: error, requestId: id }, "request status lookup failed");
    return NextResponse.json({ error: "internal", message: "The request state could not be loaded." }, { status: 500 });
  }
}
