import { expect, test, type Page } from "@playwright/test";

import { consumeEvents, produceEvent } from "./support/kafka";
import {
  applicationCard,
  approveInQueue,
  PEOPLE,
  proposeTopic,
  registerApplication,
  signInAs,
  signOut,
  uniqueSuffix,
} from "./support/portal";

/** Reveals an application's password on its team page and returns it. */
async function revealPassword(page: Page, teamSlug: string, applicationName: string): Promise<string> {
  await page.goto(`/teams/${teamSlug}`);
  const card = applicationCard(page, applicationName);
  await card.getByRole("button", { name: `Show password for ${applicationName}` }).click();
  const password = card.getByTestId("credential-password");
  await expect(password).toHaveText(/^[A-Za-z0-9_-]{32}$/);
  return (await password.textContent())!.trim();
}

test("consumer reads after owner and administrator approve", async ({ page }) => {
  const suffix = uniqueSuffix();
  const producerName = `letters-source-${suffix}`;
  const consumerName = `letters-reader-${suffix}`;
  const topicName = `decision_letter_sent_${suffix}`;
  const { riley, sam, morgan } = PEOPLE;

  const events = await test.step("Riley's topic is live with two events", async () => {
    await signInAs(page, riley);
    await registerApplication(page, riley.teamSlug, {
      name: producerName,
      kind: "producer",
      description: "Publishes decision letter events.",
    });
    const requestPath = await proposeTopic(page, {
      producerApplication: producerName,
      producerTeamName: riley.teamName,
      domain: "claims",
      name: topicName,
      description: "A decision letter was sent to the claimant.",
      partitions: "2",
      retentionDays: "7",
    });
    await signOut(page);
    await signInAs(page, morgan);
    await approveInQueue(page, topicName, "A clear business event.");
    await expect(page.getByTestId("request-state")).toHaveText("provisioned");
    await expect(page).toHaveURL(new RegExp(`${requestPath}$`));

    await signOut(page);
    await signInAs(page, riley);
    const password = await revealPassword(page, riley.teamSlug, producerName);
    const sent = [`{"letter":"${suffix}-1"}`, `{"letter":"${suffix}-2"}`];
    for (const [index, value] of sent.entries()) {
      await produceEvent({ username: producerName, password }, topicName, { key: `claim-${index}`, value });
    }
    await signOut(page);
    return sent;
  });

  const requestPath = await test.step("Sam requests read access from the catalog", async () => {
    await signInAs(page, sam);
    await registerApplication(page, sam.teamSlug, {
      name: consumerName,
      kind: "consumer",
      description: "Emails veterans when a decision letter is sent.",
    });
    await page.goto(`/catalog/${topicName}`);
    const form = page.getByRole("region", { name: "Request read access" });
    await form.getByLabel("Consuming application").selectOption({ label: `${consumerName} (${sam.teamName})` });
    await form.getByLabel("Why does the application need these events?").fill("To email veterans when their letter is ready.");
    await form.getByRole("button", { name: "Request access" }).click();
    await form.getByRole("link", { name: "Follow the request" }).click();

    await expect(page.getByTestId("request-state")).toHaveText("submitted");
    await expect(page.getByTestId("review-step")).toContainText("Waiting for the topic's owning team (step 1 of 2)");
    await expect(page.getByRole("table", { name: "ACL bindings to create" }).getByTestId("acl-row")).toHaveCount(3);
    const path = new URL(page.url()).pathname;
    await signOut(page);
    return path;
  });

  await test.step("Riley approves as the owning team", async () => {
    await signInAs(page, riley);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Review queue/ }).click();
    const item = page.getByTestId("queue-item").filter({ has: page.getByRole("link", { name: topicName, exact: true }) });
    await item.getByLabel("Comment for the requester").fill("Fine with the owners.");
    await item.getByRole("button", { name: "Approve", exact: true }).click();

    await expect(page).toHaveURL(new RegExp(`${requestPath}$`));
    await expect(page.getByTestId("review-step")).toContainText("Waiting for a platform administrator (step 2 of 2)");
    await signOut(page);
  });

  await test.step("Morgan approves as platform administrator", async () => {
    await signInAs(page, morgan);
    await approveInQueue(page, topicName, "Approved for the notification service.");
    await expect(page.getByTestId("request-state")).toHaveText("provisioned");
    await expect(page.getByTestId("comment-thread").locator("li")).toHaveCount(3);
    await signOut(page);
  });

  await test.step("Sam's credential reads the events", async () => {
    await signInAs(page, sam);
    const password = await revealPassword(page, sam.teamSlug, consumerName);
    const received = await consumeEvents({ username: consumerName, password }, topicName, `${consumerName}.e2e`, 2);

    expect(received.sort()).toEqual([...events].sort());
  });
});
