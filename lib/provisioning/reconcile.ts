import "server-only";

import { and, eq, isNotNull, isNull } from "drizzle-orm";

import { aclBindings, credentials, grants, topics } from "@/db/schema";
import { config, environmentSettings } from "@/lib/config";
import { bindingOf } from "@/lib/data/acl-binding-row";
import { recordAuditEvent } from "@/lib/data/audit/record-audit-event";
import { getDb, type Queryable } from "@/lib/db";
import { topicConfigsFor, type PlannedTopic } from "@/lib/domain/cluster-plan";
import { computeDrift, describeDrift, isRepairable, type DesiredState, type DriftItem } from "@/lib/domain/drift";
import { createMissingAcls, deleteAcls } from "@/lib/kafka/acls";
import { getAdmin } from "@/lib/kafka/client";
import { describeClusterError } from "@/lib/kafka/errors";
import { observeCluster } from "@/lib/kafka/observe-cluster";
import { generatePassword, upsertScramUser } from "@/lib/kafka/scram";
import { setTopicConfigs } from "@/lib/kafka/topic-configs";
import { createTopic } from "@/lib/kafka/topics";
import { logger } from "@/lib/logger";

/** Reads the desired state from the database: live topics, grants' ACLs and credentials. */
export async function loadDesiredState(db: Queryable): Promise<DesiredState> {
  const environment = environmentSettings();
  const topicRows = await db
    .select({
      name: topics.name,
      partitions: topics.partitions,
      retentionDays: topics.retentionDays,
      provisionedAt: topics.provisionedAt,
    })
    .from(topics)
    .where(eq(topics.environment, environment.name));

  const live = topicRows.filter((row) => row.provisionedAt !== null);
  const desiredTopics: PlannedTopic[] = live.map((row) => ({
    name: row.name,
    partitions: row.partitions,
    replicationFactor: environment.replicationFactor,
    configs: topicConfigsFor(row, environment),
  }));

  const bindingRows = await db
    .select({ binding: aclBindings, activatedAt: grants.activatedAt })
    .from(aclBindings)
    .innerJoin(grants, eq(grants.id, aclBindings.grantId))
    .where(isNull(grants.revokedAt));
  const users = await db
    .select({ username: credentials.username })
    .from(credentials)
    .where(and(eq(credentials.environment, environment.name), isNotNull(credentials.readyAt)));

  return {
    topics: desiredTopics,
    acls: bindingRows.filter((row) => row.activatedAt !== null).map((row) => bindingOf(row.binding)),
    users: users.map((row) => row.username),
    inFlightTopics: topicRows.filter((row) => row.provisionedAt === null).map((row) => row.name),
    inFlightAcls: bindingRows.filter((row) => row.activatedAt === null).map((row) => bindingOf(row.binding)),
  };
}

export interface ReconcileResult {
  items: DriftItem[];
  applied: Array<{ item: DriftItem; error: string | null }>;
}

/**
 * Compares the database with the cluster and, unless `dryRun`, repairs the drift in what Onramp
 * manages. Unmanaged topics and principals are only listed.
 */
export async function reconcile(options: {
  dryRun: boolean;
  actorId: string | null;
  /** Repairs only the items with these descriptions, for example those an administrator saw. */
  only?: ReadonlySet<string>;
}): Promise<ReconcileResult> {
  const db = await getDb();
  const admin = await getAdmin();
  // The cluster is read first: a job writes its rows before it changes the cluster, so desired
  // state read afterwards covers every change the observation can contain.
  const before = await loadDesiredState(db);
  const configNames = [...new Set(before.topics.flatMap((topic) => Object.keys(topic.configs)))];
  const observed = await observeCluster(admin, { configTopics: before.topics.map((topic) => topic.name), configNames });
  const desired = await loadDesiredState(db);
  const items = computeDrift(desired, observed);
  logger.info({ items: items.length, dryRun: options.dryRun }, "drift computed");

  if (options.dryRun) return { items, applied: [] };

  const applied: ReconcileResult["applied"] = [];
  const chosen = items.filter((item) => isRepairable(item) && (!options.only || options.only.has(describeDrift(item))));
  for (const item of chosen) {
    try {
      await repair(item);
      applied.push({ item, error: null });
    } catch (error) {
      logger.error({ err: error, drift: describeDrift(item) }, "drift repair failed");
      applied.push({ item, error: describeClusterError(error) });
    }
  }

  if (applied.length > 0) {
    await recordAuditEvent(db, {
      actorId: options.actorId,
      action: "cluster.reconciled",
      entityType: "cluster",
      entityId: config().ONRAMP_ENVIRONMENT,
      after: { repairs: applied.map(({ item, error }) => ({ drift: describeDrift(item), error })) },
    });
  }
  logger.info({ repaired: applied.filter((entry) => !entry.error).length, failed: applied.filter((entry) => entry.error).length }, "drift repaired");
  return { items, applied };
}

async function repair(item: DriftItem): Promise<void> {
  const admin = await getAdmin();
  switch (item.kind) {
    case "missing_topic":
      await createTopic(admin, item.topic);
      return;
    case "partitions_differ":
      await admin.createPartitions({ topicPartitions: [{ topic: item.topic, count: item.expected }] });
      return;
    case "config_differs":
      await setTopicConfigs(item.topic, { [item.config]: item.expected });
      return;
    case "missing_acl":
      await createMissingAcls(admin, [item.binding]);
      return;
    case "extra_acl":
      await deleteAcls(admin, [item.binding]);
      return;
    case "missing_user": {
      await upsertScramUser(item.username, generatePassword());
      // Nobody knows the new password, so the team may reveal one again.
      const db = await getDb();
      await db
        .update(credentials)
        .set({ revealedAt: null, revealedBy: null })
        .where(and(eq(credentials.username, item.username), isNotNull(credentials.revealedAt)));
      return;
    }
    default:
      return;
  }
}
