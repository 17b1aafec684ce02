import { z } from "zod";

import { DATA_CLASSIFICATIONS } from "@/lib/domain/environment";

/** What a new-topic request stores, as checked when it was submitted. */
export const TopicProposalPayload = z.object({
  domainId: z.string(),
  name: z.string(),
  description: z.string(),
  partitions: z.number().int(),
  retentionDays: z.number().int(),
  classification: z.enum(DATA_CLASSIFICATIONS),
});
export type TopicProposalPayload = z.infer<typeof TopicProposalPayload>;

export const AccessProposalPayload = z.object({
  justification: z.string(),
});
export type AccessProposalPayload = z.infer<typeof AccessProposalPayload>;

/** What a revocation request stores: the grant it removes and why. */
export const RevocationPayload = z.object({
  grantId: z.string(),
  role: z.enum(["producer", "consumer"]),
  reason: z.string(),
});
export type RevocationPayload = z.infer<typeof RevocationPayload>;
