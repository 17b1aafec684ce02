import { expect, test, type Page } from "@playwright/test";

import { PEOPLE, fillTopicProposal, signInAs } from "./support/portal";

/** The producer application that the development sign-in seeds for Riley's team. */
const SEEDED_PRODUCER = "benefits-integration-platform";

interface InvalidProposal {
  title: string;
  name: string;
  description: string;
  partitions: string;
  retentionDays: string;
  /** Field label to the message expected under that field; other fields must show no error. */
  errors: Record<string, string>;
}

const FIELD_LABELS = ["Topic name", "Description", "Partitions", "Retention in days"] as const;

const INVALID_PROPOSALS: InvalidProposal[] = [
  {
    title: "empty name and description, 0 partitions, 91 days",
    name: "",
    description: "",
    partitions: "0",
    retentionDays: "91",
    errors: {
      "Topic name": "Enter a topic name.",
      Description: "Enter a description.",
      Partitions: "Use at least 1 for partitions.",
      "Retention in days": "Use at most 90 for retention in days; the platform maximum is 90.",
    },
  },
  {
    title: "uppercase name, 49 partitions",
    name: "Bad-Name",
    description: "A name with capitals and a hyphen, which snake_case forbids.",
    partitions: "49",
    retentionDays: "7",
    errors: {
      "Topic name": 'Remove "B": use only lowercase letters, digits and underscores (snake_case).',
      Partitions: "Use at most 48 for partitions; the platform maximum is 48.",
    },
  },
];

/** The rows of the Requests table on a team page; none when the team has no request. */
async function countTeamRequests(page: Page, teamSlug: string): Promise<number> {
  await page.goto(`/teams/${teamSlug}`);
  const requests = page.getByRole("region", { name: "Requests" });
  await expect(requests).toBeVisible();
  return requests.locator("tbody").getByRole("row").count();
}

test("invalid proposal shows field errors and saves nothing", async ({ page }) => {
  const riley = PEOPLE.riley;
  await signInAs(page, riley);
  const requestsBefore = await countTeamRequests(page, riley.teamSlug);

  await page.goto("/topics/new");
  for (const proposal of INVALID_PROPOSALS) {
    await test.step(proposal.title, async () => {
      await fillTopicProposal(page, {
        producerApplication: SEEDED_PRODUCER,
        producerTeamName: riley.teamName,
        domain: "claims",
        name: proposal.name,
        description: proposal.description,
        partitions: proposal.partitions,
        retentionDays: proposal.retentionDays,
      });
      await page.getByRole("button", { name: "Submit for review" }).click();

      await expect(page.getByRole("status")).toHaveText("Some fields need attention; see the messages under them.");
      for (const label of FIELD_LABELS) {
        const input = page.getByLabel(label, { exact: true });
        const expected = proposal.errors[label];
        if (expected) {
          await expect(input, `${label} is marked invalid`).toHaveAttribute("aria-invalid", "true");
          await expect(input, `${label} is described by its error`).toHaveAccessibleDescription(
            new RegExp(escapeRegExp(expected)),
          );
        } else {
          await expect(input, `${label} is not marked invalid`).not.toHaveAttribute("aria-invalid", "true");
        }
      }
    });
  }

  await expect(page.getByRole("link", { name: "Follow the request" })).toHaveCount(0);
  expect(await countTeamRequests(page, riley.teamSlug)).toBe(requestsBefore);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
