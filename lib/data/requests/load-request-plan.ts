import "server-only";

import { eq } from "drizzle-orm";

import { applications, requests } from "@/db/schema";
import { environmentSettings } from "@/lib/config";
import type { Queryable } from "@/lib/db";
import { planConsumerAccess, planNewTopic, type ClusterPlan } from "@/lib/domain/cluster-plan";
import { notFound } from "@/lib/errors";

import { TopicProposalPayload } from "./payloads";

export type RequestRow = typeof requests.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;

/** Computes the cluster changes a request makes, with the same code that provisioning uses. */
export function planForRequest(request: RequestRow, application: ApplicationRow): ClusterPlan {
  if (request.type === "new_topic") {
    const proposal = TopicProposalPayload.parse(request.payload);
    return planNewTopic({
      topic: proposal,
      producerApplication: application.name,
      transactional: application.transactional,
      environment: environmentSettings(),
    });
  }
  return planConsumerAccess({ topic: request.topicName, consumerApplication: application.name });
}

export async function loadRequestPlan(
  db: Queryable,
  requestId: string,
): Promise<{ request: RequestRow; application: ApplicationRow; plan: ClusterPlan }> {
  const [row] = await db
    .select({ request: requests, application: applications })
    .from(requests)
    .innerJoin(applications, eq(applications.id, requests.applicationId))
    .where(eq(requests.id, requestId));
  if (!row) throw notFound("Request", requestId);
  return { ...row, plan: planForRequest(row.request, row.application) };
}
