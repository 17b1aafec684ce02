import { expect, test, type Page } from "@playwright/test";

import { PEOPLE, proposeTopic, registerApplication, signInAs, signOut, uniqueSuffix } from "./support/portal";

/**
 * Registers a producer for Riley's team, proposes a one-partition topic, then signs in as
 * Morgan. Returns the topic name and the request page's path.
 */
async function proposeAsRileyThenSignInAsMorgan(
  page: Page,
  label: string,
): Promise<{ topicName: string; requestPath: string }> {
  const suffix = uniqueSuffix();
  const applicationName = `${label}-publisher-${suffix}`;
  const topicName = `claim_${label}_${suffix}`;
  const riley = PEOPLE.riley;

  await signInAs(page, riley);
  await registerApplication(page, riley.teamSlug, {
    name: applicationName,
    kind: "producer",
    description: "Publishes claim events for the approval tests.",
  });
  const requestPath = await proposeTopic(page, {
    producerApplication: applicationName,
    producerTeamName: riley.teamName,
    domain: "claims",
    name: topicName,
    description: "A claim changed in a way that other teams need to know about.",
    partitions: "1",
    retentionDays: "1",
  });
  await signOut(page);
  await signInAs(page, PEOPLE.morgan);
  return { topicName, requestPath };
}

/** Approves the request from its own page, which shows the review form while it is submitted. */
async function approveOnRequestPage(page: Page, requestPath: string, comment: string): Promise<void> {
  await page.goto(requestPath);
  await expect(page.getByTestId("request-state")).toHaveText("submitted");
  await page.getByLabel("Comment for the requester").fill(comment);
  await page.getByRole("button", { name: "Approve and provision" }).click();
  await expect(page.getByRole("button", { name: "Approve and provision" })).toHaveCount(0);
}

test("team member's queue leaves out platform reviews", async ({ page }) => {
  const { topicName } = await proposeAsRileyThenSignInAsMorgan(page, "hidden");
  await signOut(page);
  await signInAs(page, PEOPLE.sam);
  const navigation = page.getByRole("navigation", { name: "Main" });
  await expect(navigation.getByRole("link", { name: "My teams" })).toBeVisible();
  await expect(navigation.getByRole("link", { name: "Cluster drift" })).toHaveCount(0);
  await expect(navigation.getByRole("link", { name: "Audit log" })).toHaveCount(0);

  await page.goto("/admin/queue");
  await expect(page).toHaveURL(/\/queue$/);
  await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await expect(page.getByRole("link", { name: topicName })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Approve and provision" })).toHaveCount(0);

  await page.goto("/admin/drift");
  // Next.js adds its own empty route announcer with role="alert" outside <main>.
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Only platform administrators can see cluster drift.");
});

test("request page follows its approval to provisioned", async ({ page }) => {
  const { requestPath } = await proposeAsRileyThenSignInAsMorgan(page, "reviewed");
  const comment = "Approved from the request page.";
  await approveOnRequestPage(page, requestPath, comment);

  await expect(page.getByTestId("request-state")).toHaveText("provisioned");
  await expect(page.getByText(comment)).toBeVisible();
  await expect(page.getByTestId("comment-thread").getByText(`${PEOPLE.morgan.name} approved`)).toBeVisible();
});

test("request page links the catalog once provisioned", async ({ page }) => {
  const { topicName, requestPath } = await proposeAsRileyThenSignInAsMorgan(page, "linked");
  await approveOnRequestPage(page, requestPath, "Approved; the catalog link should follow.");
  await expect(page.getByTestId("request-state")).toHaveText("provisioned");

  await expect(page.getByRole("main").getByRole("link", { name: "catalog", exact: true })).toHaveAttribute(
    "href",
    `/catalog/${topicName}`,
  );
});
