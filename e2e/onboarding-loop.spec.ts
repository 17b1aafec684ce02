import { expect, test } from "@playwright/test";

import { LOCAL_BROKER, describeTopicAsAdmin, kafkaAs, produceEvent } from "./support/kafka";
import {
  PEOPLE,
  applicationCard,
  approveInQueue,
  cellInColumn,
  definitionOf,
  proposeTopic,
  registerApplication,
  signInAs,
  signOut,
  uniqueSuffix,
} from "./support/portal";

const MS_PER_DAY = 24 * 60 * 60 * 1000;

test("producer team gets working topic and credential", async ({ page }) => {
  const suffix = uniqueSuffix();
  const applicationName = `letters-publisher-${suffix}`;
  const topicName = `decision_letter_availability_${suffix}`;
  const reviewComment = `Approved for the letters pilot ${suffix}.`;
  const riley = PEOPLE.riley;

  await test.step("Riley registers a producer application", async () => {
    await signInAs(page, riley);
    await registerApplication(page, riley.teamSlug, {
      name: applicationName,
      kind: "producer",
      description: "Publishes an event when a decision letter can be downloaded.",
    });
    await expect(applicationCard(page, applicationName)).toContainText("No Kafka credential yet");
  });

  const requestPath = await test.step("Riley proposes the topic", () =>
    proposeTopic(page, {
      producerApplication: applicationName,
      producerTeamName: riley.teamName,
      domain: "claims",
      name: topicName,
      description: "A decision letter became available to download in the claimant's account.",
      partitions: "3",
      retentionDays: "14",
    }),
  );

  await test.step("Morgan approves the request in the queue", async () => {
    await signOut(page);
    await signInAs(page, PEOPLE.morgan);
    await approveInQueue(page, topicName, reviewComment);

    await page.goto(requestPath);
    await expect(page.getByTestId("request-state")).toHaveText("provisioned");
    await expect(page.getByText(reviewComment)).toBeVisible();
    await expect(page.getByTestId("comment-thread").getByText(`${PEOPLE.morgan.name} approved`)).toBeVisible();
  });

  await test.step("the broker has the topic as proposed", async () => {
    const observed = await describeTopicAsAdmin(topicName);
    expect(observed.partitions).toBe(3);
    expect(observed.retentionMs).toBe(String(14 * MS_PER_DAY));
    expect(observed.eventCount).toBe(0);
  });

  const password = await test.step("Riley reveals the password once", async () => {
    await signOut(page);
    await signInAs(page, riley);
    await page.goto(`/teams/${riley.teamSlug}`);
    const card = applicationCard(page, applicationName);
    await card.getByRole("button", { name: `Show password for ${applicationName}` }).click();

    await expect(card.getByRole("status")).toContainText("Copy the password now");
    await expect(card.getByTestId("credential-username")).toHaveText(applicationName);
    await expect(definitionOf(card, "Mechanism")).toHaveText("SCRAM-SHA-512");
    await expect(definitionOf(card, "Bootstrap")).toHaveText(LOCAL_BROKER);
    const passwordCell = card.getByTestId("credential-password");
    // generatePassword() in lib/kafka/scram.ts returns 24 random bytes as base64url: 32 characters.
    await expect(passwordCell).toHaveText(/^[A-Za-z0-9_-]{32}$/);
    const revealed = (await passwordCell.textContent())!.trim();
    // Proves that the page-HTML check in the last step can see a password when one is shown.
    expect(await page.content()).toContain(revealed);
    return revealed;
  });

  await test.step("the credential produces to the topic over SCRAM-SHA-512", async () => {
    await produceEvent({ username: applicationName, password }, topicName, {
      key: `letter-${suffix}`,
      value: JSON.stringify({ letterId: `letter-${suffix}`, availableAt: new Date().toISOString() }),
    });
    const observed = await describeTopicAsAdmin(topicName);
    expect(observed.eventCount).toBe(1);

    const wrongPassword = kafkaAs({ username: applicationName, password: `${password}x` }).producer();
    await expect(wrongPassword.connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
    await wrongPassword.disconnect();
  });

  await test.step("the catalog lists the topic with its owner", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
    await page.getByLabel("Search topics").fill(topicName);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${topicName}`));

    const table = page.getByRole("table");
    const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: topicName, exact: true }) });
    await expect(await cellInColumn(table, row, "Domain")).toHaveText("claims");
    await expect(await cellInColumn(table, row, "Owner team")).toHaveText(riley.teamName);
    await expect(await cellInColumn(table, row, "Partitions")).toHaveText("3");
    await expect(await cellInColumn(table, row, "Retention")).toHaveText("14 days");
    await expect(await cellInColumn(table, row, "Data")).toHaveText("No personal or health data");

    await row.getByRole("link", { name: topicName, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: topicName })).toBeVisible();
    await expect(definitionOf(page, "Owner team")).toHaveText(riley.teamName);
    await expect(definitionOf(page, "Partitions")).toHaveText("3");
    await expect(definitionOf(page, "Retention")).toHaveText("14 days");
    await expect(definitionOf(page, "Environment")).toHaveText("sandbox");
    await expect(page.getByRole("region", { name: "Producers and consumers" })).toContainText(
      `${applicationName} (${riley.teamName}) · producer`,
    );
  });

  await test.step("the team page never shows the password again", async () => {
    const response = await page.goto(`/teams/${riley.teamSlug}`);
    const card = applicationCard(page, applicationName);
    const credentialState = card.getByTestId("credential-state");
    await expect(credentialState).toContainText(`Kafka user ${applicationName}: password shown on`);
    await expect(credentialState).toContainText("Onramp does not keep it.");
    await expect(card.getByRole("button", { name: `Show password for ${applicationName}` })).toHaveCount(0);
    await expect(page.getByTestId("credential-password")).toHaveCount(0);

    expect(response?.status()).toBe(200);
    expect(await response!.text()).not.toContain(password);
    expect(await page.content()).not.toContain(password);

    const reloaded = await page.reload();
    await expect(credentialState).toContainText("password shown on");
    expect(await reloaded!.text()).not.toContain(password);
    expect(await page.content()).not.toContain(password);
  });
});
