import { describe, expect, it } from "vitest";

import { resourcePrefixFor } from "@/lib/domain/acl-templates";
import {
  checkApplicationName,
  checkTopicName,
  collisionKey,
  slugify,
} from "@/lib/domain/naming";

// Written out here rather than read from TOPIC_RULES, so that deleting a word from the platform
// rules fails a test.
const ENVIRONMENT_WORDS = [
  "dev",
  "develop",
  "development",
  "qa",
  "uat",
  "staging",
  "preprod",
  "prod",
  "production",
  "sandbox",
];

// Common in business event names, so deliberately not treated as environments.
const BUSINESS_WORDS = ["test", "stage", "local", "int"];

describe("checkTopicName", () => {
  it.each([
    { label: "decision_letter_availability", name: "decision_letter_availability" },
    { label: "submission_trace_form_status_change", name: "submission_trace_form_status_change" },
    { label: "appointments", name: "appointments" },
    { label: "claims_contention_created", name: "claims_contention_created" },
    { label: "vba_dependant_update", name: "vba_dependant_update" },
    { label: "a _v2 suffix", name: "claims_contention_created_v2" },
    { label: "digits inside words", name: "form_526_submitted" },
    { label: "3 characters", name: "abc" },
    { label: "120 characters", name: "a".repeat(120) },
  ])("accepts $label", ({ name }) => {
    expect(checkTopicName(name)).toBeNull();
  });

  it.each([
    { label: "empty name", name: "", mention: "Enter a topic name" },
    { label: "2 characters", name: "ab", mention: "3 to 120 characters" },
    { label: "121 characters", name: "a".repeat(121), mention: "this name has 121" },
    { label: "uppercase letter", name: "Decision_letter", mention: '"D"' },
    { label: "camelCase", name: "decisionLetter", mention: '"L"' },
    { label: "hyphen", name: "decision-letter", mention: '"-"' },
    { label: "dot", name: "decision.letter", mention: '"."' },
    { label: "space", name: "decision letter", mention: '" "' },
    { label: "accented letter", name: "café_opened", mention: '"é"' },
    { label: "Cyrillic lookalike letter", name: "\u0430ppointments", mention: '"\u0430"' },
    { label: "leading underscore", name: "_appointments", mention: "Start the name with a letter" },
    { label: "Kafka internal spelling", name: "__consumer_offsets", mention: "leading underscore" },
    { label: "double underscore", name: "claims__created", mention: "single underscores" },
    { label: "trailing underscore", name: "claims_created_", mention: "none at the end" },
    { label: "leading digit", name: "526_submitted", mention: "start with a letter" },
  ])("rejects $label", ({ name, mention }) => {
    const problem = checkTopicName(name);

    expect(problem).not.toBeNull();
    expect(problem).toContain(mention);
  });

  it.each(ENVIRONMENT_WORDS)("rejects environment suffix _%s", (word) => {
    const problem = checkTopicName(`claims_created_${word}`);

    expect(problem).not.toBeNull();
    expect(problem).toContain(`Remove the environment "${word}"`);
  });

  it.each(ENVIRONMENT_WORDS)("rejects environment prefix %s_", (word) => {
    const problem = checkTopicName(`${word}_claims_created`);

    expect(problem).not.toBeNull();
    expect(problem).toContain(`Remove the environment "${word}"`);
  });

  it("rejects environment suffix after _v2", () => {
    expect(checkTopicName("appointments_v2_prod")).toContain('Remove the environment "prod"');
  });

  it("rejects environment before _v2 suffix", () => {
    expect(checkTopicName("appointments_prod_v2")).toContain('Remove the environment "prod"');
  });

  it.each(["production", "sandbox", "dev"])("rejects bare environment name %s", (name) => {
    expect(checkTopicName(name)).toContain(`Remove the environment "${name}"`);
  });

  it.each(BUSINESS_WORDS)("accepts business word %s at the ends", (word) => {
    expect(checkTopicName(`${word}_result_recorded`)).toBeNull();
    expect(checkTopicName(`claim_${word}`)).toBeNull();
  });

  it("accepts environment word mid-name", () => {
    expect(checkTopicName("claims_dev_events")).toBeNull();
  });

  it.each(["consumer_offsets", "transaction_state", "cluster_metadata", "share_group_state"])(
    "rejects reserved name %s",
    (name) => {
      const problem = checkTopicName(name);

      expect(problem).not.toBeNull();
      expect(problem).toContain(`__${name}`);
    },
  );

  it("accepts reserved name as part", () => {
    expect(checkTopicName("consumer_offsets_lag")).toBeNull();
  });
});



