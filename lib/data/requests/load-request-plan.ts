import "server-only";

import { and, eq, isNull, ne } from "drizzle-orm";

import { aclBindings, applications, grants, requests } from "@/db/schema";
import { environmentSettings } from "@/lib/config";
import type { Queryable } from "@/lib/db";
import { planConsumerAccess, planNewTopic, planRevocation, type ClusterPlan } from "@/lib/domain/cluster-plan";
import { notFound } from "@/lib/errors";

import { bindingOf } from "../acl-binding-row";
import { RevocationPayload, TopicProposalPayload } from "./payloads";

export type RequestRow = typeof requests.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;

/**
 * Computes the cluster changes a request makes, with the same code that provisioning uses, so
 * the review screen shows exactly what a job will do.
 */
export async function planForRequest(db: Queryable, request: RequestRow, application: ApplicationRow): Promise<ClusterPlan> {
  if (request.type === "new_topic") {
    const proposal = TopicProposalPayload.parse(request.payload);
    return planNewTopic({
      topic: proposal,
      producerApplication: application.name,
      transactional: application.transactional,
      environment: environmentSettings(),
    });
  }
  if (request.type === "topic_access") {
    return planConsumerAccess({ topic: request.topicName, consumerApplication: application.name });
  }

  const revocation = RevocationPayload.parse(request.payload);
  const stillNeeded = await db
    .select({ binding: aclBindings })
    .from(aclBindings)
    .innerJoin(grants, eq(grants.id, aclBindings.grantId))
    .where(
      and(
        eq(grants.applicationId, application.id),
        ne(grants.id, revocation.grantId),
        // Grants still being provisioned need their bindings too.
        isNull(grants.revokedAt),
      ),
    );
  return planRevocation({
    application: application.name,
    topic: request.topicName,
    role: revocation.role,
    transactional: application.transactional,
    stillNeeded: stillNeeded.map(({ binding }) => bindingOf(binding)),
  });
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
  return { ...row, plan: await planForRequest(db, row.request, row.application) };
}
