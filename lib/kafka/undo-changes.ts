import "server-only";

import type { AclBinding } from "@/lib/domain/acl-templates";
import { logger } from "@/lib/logger";

import { deleteAcls } from "./acls";
import { getAdmin } from "./client";
import { deleteScramUser } from "./scram";
import { deleteTopic } from "./topics";

/** The resources one provisioning job created on the cluster, so that it can undo exactly those. */
export interface CreatedResources {
  createdTopic: string | null;
  createdAcls: AclBinding[];
  createdUser: string | null;
}

/**
 * Removes what a job created, newest first. Each failure is logged and the rest still runs;
 * returns what could not be removed.
 */
export async function undoChanges(applied: CreatedResources, ids: { requestId: string }): Promise<string[]> {
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

  const leftovers: string[] = [];
  for (const [description, step] of steps) {
    try {
      await step();
      log.info({ step: description }, "undid provisioning change");
    } catch (error) {
      log.error({ err: error, step: description }, "could not undo provisioning change");
      leftovers.push(description);
    }
  }
  return leftovers;
}
