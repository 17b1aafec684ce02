import { describe, expect, it } from "vitest";

import { describeClusterError, isRetriableClusterError } from "@/lib/kafka/errors";

function kafkajsAggregate(type: string): Error {
  // kafkajs's createTopics throws an aggregate whose per-topic errors carry the protocol type.
  const inner = Object.assign(new Error("Replication factor is larger than the number of brokers"), { type });
  return Object.assign(new Error("Topic creation errors"), { errors: [inner] });
}

function platformaticResponse(apiId: string): Error {
  const inner = Object.assign(new Error("Cluster authorization failed."), { apiId });
  return Object.assign(new Error("Received response with error while executing API AlterUserScramCredentials(v0)"), { errors: [inner] });
}

describe("isRetriableClusterError", () => {
  it("retries a connection error", () => {
    expect(isRetriableClusterError(new Error("connect ECONNREFUSED 127.0.0.1:9092"))).toBe(true);
  });

  it("stops on a kafkajs aggregate's permanent error", () => {
    expect(isRetriableClusterError(kafkajsAggregate("INVALID_REPLICATION_FACTOR"))).toBe(false);
  });

  it("stops on a platformatic permanent error", () => {
    expect(isRetriableClusterError(platformaticResponse("CLUSTER_AUTHORIZATION_FAILED"))).toBe(false);
  });

  it("retries a leader change", () => {
    expect(isRetriableClusterError(kafkajsAggregate("LEADER_NOT_AVAILABLE"))).toBe(true);
  });
});

describe("describeClusterError", () => {
  it("names the inner kafkajs error", () => {
    const text = describeClusterError(kafkajsAggregate("INVALID_REPLICATION_FACTOR"));

    expect(text).toContain("Replication factor is larger");
    expect(text).toContain("INVALID_REPLICATION_FACTOR");
  });

  it("names the inner platformatic error", () => {
    expect(describeClusterError(platformaticResponse("CLUSTER_AUTHORIZATION_FAILED"))).toContain("CLUSTER_AUTHORIZATION_FAILED");
  });
});
