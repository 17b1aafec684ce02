import { APPLICATION_RULES, TOPIC_RULES } from "./platform-rules";

/** The first rule a proposed name breaks, as a message for the person who typed it, or null. */
export type NameProblem = string | null;

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Checks a proposed topic name against the bus's naming rules: lower snake_case, 3 to 120
 * characters, no environment in the name, not one of Kafka's internal names. Collisions with
 * existing names are checked against the database through `collisionKey`.
 */
export function checkTopicName(name: string): NameProblem {
  const { nameMinLength, nameMaxLength, environmentWords, reservedNames } = TOPIC_RULES;

  if (name.length === 0) return "Enter a topic name.";
  if (name.length < nameMinLength || name.length > nameMaxLength) {
    return `Use ${nameMinLength} to ${nameMaxLength} characters (this name has ${name.length}).`;
  }
  if (name.startsWith("_")) {
    return "Start the name with a letter: a leading underscore marks Kafka's internal topics.";
  }
  const badCharacter = name.match(/[^a-z0-9_]/);
  if (badCharacter) {
    return `Remove "${badCharacter[0]}": use only lowercase letters, digits and underscores (snake_case).`;
  }
  if (!SNAKE_CASE.test(name)) {
    return "Use snake_case: start with a letter, and separate words with single underscores, with none at the end.";
  }

  // A version suffix such as _v2 is allowed, so the environment check looks at the word before it.
  const words = name.replace(/_v\d+$/, "").split("_");
  const first = words[0];
  const last = words[words.length - 1];
  const environmentWord = environmentWords.find((word) => word === first || word === last);
  if (environmentWord) {
    return `Remove the environment "${environmentWord}" from the name: one topic name serves every environment.`;
  }
  if ((reservedNames as readonly string[]).includes(name)) {
    return `"${name}" is reserved for Kafka's internal topic __${name}; choose another name.`;
  }
  return null;
}

/** Kafka treats "." and "_" alike in metric names, so two topics that differ only there collide. */
export function collisionKey(topicName: string): string {
  return topicName.replaceAll(".", "_");
}

/**
 * Checks an application name. It becomes the Kafka user and the prefix of its consumer groups
 * and transactional ids (`<name>.`), so dots are not allowed: with them, one application's
 * prefix could contain another's.
 */
export function checkApplicationName(name: string, extraReservedNames: readonly string[] = []): NameProblem {
  const { nameMinLength, nameMaxLength, reservedNames } = APPLICATION_RULES;

  if (name.length === 0) return "Enter an application name.";
  if (name.length < nameMinLength || name.length > nameMaxLength) {
    return `Use ${nameMinLength} to ${nameMaxLength} characters (this name has ${name.length}).`;
  }
  if (!KEBAB_CASE.test(name)) {
    return "Use lowercase letters, digits and single hyphens (kebab-case), starting with a letter, such as claims-notifier.";
  }
  if ([...reservedNames, ...extraReservedNames].includes(name)) {
    return `"${name}" is reserved for the cluster's operators; choose a name that describes the application.`;
  }
  return null;
}

/** Turns a display name into a URL slug: "Benefits Integration" becomes "benefits-integration". */
export function slugify(displayName: string): string {
  return displayName
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{Mark}/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
