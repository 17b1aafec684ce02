import { expect, test } from "@playwright/test";

import {
  PEOPLE,
  approveInQueue,
  definitionOf,
  proposeTopic,
  registerApplication,
  signInAs,
  signOut,
  uniqueSuffix,
} from "./support/portal";

// This project's portal runs without DATABASE_URL, so it keeps its data in an embedded PGlite
// database. It provisions on the same local broker as the PostgreSQL project.

test("proposal is provisioned on the embedded database", async ({ page }) => {
  const suffix = uniqueSuffix();
  const applicationName = `pglite-publisher-${suffix}`;
  const topicName = `claim_received_${suffix}`;
  const riley = PEOPLE.riley;

  await signInAs(page, riley);
  await registerApplication(page, riley.teamSlug, {
    name: applicationName,
    kind: "producer",
    description: "Publishes an event when a claim arrives, from the embedded-database portal.",
  });
  const requestPath = await proposeTopic(page, {
    producerApplication: applicationName,
    producerTeamName: riley.teamName,
    domain: "claims",
    name: topicName,
    description: "A claim was received and is waiting to be established.",
    partitions: "1",
    retentionDays: "1",
  });

  await signOut(page);
  await signInAs(page, PEOPLE.morgan);
  await approveInQueue(page, topicName, "Approved on the embedded database.");

  await page.goto(requestPath);
  await expect(page.getByTestId("request-state")).toHaveText("provisioned");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
  await page.getByRole("link", { name: topicName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: topicName })).toBeVisible();
  await expect(definitionOf(page, "Owner team")).toHaveText(riley.teamName);
});
