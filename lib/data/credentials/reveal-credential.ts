import "server-only";

import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";

import { applications, credentials } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { bootstrapServers, config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { resourcePrefixFor } from "@/lib/domain/acl-templates";
import { AppError, notFound } from "@/lib/errors";
import { generatePassword, SCRAM_MECHANISM_NAME, upsertScramUser } from "@/lib/kafka/scram";
import { logger } from "@/lib/logger";

import { recordAuditEvent } from "../audit/record-audit-event";

export interface RevealedCredential {
  username: string;
  password: string;
  mechanism: string;
  securityProtocol: "SASL_SSL" | "SASL_PLAINTEXT";
  bootstrapServers: string[];
  consumerGroupPrefix: string;
}

/**
 * Sets a fresh password on the application's Kafka user and returns it, once. The first reveal
 * marks the credential as shown before the cluster call, so two clicks cannot both get a
 * password; if the cluster call fails, the mark is removed and the team can try again.
 */
export async function revealCredential(caller: Caller, applicationId: string): Promise<RevealedCredential> {
  const db = await getDb();
  const environment = config().ONRAMP_ENVIRONMENT;

  const [application] = await db
    .select({ id: applications.id, teamId: applications.teamId, name: applications.name })
    .from(applications)
    .where(eq(applications.id, applicationId));
  if (!application) throw notFound("Application", applicationId);
  assertAllowed(caller, "credential.reveal", { teamId: application.teamId });

  const [claimed] = await db
    .update(credentials)
    .set({ revealedAt: sql`now()`, revealedBy: caller.userId })
    .where(
      and(
        eq(credentials.applicationId, applicationId),
        eq(credentials.environment, environment),
        isNotNull(credentials.readyAt),
        isNull(credentials.revealedAt),
      ),
    )
    .returning({ id: credentials.id, username: credentials.username });
  if (!claimed) {
    const [existing] = await db
      .select({ readyAt: credentials.readyAt, revealedAt: credentials.revealedAt })
      .from(credentials)
      .where(and(eq(credentials.applicationId, applicationId), eq(credentials.environment, environment)));
    if (existing?.revealedAt) {
      throw new AppError(
        "conflict",
        `The password for ${application.name} was already shown on ${existing.revealedAt.toISOString()}, and Onramp does not keep it. Password rotation is not available yet; contact the platform team.`,
      );
    }
    throw new AppError(
      "conflict",
      existing
        ? `The Kafka user for ${application.name} is still being provisioned; show its password once its request is provisioned.`
        : `${application.name} has no Kafka credential yet; it gets one when its first request is provisioned.`,
    );
  }

  const password = generatePassword();
  try {
    await upsertScramUser(claimed.username, password);
  } catch (error) {
    logger.error({ err: error, applicationId, credentialId: claimed.id }, "setting the credential password failed");
    await db
      .update(credentials)
      .set({ revealedAt: null, revealedBy: null })
      .where(eq(credentials.id, claimed.id));
    throw new AppError("cluster_unavailable", "The Kafka cluster could not set the password; try again in a minute.", {
      cause: error,
    });
  }

  // The password is set on the cluster now and exists nowhere else, so a failing audit write
  // must not keep it from the team. The failure is logged for the platform team instead.
  await recordAuditEvent(db, {
    actorId: caller.userId,
    action: "credential.revealed",
    entityType: "credential",
    entityId: claimed.id,
    after: { username: claimed.username, environment },
  }).catch((error: unknown) => {
    logger.error({ err: error, applicationId, credentialId: claimed.id }, "audit event for a revealed credential could not be written");
  });
  logger.info({ applicationId, credentialId: claimed.id, userId: caller.userId }, "credential revealed");

  return {
    username: claimed.username,
    password,
    mechanism: SCRAM_MECHANISM_NAME,
    securityProtocol: config().KAFKA_TLS ? "SASL_SSL" : "SASL_PLAINTEXT",
    bootstrapServers: bootstrapServers(),
    consumerGroupPrefix: resourcePrefixFor(claimed.username),
  };
}
