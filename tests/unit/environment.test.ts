import { describe, expect, it } from "vitest";

import {
  checkClassificationAllowed,
  DATA_CLASSIFICATION_LABELS,
  DATA_CLASSIFICATIONS,
  type EnvironmentSettings,
} from "@/lib/domain/environment";

const PRODUCTION: EnvironmentSettings = {
  name: "production",
  replicationFactor: 3,
  minInsyncReplicas: 2,
  allowsSensitiveData: true,
};

const SANDBOX: EnvironmentSettings = {
  name: "sandbox",
  replicationFactor: 1,
  minInsyncReplicas: 1,
  allowsSensitiveData: false,
};

describe("checkClassificationAllowed", () => {
  it.each([
    { classification: "personal", label: "personal data" },
    { classification: "health", label: "health data" },
  ] as const)("rejects $classification in sandbox", ({ classification, label }) => {
    const problem = checkClassificationAllowed(classification, SANDBOX);

    expect(problem).not.toBeNull();
    expect(problem).toContain(`The sandbox environment does not accept ${label}`);
    expect(problem).toContain("made-up data");
  });

  it("allows none in sandbox", () => {
    expect(checkClassificationAllowed("none", SANDBOX)).toBeNull();
  });

  it.each(DATA_CLASSIFICATIONS)("allows %s in production", (classification) => {
    expect(checkClassificationAllowed(classification, PRODUCTION)).toBeNull();
  });
});

describe("DATA_CLASSIFICATION_LABELS", () => {
  it.each(DATA_CLASSIFICATIONS)("labels %s", (classification) => {
    expect(DATA_CLASSIFICATION_LABELS[classification]).not.toBe("");
  });
});
