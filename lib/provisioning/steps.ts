import "server-only";

import type { ClusterPlan } from "@/lib/domain/cluster-plan";
import { topicDifferences } from "@/lib/domain/cluster-plan";
import type { AclBinding } from "@/lib/domain/acl-templates";
import type { ProvisioningStepName } from "@/lib/domain/provisioning";
import { createMissingAcls, deleteAcls } from "@/lib/kafka/acls";
import { getAdmin } from "@/lib/kafka/client";
import { generatePassword, scramUserExists, upsertScramUser } from "@/lib/kafka/scram";
import { setTopicConfigs } from "@/lib/kafka/topic-configs";
import { createTopic, describeTopic } from "@/lib/kafka/topics";

/** A step failure that retrying cannot fix; the job fails at once and undoes its changes. */
export class PermanentStepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentStepError";
  }
}

/** The record each step keeps of its changes on the cluster. */
export interface StepDetails {
  /** `adopted` marks a topic that existed before with the approved settings. */
  topic?: { created: boolean; adopted?: boolean; creating?: boolean };
  topic_configs?: { altered: boolean };
  acls?: { created: AclBinding[] };
  scram_user?: { created: boolean; creating?: boolean };
  revoke_acls?: { deleted: number };
}

export interface StepContext {
  plan: ClusterPlan;
  details: StepDetails;
  /** Returns whether Onramp created the application's Kafka user, in this job or another. */
  userIsManaged: () => Promise<boolean>;
  /** Stores a step's detail before its cluster call, so that a rerun after a crash can read it. */
  saveDetail: (step: ClusterStepName, detail: StepDetails[ClusterStepName]) => Promise<void>;
}

export type ClusterStepName = Exclude<ProvisioningStepName, "record">;

/**
 * The cluster steps. Each reads the cluster first, so running a step again after a crash finds
 * its own earlier work and does not repeat it.
 */
export const CLUSTER_STEPS: Record<ClusterStepName, (context: StepContext) => Promise<StepDetails[ClusterStepName]>> = {
  async topic({ plan, details, saveDetail }) {
    if (!plan.topic) return { created: false };
    const admin = await getAdmin();
    const observed = await describeTopic(admin, plan.topic.name, []);
    let found = observed;
    if (!found) {
      await saveDetail("topic", { created: false, creating: true });
      if (await createTopic(admin, plan.topic)) return { created: true, creating: true };
      // Someone created the topic between the check and the request: judge it like any other.
      await saveDetail("topic", { created: false });
      details.topic = { created: false };
      found = await describeTopic(admin, plan.topic.name, []);
      if (!found) throw new Error(`Topic ${plan.topic.name} was reported as existing but cannot be described.`);
    }
    const differences = topicDifferences({ ...found, configs: {} }, { ...plan.topic, configs: {} });
    if (differences.length > 0) {
      throw new PermanentStepError(
        `Topic ${plan.topic.name} already exists on the cluster with other settings (${differences.join("; ")}). ` +
          "Nothing was changed. Delete or rename it on the cluster, or propose a topic with another name.",
      );
    }
    // A topic made outside Onramp with the approved settings becomes managed, and the request
    // page and the audit log record that. A rerun after a crash finds its own topic the same way.
    const ours = Boolean(details.topic?.creating);
    return { created: ours, creating: ours, adopted: !ours };
  },

  async topic_configs({ plan, details }) {
    if (!plan.topic) return { altered: false };
    const admin = await getAdmin();
    const observed = await describeTopic(admin, plan.topic.name, Object.keys(plan.topic.configs));
    if (!observed) throw new Error(`Topic ${plan.topic.name} disappeared from the cluster during provisioning.`);
    const differences = topicDifferences(observed, plan.topic).filter((difference) => !difference.startsWith("partitions"));
    if (differences.length === 0) return { altered: false };
    if (!details.topic?.created) {
      throw new PermanentStepError(
        `Topic ${plan.topic.name} already exists on the cluster with other settings (${differences.join("; ")}). ` +
          "Nothing was changed. Align its configs on the cluster, or propose a topic with another name.",
      );
    }
    await setTopicConfigs(plan.topic.name, plan.topic.configs);
    return { altered: true };
  },

  async acls({ plan, details }) {
    const created = await createMissingAcls(await getAdmin(), plan.acls);
    return { created: [...(details.acls?.created ?? []), ...created] };
  },

  async revoke_acls({ plan }) {
    // Deleting a binding that is already gone matches nothing, so a rerun is harmless.
    await deleteAcls(await getAdmin(), plan.aclsToRemove);
    return { deleted: plan.aclsToRemove.length };
  },

  async scram_user({ plan, details, userIsManaged, saveDetail }) {
    if (!plan.createUser) return { created: false };
    if (await scramUserExists(plan.scramUser)) {
      // A user that no Onramp job set out to create was made by someone else.
      if (!details.scram_user?.creating && !(await userIsManaged())) {
        throw new PermanentStepError(
          `Kafka user ${plan.scramUser} already exists on the cluster but was not created by Onramp. ` +
            "Register the application under another name, or remove that user from the cluster.",
        );
      }
      return { created: Boolean(details.scram_user?.creating) };
    }
    await saveDetail("scram_user", { created: false, creating: true });
    // Nobody sees this password: the owning team sets its own when it reveals the credential.
    await upsertScramUser(plan.scramUser, generatePassword());
    return { created: true, creating: true };
  },
};