describe("collisionKey", () => {
  it("replaces every dot", () => {
    expect(collisionKey("a.b.c_d")).toBe("a_b_c_d");
  });
});

describe("checkApplicationName", () => {
  it.each([
    { label: "claims-notifier", name: "claims-notifier" },
    { label: "vba-dependant-sync", name: "vba-dependant-sync" },
    { label: "digits after letter", name: "form526-reader" },
    { label: "3 characters", name: "abc" },
    { label: "64 characters", name: "a".repeat(64) },
  ])("accepts $label", ({ name }) => {
    expect(checkApplicationName(name)).toBeNull();
  });

  it.each([
    { label: "empty name", name: "", mention: "Enter an application name" },
    { label: "2 characters", name: "ab", mention: "3 to 64 characters" },
    { label: "65 characters", name: "a".repeat(65), mention: "this name has 65" },
    { label: "dot", name: "claims.notifier", mention: "kebab-case" },
    { label: "uppercase letter", name: "Claims-notifier", mention: "kebab-case" },
    { label: "underscore", name: "claims_notifier", mention: "kebab-case" },
    { label: "space", name: "claims notifier", mention: "kebab-case" },
    { label: "leading hyphen", name: "-claims", mention: "kebab-case" },
    { label: "trailing hyphen", name: "claims-", mention: "kebab-case" },
    { label: "double hyphen", name: "claims--notifier", mention: "kebab-case" },
    { label: "leading digit", name: "1claims", mention: "kebab-case" },
    { label: "Cyrillic lookalike letter", name: "cl\u0430ims", mention: "kebab-case" },
  ])("rejects $label", ({ name, mention }) => {
    const problem = checkApplicationName(name);

    expect(problem).not.toBeNull();
    expect(problem).toContain(mention);
  });

  it("keeps resource prefixes apart", () => {
    const names = ["claims", "claims-notifier", "claims-notifier-v2", "claimsx"];
    for (const name of names) expect(checkApplicationName(name)).toBeNull();

    for (const owner of names) {
      for (const other of names) {
        if (other === owner) continue;
        const otherPrefix = resourcePrefixFor(other);
        expect(otherPrefix.startsWith(resourcePrefixFor(owner)), `${other} inside ${owner}`).toBe(false);
      }
    }
  });

  // The reason dots are rejected: "claims." would also match every "claims.notifier." resource.
  it("rejects a nesting prefix", () => {
    expect(resourcePrefixFor("claims.notifier").startsWith(resourcePrefixFor("claims"))).toBe(true);
    expect(checkApplicationName("claims.notifier")).not.toBeNull();
  });
});

describe("slugify", () => {
  it.each([
    { displayName: "Benefits Integration", slug: "benefits-integration" },
    { displayName: "  --Claims & Appeals--  ", slug: "claims-appeals" },
    { displayName: "Team 526", slug: "team-526" },
    { displayName: "already-a-slug", slug: "already-a-slug" },
    { displayName: "\uFB01nance", slug: "finance" },
  ])("slugifies $displayName", ({ displayName, slug }) => {
    expect(slugify(displayName)).toBe(slug);
  });

  // NOTE: both cases fail against the current code. NFKD splits "è" into "e" and a combining
  // accent, and the accent is then replaced by a hyphen instead of being dropped.
  it.each([
    { displayName: "Crème Brûlée", slug: "creme-brulee" },
    { displayName: "Équipe Santé", slug: "equipe-sante" },
  ])("drops accents from $displayName", ({ displayName, slug }) => {
    expect(slugify(displayName)).toBe(slug);
  });
});

describe("reserved application names", () => {
  it.each(["admin", "anonymous", "kafka", "superuser"])("rejects %s", (name) => {
    expect(checkApplicationName(name)).toContain("reserved for the cluster's operators");
  });

  it("rejects the configured admin user", () => {
    expect(checkApplicationName("bus-operator", ["bus-operator"])).toContain("reserved");
  });

  it("accepts names that only contain a reserved word", () => {
    expect(checkApplicationName("admin-portal-events")).toBeNull();
  });
});
