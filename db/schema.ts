import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { DATA_CLASSIFICATIONS } from "../lib/domain/environment";
import { REQUEST_STATES, REQUEST_TYPES } from "../lib/domain/request-states";
import { APPLICATION_KINDS } from "../lib/domain/schemas";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const teamRole = pgEnum("team_role", ["owner", "member"]);
export const applicationKind = pgEnum("application_kind", APPLICATION_KINDS);
export const dataClassification = pgEnum("data_classification", DATA_CLASSIFICATIONS);
export const requestType = pgEnum("request_type", REQUEST_TYPES);
export const requestState = pgEnum("request_state", REQUEST_STATES);
export const grantRole = pgEnum("grant_role", ["producer", "consumer"]);
export const reviewStep = pgEnum("review_step", ["owner", "platform"]);
export const commentKind = pgEnum("comment_kind", [
  "comment",
  "submitted",
  "approved",
  "rejected",
  "changes_requested",
  "resubmitted",
  "cancelled",
]);
export const jobState = pgEnum("job_state", ["queued", "running", "succeeded", "failed"]);
export const stepState = pgEnum("step_state", ["pending", "running", "done", "failed"]);

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const teams = pgTable("teams", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: teamRole("role").notNull().default("member"),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.teamId, table.userId] }),
    index("team_members_user_idx").on(table.userId),
  ],
);

export const domains = pgTable("domains", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  description: text("description").notNull(),
  createdAt: createdAt(),
});

/** An application is the Kafka principal: its name is the SCRAM user name and ACL principal. */
export const applications = pgTable("applications", {
  id: uuid("id").primaryKey().defaultRandom(),
  teamId: uuid("team_id")
    .notNull()
    .references(() => teams.id),
  name: text("name").notNull().unique(),
  kind: applicationKind("kind").notNull(),
  description: text("description").notNull(),
  transactional: boolean("transactional").notNull().default(false),
  createdAt: createdAt(),
});

/**
 * Topics that an approval made part of the desired state; `provisionedAt` is set once the
 * cluster has them, and only then does the catalog list them. `nameKey` is the name with "."
 * read as "_", unique so that two topics can never collide in Kafka's metric names.
 */
export const topics = pgTable(
  "topics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull().unique(),
    nameKey: text("name_key").notNull(),
    environment: text("environment").notNull(),
    domainId: uuid("domain_id")
      .notNull()
      .references(() => domains.id),
    ownerTeamId: uuid("owner_team_id")
      .notNull()
      .references(() => teams.id),
    description: text("description").notNull(),
    partitions: integer("partitions").notNull(),
    retentionDays: integer("retention_days").notNull(),
    classification: dataClassification("classification").notNull(),
    provisionedAt: timestamp("provisioned_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("topics_name_key_idx").on(table.nameKey),
    check("topics_partitions_positive", sql`${table.partitions} > 0`),
    check("topics_retention_positive", sql`${table.retentionDays} > 0`),
  ],
);

export const requests = pgTable(
  "requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: requestType("type").notNull(),
    state: requestState("state").notNull().default("submitted"),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    /** Topic name the request creates or requests access to; for new topics, unique while open. */
    topicName: text("topic_name").notNull(),
    topicNameKey: text("topic_name_key").notNull(),
    /** The proposal as submitted: TopicProposal for new topics, AccessProposal for access. */
    payload: jsonb("payload").notNull(),
    /** Grows by one at each resubmission; `request_revisions` keeps every version's payload. */
    version: integer("version").notNull().default(1),
    /** The review step the request waits at while it is submitted. */
    reviewStep: reviewStep("review_step"),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewComment: text("review_comment"),
    failureReason: text("failure_reason"),
    provisionedAt: timestamp("provisioned_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("requests_state_idx").on(table.state, table.createdAt),
    index("requests_team_idx").on(table.teamId),
    // One open proposal per topic name: two teams cannot race for the same name.
    uniqueIndex("requests_open_topic_name_idx")
      .on(table.topicNameKey)
      .where(sql`${table.type} = 'new_topic' and ${table.state} not in ('rejected', 'failed', 'cancelled')`),
  ],
);

