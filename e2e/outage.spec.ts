import { execFileSync } from "node:child_process";

import { expect, test } from "@playwright/test";

import { approveInQueue, PEOPLE, proposeTopic, registerApplication, signInAs, signOut, uniqueSuffix } from "./support/portal";

/** Runs one of the local broker's scripts, such as stop.mjs, and waits for it to finish. */
function brokerScript(name: "start.mjs" | "stop.mjs"): void {
  execFileSync(process.execPath, [`scripts/kafka/${name}`], { stdio: "ignore", timeout: 120_000 });
}

test("approval during a broker outage provisions later", async ({ page }) => {
  const suffix = uniqueSuffix();
  const applicationName = `outage-publisher-${suffix}`;
  const topicName = `appointment_booked_${suffix}`;
  const { riley, morgan } = PEOPLE;

  await signInAs(page, riley);
  await registerApplication(page, riley.teamSlug, {
    name: applicationName,
    kind: "producer",
    description: "Publishes appointment events during the outage test.",
  });
  await proposeTopic(page, {
    producerApplication: applicationName,
    producerTeamName: riley.teamName,
    domain: "health",
    name: topicName,
    description: "A veteran booked an appointment.",
    partitions: "1",
    retentionDays: "1",
  });
  await signOut(page);
  await signInAs(page, morgan);

  brokerScript("stop.mjs");
  try {
    await approveInQueue(page, topicName, "Approved while the cluster is down.");
    await expect(page.getByTestId("request-state")).toHaveText("provisioning");
    await expect(page.getByTestId("provisioning-steps").locator('[data-step="topic"]')).toHaveAttribute("data-state", "failed");
    await expect(page.getByText(/Provisioning job: queued, attempt [2-9]/)).toBeVisible({ timeout: 30_000 });
  } finally {
    brokerScript("start.mjs");
  }

  // No reload and no click: the page polls while the worker retries.
  await expect(page.getByTestId("request-state")).toHaveText("provisioned", { timeout: 60_000 });
  await expect(page.getByTestId("provisioning-steps").locator('[data-state="done"]')).toHaveCount(5);
});
