// No more than a few applications from one client in an hour (issue 12, item 7: "anyone can make the system e-mail
// any address"). One client (named with X-Forwarded-For, which the local runtime gives the handler as the request's
// sourceIp) sends the limit's worth of applications, then one more: that one gets a plain page saying so, nothing is
// sent or e-mailed, and the draft is kept with everything typed.
//
// The limit is the template's ApplicationsPerClientPerHour (10). Start the runtime with
// -DAPPLICATIONS_PER_CLIENT_PER_HOUR=3 and run this with APPLICATIONS_PER_CLIENT_PER_HOUR=3 for a quicker run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  emailsTo, expectHeading, launchBrowser, newPage, pageChecker, press, TEST_TIMEOUT_MS, visit, waitForEmails, waitForHumanPace,
} from './support.mjs';
import { answersShown, fillSections, LEP, newApplicant, startApplication } from './applicant.mjs';

const LIMIT = Number(process.env.APPLICATIONS_PER_CLIENT_PER_HOUR ?? 10);

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** A client nobody else's test (or an earlier run this hour) uses: a random IPv6 documentation address. */
function uniqueClient() {
  const part = () => Math.floor(Math.random() * 0xffff).toString(16);
  return `2001:db8:${part()}:${part()}::${part()}`;
}

test(`the application after ${LIMIT} from one client in an hour gets a page, and its draft is kept`,
  { timeout: TEST_TIMEOUT_MS + LIMIT * 30_000 }, async () => {
    const client = uniqueClient();
    const checkPage = pageChecker('application-limits');
    // Each application in its own browser profile (its own draft), all from the one client.
    const drafts = [];
    for (let i = 0; i <= LIMIT; i += 1) {
      const page = await newPage(browser);
      await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': client });
      const applicant = newApplicant(`limit-${i}`);
      const startedAt = await startApplication(page, LEP);
      await fillSections(page, applicant);
      await expectHeading(page, 'Check your answers before sending your application');
      drafts.push({ page, applicant, startedAt });
    }
    for (const { page, startedAt } of drafts.slice(0, LIMIT)) {
      await waitForHumanPace(startedAt);
      await press(page, 'Send application');
      await expectHeading(page, 'Application sent');
    }

    const { page, applicant, startedAt } = drafts[LIMIT];
    await waitForHumanPace(startedAt);
    const answered = page.waitForResponse(r => r.request().method() === 'POST' && r.url().endsWith('/check-answers'));
    await press(page, 'Send application');
    assert.equal((await answered).status(), 429);
    await expectHeading(page, 'Too many applications sent from here');
    const words = await page.locator('main').innerText();
    assert.match(words, /we have not sent yours yet\. Your answers are saved\./);
    assert.match(words, /Try again in an hour/);
    await checkPage(page, 'too-many');

    // Nothing typed is lost: the draft is still there to send, with the answers.
    await visit(page, `/roles/${LEP.id}/check-answers`);
    await expectHeading(page, 'Check your answers before sending your application');
    assert.equal((await answersShown(page)).get('Full name'), applicant.fullName);

    // Nothing was sent: no acknowledgement to this applicant (the others got theirs).
    await sleep(2000);
    assert.equal((await emailsTo(applicant.email)).length, 0, 'no e-mail for the application not sent');
    await waitForEmails(drafts[0].applicant.email, 'We have received your application');

    // Another client is not held back.
    await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': uniqueClient() });
    await press(page, 'Send application');
    await expectHeading(page, 'Application sent');
    for (const d of drafts) await d.page.context().close();
  });
