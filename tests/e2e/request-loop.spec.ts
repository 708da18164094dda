import type { Browser, Page } from "@playwright/test";
import { type TestSmtp, startTestSmtp } from "../support/smtp";
import { createOrg, expect, signUp, test, uniqueEmail } from "./helpers";
import { importReports, monthFromNow, shareCode, workedExampleCsv } from "./support/company-set-up";
import { type ClockedServer, startClockedServer } from "./support/clocked-server";

/*
 * The monthly loop of issue #17 (decision 026), on a server whose clock the test moves: a fund asks
 * two companies for this month's report and two custom metrics; one answers from its inbox at once;
 * the other is reminded at the plan's steps (−3, 0, +3 days from the due day: the mail arrives at
 * this test's SMTP server) and answers late, after which no further step is sent; the collection
 * view shows one fulfilled and one late; a founder sends an update with a live runway card, the
 * investor opens it from the e-mail, and the founder sees the view.
 *
 * Answering time is the database's created_at (decision 026, consequences), which the test clock
 * does not move. So the period is this month, due the 15th of next month: the on-time answer is on
 * time in real time too, and "late" is read while the clock stands past the due day with the
 * second company's figures still missing.
 */

const PORT = Number(process.env.E2E_PORT ?? 3330) + 10;
const JOBS_EVERY_MS = 300;
const MONTH = monthFromNow(0);
const DUE = `${monthFromNow(1)}-15`;
const DAY = 86_400_000;
/** An hour into the day of step `step` (days from the due day), as the reminder job counts. */
const stepClock = (step: number) => new Date(Date.parse(`${DUE}T01:00:00.000Z`) + step * DAY);

let smtp: TestSmtp;
let server: ClockedServer;

test.use({ baseURL: `http://localhost:${PORT}` });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  smtp = await startTestSmtp();
  server = await startClockedServer({
    port: PORT,
    smtpUrl: smtp.url,
    start: new Date(),
    jobsEveryMs: JOBS_EVERY_MS,
    logFile: `test-results/clocked-server-${PORT}.log`,
  });
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

const reminderSubject = /^Reminder: .* asks for your figures/;
const remindersTo = (address: string) => smtp.to(address).filter((m) => reminderSubject.test(m.subject ?? ""));

/** A page of its own (another person), on the clocked server, failing on browser errors like `page`. */
async function personPage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: `http://localhost:${PORT}` });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  return page;
}

/** A founder answers a request from the inbox: the month's report, then each asked metric. */
async function answerFromInbox(page: Page, inbox: string, figures: Record<string, string>, metrics: Record<string, string>) {
  await page.goto(inbox);
  await page.getByRole("link", { name: /^Enter the report for/ }).click();
  for (const [field, value] of Object.entries(figures)) await page.locator(`[name="${field}"]`).fill(value);
  await page.getByRole("button", { name: /Save (month|changes)/ }).click();
  await expect(page.getByTestId("saved-burn")).toBeVisible();
  for (const [metric, value] of Object.entries(metrics)) {
    await page.goto(inbox);
    await page.getByRole("link", { name: `Enter ${metric}` }).click();
    const input = page.getByLabel(`${metric} for ${MONTH}`);
    await input.fill(value);
    await input.press("Enter");
    await expect(page.getByText(/^Saved /)).toBeVisible();
  }
  await page.goto(inbox);
}

async function approveAccess(page: Page, base: string) {
  await page.goto(`${base}/investors`);
  await page.getByTestId("pending-request").getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("No pending requests")).toBeVisible();
}

