import "server-only";

import { pbkdf2, randomBytes } from "node:crypto";
import { promisify } from "node:util";

import {
  alterUserScramCredentialsV0,
  describeUserScramCredentialsV0,
  ResponseError,
  ScramMechanisms,
} from "@platformatic/kafka";

import { logger } from "@/lib/logger";

import { withAdminConnection } from "./protocol-connection";

const pbkdf2Async = promisify(pbkdf2);

/** SCRAM iterations for new credentials; Kafka accepts 4096 to 16384. */
const SCRAM_ITERATIONS = 8192;
/** Kafka's RESOURCE_NOT_FOUND error code, returned when a user has no SCRAM credential. */
const RESOURCE_NOT_FOUND = 91;

export const SCRAM_MECHANISM_NAME = "SCRAM-SHA-512";

/** Generates a password with 192 random bits, in characters that need no quoting in configs. */
export function generatePassword(): string {
  return randomBytes(24).toString("base64url");
}

/** Returns whether the user has a SCRAM-SHA-512 credential on the cluster. */
export async function scramUserExists(username: string): Promise<boolean> {
  return withAdminConnection(async (connection) => {
    try {
      const response = await describeUserScramCredentialsV0.api.async(connection, [{ name: username }]);
      return hasSha512(response.results.find((result) => result.user === username));
    } catch (error) {
      // The library raises for any per-user error, a missing user included.
      if (error instanceof ResponseError && isDescribeResponse(error.response)) {
        const result = error.response.results.find((entry) => entry.user === username);
        if (result?.errorCode === RESOURCE_NOT_FOUND) return false;
      }
      throw error;
    }
  });
}

type DescribeResponse = Awaited<ReturnType<typeof describeUserScramCredentialsV0.api.async>>;

function isDescribeResponse(value: unknown): value is DescribeResponse {
  return typeof value === "object" && value !== null && Array.isArray((value as DescribeResponse).results);
}

function hasSha512(result: DescribeResponse["results"][number] | undefined): boolean {
  return (
    result?.errorCode === 0 &&
    result.credentialInfos.some((info) => info.mechanism === ScramMechanisms.SCRAM_SHA_512)
  );
}

/**
 * Sets the user's SCRAM-SHA-512 password, creating the user if needed. Only the salted password
 * leaves this process; Kafka derives and keeps the stored and server keys.
 */
export async function upsertScramUser(username: string, password: string): Promise<void> {
  const salt = randomBytes(32);
  const saltedPassword = await pbkdf2Async(password, salt, SCRAM_ITERATIONS, 64, "sha512");
  await withAdminConnection((connection) =>
    alterUserScramCredentialsV0.api.async(connection, [], [
      {
        name: username,
        mechanism: ScramMechanisms.SCRAM_SHA_512,
        iterations: SCRAM_ITERATIONS,
        salt,
        saltedPassword,
      },
    ]),
  );
  logger.info({ username, mechanism: SCRAM_MECHANISM_NAME }, "scram credential set");
}

/** Lists every user with a SCRAM-SHA-512 credential on the cluster. */
export async function listScramUsers(): Promise<string[]> {
  return withAdminConnection(async (connection) => {
    // A null user list asks the broker for all users.
    const response = await describeUserScramCredentialsV0.api.async(
      connection,
      null as unknown as Array<{ name: string }>,
    );
    return response.results.filter((result) => hasSha512(result)).map((result) => result.user);
  });
}

/** Removes the user's SCRAM-SHA-512 credential; a user without one is left as it is. */
export async function deleteScramUser(username: string): Promise<void> {
  if (!(await scramUserExists(username))) return;
  await withAdminConnection((connection) =>
    alterUserScramCredentialsV0.api.async(
      connection,
      [{ name: username, mechanism: ScramMechanisms.SCRAM_SHA_512 }],
      [],
    ),
  );
  logger.info({ username }, "scram credential deleted");
}
