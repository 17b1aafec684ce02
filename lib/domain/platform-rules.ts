/**
 * Platform limits that teams cannot change. Administrators change them here, in one place; the
 * values are the defaults of the platform's published onboarding rules.
 */
export const TOPIC_RULES = {
  nameMinLength: 3,
  nameMaxLength: 120,
  defaultPartitions: 3,
  maxPartitions: 48,
  defaultRetentionDays: 7,
  maxRetentionDays: 90,
  /**
   * Words that put an environment into a topic name when they start or end it, which the bus
   * forbids. Words that are also common in business events (test, stage, local) are left out.
   */
  environmentWords: ["dev", "develop", "development", "qa", "uat", "staging", "preprod", "prod", "production", "sandbox"],
  /** Kafka's own internal topics, compared without their leading underscores. */
  reservedNames: ["consumer_offsets", "transaction_state", "cluster_metadata", "share_group_state"],
} as const;

export const APPLICATION_RULES = {
  nameMinLength: 3,
  nameMaxLength: 64,
  /**
   * Kafka user names that belong to the cluster's operators. The configured admin user is
   * rejected as well; other existing users are caught when provisioning finds them.
   */
  reservedNames: ["admin", "administrator", "anonymous", "broker", "controller", "kafka", "onramp", "root", "superuser"],
} as const;

export const TEAM_RULES = {
  nameMinLength: 3,
  nameMaxLength: 80,
} as const;

export const DESCRIPTION_MAX_LENGTH = 2000;
export const COMMENT_MAX_LENGTH = 2000;

export const MS_PER_DAY = 24 * 60 * 60 * 1000;