export const grants = pgTable(
  "grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    topicId: uuid("topic_id")
      .notNull()
      .references(() => topics.id),
    role: grantRole("role").notNull(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    /** Set when provisioning finished; until then the grant is desired but not yet applied. */
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    /** Set when a revocation was approved; its ACLs are then removed from the desired state. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revocationRequestId: uuid("revocation_request_id"),
    createdAt: createdAt(),
  },
  (table) => [
    // One live grant per application, topic and role; revoked ones stay as history.
    uniqueIndex("grants_unique_idx")
      .on(table.applicationId, table.topicId, table.role)
      .where(sql`${table.revokedAt} is null`),
  ],
);

/** Each ACL binding Onramp created on the cluster, so that nothing it made goes unrecorded. */
export const aclBindings = pgTable(
  "acl_bindings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grants.id, { onDelete: "cascade" }),
    principal: text("principal").notNull(),
    resourceType: text("resource_type").notNull(),
    resourceName: text("resource_name").notNull(),
    patternType: text("pattern_type").notNull(),
    operation: text("operation").notNull(),
    permission: text("permission").notNull(),
    host: text("host").notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    // Per grant: a producer-and-consumer application needs DESCRIBE on a topic for both grants.
    uniqueIndex("acl_bindings_unique_idx").on(
      table.grantId,
      table.principal,
      table.resourceType,
      table.patternType,
      table.resourceName,
      table.operation,
      table.permission,
      table.host,
    ),
  ],
);

/**
 * One SCRAM user per application and environment. Onramp never stores the password: the first
 * reveal sets a fresh one on the cluster and shows it once. `readyAt` is set when a provisioning
 * job has created the user; until then nobody may reveal it, and the reconciler does not treat
 * the user as managed.
 */
export const credentials = pgTable(
  "credentials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    environment: text("environment").notNull(),
    username: text("username").notNull(),
    mechanism: text("mechanism").notNull(),
    readyAt: timestamp("ready_at", { withTimezone: true }),
    revealedAt: timestamp("revealed_at", { withTimezone: true }),
    revealedBy: uuid("revealed_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("credentials_application_env_idx").on(table.applicationId, table.environment),
  ],
);

/**
 * Append-only log of every change. Each event stores the hash of the one before it, so that an
 * edited or deleted row breaks the chain that `npm run audit:verify` checks.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigint("seq", { mode: "number" }).notNull().unique(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    requestId: uuid("request_id").references(() => requests.id),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    prevHash: text("prev_hash"),
    hash: text("hash").notNull(),
  },
  (table) => [
    index("audit_events_request_idx").on(table.requestId),
    index("audit_events_action_idx").on(table.action, table.at),
  ],
);

/** The conversation on a request: comments, and each decision with its comment. */
export const requestComments = pgTable(
  "request_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    kind: commentKind("kind").notNull(),
    /** The review step a decision was made at. */
    step: reviewStep("step"),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("request_comments_request_idx").on(table.requestId, table.createdAt)],
);

/** Every submitted version of a request's payload, to show reviewers what changed. */
export const requestRevisions = pgTable(
  "request_revisions",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    version: integer("version").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.requestId, table.version] })],
);

/** In-app notifications; who gets which is decided in lib/domain/notification-rules.ts. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    requestId: uuid("request_id").references(() => requests.id),
    message: text("message").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("notifications_user_idx").on(table.userId, table.readAt)],
);

/**
 * The durable record of applying one approved request to the cluster. Workers claim a job with
 * `FOR UPDATE SKIP LOCKED` and hold it for a lease; a job whose lease ran out is claimed again,
 * so a worker that dies mid-job never strands it.
 */
export const provisioningJobs = pgTable(
  "provisioning_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    state: jobState("state").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text("locked_by"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    /** Whether approving created the credential row, which a failed job then removes. */
    createdCredential: boolean("created_credential").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    // One job per request, so two approvals racing can never queue the work twice.
    uniqueIndex("provisioning_jobs_request_idx").on(table.requestId),
    index("provisioning_jobs_claim_idx").on(table.state, table.runAfter),
  ],
);

export const provisioningSteps = pgTable(
  "provisioning_steps",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => provisioningJobs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    state: stepState("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
    lastError: text("last_error"),
    /** The step's record of its changes on the cluster, so that a failed job undoes exactly those. */
    detail: jsonb("detail"),
  },
  (table) => [primaryKey({ columns: [table.jobId, table.name] })],
);
