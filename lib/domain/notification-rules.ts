import { REVIEW_STEP_LABELS, type ReviewStep } from "./review-steps";

/** Something that happened to a request and may concern other people. */
export type RequestEvent =
  | { kind: "submitted"; firstStep: ReviewStep | null }
  | { kind: "resubmitted"; firstStep: ReviewStep | null }
  | { kind: "step_approved"; step: ReviewStep; nextStep: ReviewStep }
  | { kind: "approved" }
  | { kind: "rejected" }
  | { kind: "changes_requested" }
  | { kind: "cancelled"; waitingStep: ReviewStep | null }
  | { kind: "commented"; waitingStep: ReviewStep | null }
  | { kind: "provisioned" }
  | { kind: "provisioning_failed" }
  | { kind: "revoked" };

/** Who a notification goes to, resolved to people by the data layer. */
export type Audience = "requester_team" | "topic_owner_team" | "platform_admins";

export interface NotificationRule {
  audience: Audience;
  message: string;
}

function reviewers(step: ReviewStep | null): Audience | null {
  if (step === "owner") return "topic_owner_team";
  if (step === "platform") return "platform_admins";
  return null;
}

/**
 * Decides who is told about a request event. The rule, in words:
 * - the requesting team hears of every decision, comment and provisioning outcome, and the
 *   reviewers a request waits for hear of its comments;
 * - whoever must act next (the topic's owning team, or the platform administrators) hears when
 *   a request reaches their step, and when one that waited for them is cancelled;
 * - administrators also hear when provisioning fails, because they retry it;
 * - the topic's owning team hears when access to its topic is granted or revoked.
 * The person who caused the event is never told about it; the data layer drops them.
 */
export function notificationRules(event: RequestEvent, subject: string): NotificationRule[] {
  const rules: NotificationRule[] = [];
  const add = (audience: Audience | null, message: string) => {
    if (audience) rules.push({ audience, message });
  };

  switch (event.kind) {
    case "submitted":
    case "resubmitted":
      add(reviewers(event.firstStep), `${subject} ${event.kind === "submitted" ? "waits" : "was resubmitted and waits"} for your review.`);
      break;
    case "step_approved":
      add("requester_team", `${subject} was approved by ${REVIEW_STEP_LABELS[event.step]}; it now waits for ${REVIEW_STEP_LABELS[event.nextStep]}.`);
      add(reviewers(event.nextStep), `${subject} waits for your review.`);
      break;
    case "approved":
      add("requester_team", `${subject} was approved; provisioning has started.`);
      break;
    case "rejected":
      add("requester_team", `${subject} was rejected; see the reviewer's reason.`);
      break;
    case "changes_requested":
      add("requester_team", `${subject} needs changes before it can be approved.`);
      break;
    case "cancelled":
      add(reviewers(event.waitingStep), `${subject} was cancelled by the requester.`);
      break;
    case "commented":
      add("requester_team", `New comment on ${subject}.`);
      add(reviewers(event.waitingStep), `New comment on ${subject}.`);
      break;
    case "provisioned":
      add("requester_team", `${subject} is live on the cluster.`);
      add("topic_owner_team", `${subject} is live on the cluster.`);
      break;
    case "provisioning_failed":
      add("requester_team", `Provisioning of ${subject} failed; an administrator can retry it.`);
      add("platform_admins", `Provisioning of ${subject} failed and needs a retry or a fix.`);
      break;
    case "revoked":
      add("requester_team", `${subject}: access was revoked.`);
      add("topic_owner_team", `${subject}: access was revoked.`);
      break;
  }
  return rules;
}
