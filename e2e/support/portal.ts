import { randomBytes } from "node:crypto";

import { expect, type Locator, type Page } from "@playwright/test";

/** The development sign-in's made-up people, with the team each one belongs to. */
export const PEOPLE = {
  morgan: { name: "Morgan Platt", teamName: "Event Bus Platform", teamSlug: "event-bus-platform" },
  riley: { name: "Riley Chen", teamName: "Benefits Integration", teamSlug: "benefits-integration" },
  sam: { name: "Sam Ortiz", teamName: "Notifications", teamSlug: "notifications" },
} as const;

export type Person = (typeof PEOPLE)[keyof typeof PEOPLE];

/**
 * Returns 8 random hex characters. The local broker keeps its topics and users between runs,
 * so every name a test creates on the cluster ends with one of these.
 */
export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

/** Signs in through the development sign-in and waits for the home page to greet the person. */
export async function signInAs(page: Page, person: Person): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in as ${person.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${person.name}` })).toBeVisible();
}

/** Signs out with the button in the navigation bar and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Onramp" })).toBeVisible();
}

/** Locates the card of one application on a team page. */
export function applicationCard(page: Page, applicationName: string): Locator {
  return page
    .getByRole("region", { name: "Applications" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3, name: applicationName, exact: true }) });
}

export interface ApplicationInput {
  name: string;
  kind: "producer" | "consumer" | "both";
  description: string;
}

/** Registers an application with the form on the team page and waits for its card. */
export async function registerApplication(page: Page, teamSlug: string, application: ApplicationInput): Promise<void> {
  await page.goto(`/teams/${teamSlug}`);
  const form = page.getByRole("region", { name: "Register an application" });
  await form.getByLabel("Application name").fill(application.name);
  await form.getByLabel("Kind").selectOption(application.kind);
  await form.getByLabel("Description").fill(application.description);
  await form.getByRole("button", { name: "Register application" }).click();

  await expect(form.getByRole("status")).toHaveText("Application registered.");
  await expect(applicationCard(page, application.name)).toBeVisible();
}

export interface TopicProposal {
  producerApplication: string;
  producerTeamName: string;
  domain: string;
  name: string;
  description: string;
  partitions: string;
  retentionDays: string;
}

/**
 * Selects the domain whose option starts with "<domain>:", because each option also shows the
 * domain's description.
 */
async function selectDomain(page: Page, domain: string): Promise<void> {
  const select = page.getByLabel("Domain", { exact: true });
  const option = select.getByRole("option").filter({ hasText: new RegExp(`^${domain}:`) });
  const value = await option.getAttribute("value");
  if (!value) throw new Error(`The Domain list has no option for the domain "${domain}".`);
  await select.selectOption(value);
}

/** Fills the propose form at /topics/new without submitting it. */
export async function fillTopicProposal(page: Page, proposal: TopicProposal): Promise<void> {
  await page
    .getByLabel("Producing application")
    .selectOption({ label: `${proposal.producerApplication} (${proposal.producerTeamName})` });
  await selectDomain(page, proposal.domain);
  await page.getByLabel("Topic name").fill(proposal.name);
  await page.getByLabel("Description", { exact: true }).fill(proposal.description);
  await page.getByLabel("Partitions", { exact: true }).fill(proposal.partitions);
  await page.getByLabel("Retention in days").fill(proposal.retentionDays);
  await page.getByRole("radio", { name: "No personal or health data" }).check();
}

/**
 * Proposes a topic through the form, follows the link to the new request and checks that it
 * waits for review. Returns the request page's path.
 */
export async function proposeTopic(page: Page, proposal: TopicProposal): Promise<string> {
  await page.goto("/topics/new");
  await fillTopicProposal(page, proposal);
  await page.getByRole("button", { name: "Submit for review" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Proposal submitted for review." })).toBeVisible();
  await page.getByRole("link", { name: "Follow the request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: proposal.name })).toBeVisible();
  await expect(page.getByTestId("request-state")).toHaveText("submitted");
  return new URL(page.url()).pathname;
}

/** Locates the approval-queue entry for one topic. */
export function queueItem(page: Page, topicName: string): Locator {
  return page
    .getByTestId("queue-item")
    .filter({ has: page.getByRole("link", { name: topicName, exact: true }) });
}

/**
 * Approves the request for a topic from the approval queue, as a signed-in administrator, and
 * waits for the request page that the approval leads to.
 */
export async function approveInQueue(page: Page, topicName: string, comment: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Review queue/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  const item = queueItem(page, topicName);
  await item.getByLabel("Comment for the requester").fill(comment);
  await item.getByRole("button", { name: "Approve and provision" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]+$/);
}

/** Locates the <dd> that follows the <dt> with exactly this text, within a page or a part of it. */
export function definitionOf(scope: Page | Locator, term: string): Locator {
  return scope
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

/** Locates the cell of a table row in the column whose header has exactly this text. */
export async function cellInColumn(table: Locator, row: Locator, columnHeader: string): Promise<Locator> {
  const headers = (await table.getByRole("columnheader").allTextContents()).map((text) => text.trim());
  const index = headers.indexOf(columnHeader);
  if (index < 0) throw new Error(`The table has no column "${columnHeader}". Its columns are: ${headers.join(", ")}.`);
  return row.getByRole("cell").nth(index);
}