test("the monthly loop: request, answer, reminders on the clock, a late answer, the collection view, an update opened from the e-mail", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  const stamp = Date.now();

  // Two companies, each with a founder of its own; the first has four months of history (for runway).
  const alphaEmail = uniqueEmail("alpha");
  await signUp(page, alphaEmail, "Fen Lu");
  const alpha = await createOrg(page, `Alpha Loop ${stamp}`);
  await importReports(page, alpha, workedExampleCsv(-1), 4);
  const bravoPage = await personPage(browser, errors);
  const bravoEmail = uniqueEmail("bravo");
  await signUp(bravoPage, bravoEmail, "Bo Reyes");
  const bravo = await createOrg(bravoPage, `Bravo Loop ${stamp}`);

  // The fund asks both for access; both founders approve every section.
  const investor = await personPage(browser, errors);
  const investorEmail = uniqueEmail("partner");
  await signUp(investor, investorEmail, "Ines Park");
  const fundName = `Loop Fund ${stamp}`;
  const fund = await createOrg(investor, fundName, "investor");
  for (const [index, code] of [await shareCode(page, alpha), await shareCode(bravoPage, bravo)].entries()) {
    await investor.goto(`${fund}/companies`);
    await investor.getByLabel("Company share code or owner email").fill(code.toLowerCase());
    await investor.getByRole("button", { name: "Request access" }).click();
    await expect(investor.getByTestId("pending-request")).toHaveCount(index + 1);
  }
  await approveAccess(page, alpha);
  await approveAccess(bravoPage, bravo);

  // The fund defines the request: this month's report and two custom metrics, reminders −3, 0, +3.
  await investor.goto(`${fund}/collection`);
  await investor.getByRole("link", { name: "New request" }).click();
  await investor.getByLabel("Period (month)").fill(MONTH);
  await investor.getByLabel("Reminder days").fill("-3, 0, +3");
  await investor.getByLabel("GPU hours", { exact: true }).check();
  await investor.getByLabel("Tokens served", { exact: true }).check();
  await investor.getByRole("button", { name: "Send request" }).click();
  await expect(investor.getByText("Request sent. Companies see it in their requests inbox.")).toBeVisible();
  await expect(investor.getByText("Fulfilled: 0 · Partly answered: 0 · Not started: 2 · Late: 0")).toBeVisible();

  // Alpha answers at once, from its inbox: fulfilled.
  await answerFromInbox(
    page,
    `${alpha}/requests`,
    { cash: "1070000", revenue: "40000", payroll: "170000", headcount: "10" },
    { "GPU hours": "8400", "Tokens served": "1200000000" },
  );
  const alphaRequest = page.locator("[data-request]", { hasText: fundName });
  await expect(alphaRequest).toContainText("Fulfilled");
  await expect(alphaRequest).toContainText("3 of 3");

  // The clock moves through the steps; each brings Bravo one reminder, and Alpha none.
  for (const [count, step] of [-3, 0, 3].entries()) {
    server.setClock(stepClock(step));
    await expect.poll(() => remindersTo(bravoEmail).length, { message: `reminder at step ${step}`, timeout: 20_000 }).toBe(count + 1);
  }
  // Several more runs of the job at +3 send nothing more: once per step.
  await investor.waitForTimeout(JOBS_EVERY_MS * 6);
  expect(remindersTo(bravoEmail)).toHaveLength(3);
  expect(remindersTo(alphaEmail)).toHaveLength(0);
  const reminder = remindersTo(bravoEmail)[0]!;
  expect(reminder.subject).toContain(fundName);
  expect(reminder.headerLines.map((h) => h.key)).toContain("list-unsubscribe");

  // Past the due day: the collection view shows Alpha fulfilled and Bravo late.
  await investor.goto(`${fund}/collection`);
  await expect(investor.getByText("Fulfilled: 1 · Partly answered: 0 · Not started: 0 · Late: 1")).toBeVisible();
  await expect(investor.getByRole("row", { name: new RegExp(`Alpha Loop ${stamp}`) })).toContainText("Fulfilled");
  await expect(investor.getByRole("row", { name: new RegExp(`Bravo Loop ${stamp}`) })).toContainText("Late");

  // Bravo follows the reminder's link to its inbox, sees the three reminders, and answers late.
  const link = /https?:\/\/\S+\/requests/.exec(reminder.text ?? "")?.[0];
  expect(link, "the reminder links to the inbox").toBe(`${server.origin}${bravo}/requests`);
  await bravoPage.goto(link!);
  const bravoRequest = bravoPage.locator("[data-request]", { hasText: fundName });
  await expect(bravoRequest).toContainText("Late");
  await expect(bravoRequest).toContainText(/Reminded: .+, .+, .+/);
  await answerFromInbox(
    bravoPage,
    `${bravo}/requests`,
    { cash: "2400000", revenue: "15000", payroll: "95000", headcount: "6" },
    { "GPU hours": "1200", "Tokens served": "90000000" },
  );
  await expect(bravoRequest).toContainText("3 of 3");

  // Answered: the +7 step (and the "remind now" button) are gone for good.
  server.setClock(stepClock(7));
  await investor.waitForTimeout(JOBS_EVERY_MS * 8);
  expect(remindersTo(bravoEmail)).toHaveLength(3);
  await investor.goto(`${fund}/collection`);
  await expect(investor.getByRole("row", { name: new RegExp(`Bravo Loop ${stamp}`) })).toContainText("3 of 3 in");
  await expect(investor.getByRole("button", { name: /Remind now/ })).toHaveCount(0);

  // Alpha's founder composes an update with a live runway card and sends it to the fund:
  // 1,070,000 / 130,000 (the last three months' net burn) = 8.2 months.
  await page.goto(`${alpha}/updates/new`);
  await page.getByLabel("Title").fill("Month in review");
  await page.getByLabel("Month it reports on").fill(MONTH);
  await page.getByLabel(/^Update \(Markdown/).fill("## Where we are\n\nRunway is {{runway}}.\n\n- **Answered** the fund's request on time");
  await page.getByLabel(fundName).check();
  await page.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByText("Update sent.")).toBeVisible();
  await expect(page.locator('[data-figure="runway"]')).toContainText("8.2 months");
  await expect(page.getByText("Nobody has opened it yet.")).toBeVisible();

  // The investor opens it from the e-mail.
  await expect.poll(() => smtp.to(investorEmail).filter((m) => (m.subject ?? "").includes("Month in review")).length, { timeout: 20_000 }).toBe(1);
  const mail = smtp.to(investorEmail).find((m) => (m.subject ?? "").includes("Month in review"))!;
  const updateLink = /https?:\/\/\S+\/updates\/[0-9a-f-]{36}/.exec(mail.text ?? "")?.[0];
  expect(updateLink?.startsWith(`${server.origin}${fund}/updates/`), "the e-mail links to the update in the fund").toBe(true);
  await investor.goto(updateLink!);
  await expect(investor.getByRole("heading", { name: "Where we are" })).toBeVisible();
  await expect(investor.locator('[data-figure="runway"]')).toContainText("8.2 months");

  // The founder sees the view.
  await page.reload();
  await expect(page.getByRole("table", { name: "Who opened it" })).toContainText("Ines Park");
  expect(errors, "errors in the other people's browsers").toEqual([]);
});
