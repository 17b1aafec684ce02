import "server-only";

import { topicDifferences, type ClusterPlan } from "@/lib/domain/cluster-plan";
import { logger } from "@/lib/logger";

import { createMissingAcls, deleteAcls } from "./acls";
import { getAdmin, resetAdmin } from "./client";
import { deleteScramUser, generatePassword, scramUserExists, upsertScramUser } from "./scram";
import { createTopic, deleteTopic, describeTopic } from "./topics";

/** What one run of a plan changed on the cluster, so that it can be undone exactly. */
export interface AppliedChanges {
  createdTopic: string | null;
  createdAcls: ClusterPlan["acls"];
  createdUser: string | null;
}

/** A plan that could not be applied. The message is written for the people reviewing it. */
export class ProvisioningError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ProvisioningError";
  }
}

/** Connection failures from kafkajs and @platformatic/kafka, as opposed to broker rejections. */
function isUnreachable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|KafkaJSConnectionError|NetworkError|Connection (closed|timeout|error)/i.test(
    text,
  );
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Applies a plan: the topic (an existing one must already match), then the ACLs the cluster
 * lacks, then the SCRAM user if it has none. A user that exists but that Onramp does not
 * manage fails the plan. A new user gets a random password that nobody
 * sees; the owning team sets its own by revealing the credential.
 *
 * On failure it undoes what this run created and throws a ProvisioningError, so the cluster is
 * left as it was found.
 */
export async function applyPlan(
  plan: ClusterPlan,
  options: { requestId: string; userIsManaged: boolean },
): Promise<AppliedChanges> {
  const ids = { requestId: options.requestId };
  const log = logger.child(ids);
  const applied: AppliedChanges = { createdTopic: null, createdAcls: [], createdUser: null };

  try {
    const admin = await getAdmin().catch((error: unknown) => {
      throw new ProvisioningError(`The Kafka cluster could not be reached: ${describeError(error)}`, {
        cause: error,
      });
    });

    const userExists = await scramUserExists(plan.scramUser);
    if (userExists && !options.userIsManaged) {
      // Taking over a user that someone else created would later reset its password.
      throw new ProvisioningError(
        `Kafka user ${plan.scramUser} already exists on the cluster but was not created by Onramp. Register the application under another name, or remove that user from the cluster.`,
      );
    }

    if (plan.topic) {
      const observed = await describeTopic(admin, plan.topic.name, Object.keys(plan.topic.configs));
      if (observed) {
        const differences = topicDifferences(observed, plan.topic);
        if (differences.length > 0) {
          throw new ProvisioningError(
            `Topic ${plan.topic.name} already exists on the cluster with other settings (${differences.join(
              "; ",
            )}). Delete or rename it on the cluster, or propose a topic with another name.`,
          );
        }
        log.info({ topic: plan.topic.name }, "topic already exists with the approved settings");
      } else {
        await createTopic(admin, plan.topic);
        applied.createdTopic = plan.topic.name;
        log.info({ topic: plan.topic.name, partitions: plan.topic.partitions }, "topic created");
      }
    }

    applied.createdAcls = await createMissingAcls(admin, plan.acls);
    log.info({ created: applied.createdAcls.length, planned: plan.acls.length }, "acls applied");

    if (!userExists) {
      await upsertScramUser(plan.scramUser, generatePassword());
      applied.createdUser = plan.scramUser;
    }
    return applied;
  } catch (error) {
    log.error({ err: error }, "provisioning failed, undoing this run's changes");
    await undoChanges(applied, ids);
    if (error instanceof ProvisioningError) throw error;
    await resetAdmin();
    const message = isUnreachable(error)
      ? `The Kafka cluster could not be reached: ${describeError(error)}`
      : `The cluster rejected the change: ${describeError(error)}`;
    throw new ProvisioningError(message, { cause: error });
  }
}

/** Removes what a run created, newest first. Each failure is logged and the rest still runs. */
export async function undoChanges(applied: AppliedChanges, ids: { requestId: string }): Promise<void> {
  const log = logger.child({ requestId: ids.requestId });
  const steps: Array<[string, () => Promise<void>]> = [];

  if (applied.createdUser) {
    const username = applied.createdUser;
    steps.push([`delete scram user ${username}`, () => deleteScramUser(username)]);
  }
  if (applied.createdAcls.length > 0) {
    steps.push([
      `delete ${applied.createdAcls.length} acls`,
      async () => deleteAcls(await getAdmin(), applied.createdAcls),
    ]);
  }
  if (applied.createdTopic) {
    const topic = applied.createdTopic;
    steps.push([`delete topic ${topic}`, async () => deleteTopic(await getAdmin(), topic)]);
  }

  for (const [description, step] of steps) {
    try {
      await step();
      log.info({ step: description }, "undid provisioning change");
    } catch (error) {
      log.error({ err: error, step: description }, "could not undo provisioning change");
    }
  }
}
