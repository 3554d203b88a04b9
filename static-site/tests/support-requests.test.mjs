// An application that asks for another format, support or adjustments becomes a staff task (issue 8): the team is
// e-mailed a link (and not what was asked), the Support and other formats page lists what was asked with a link to the
// application, and Mark done takes it off the list, kept on the application with who and when.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectHeading, launchBrowser, linkInHtml, newPage, pageChecker, press, signIn, TEST_TIMEOUT_MS, visit, waitForEmails,
} from './support.mjs';
import { fillSections, LEP, newApplicant, sendApplication, startApplication } from './applicant.mjs';

const TEAM = 'involvement-team@example.org'; // the example roles' team address (functions/handlers/.../local/ExampleRoles.java)

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a request for another format or support reaches staff, is listed with what was asked, and is marked done', { timeout: TEST_TIMEOUT_MS }, async () => {
  const checkPage = pageChecker('support-requests');
  const applicant = newApplicant('support', { otherFormat: 'Easy read', supportNeeds: 'A quiet room to wait in.' });
  const page = await newPage(browser);
  const startedAt = await startApplication(page, LEP);
  await fillSections(page, applicant);
  const reference = await sendApplication(page, startedAt, applicant);
  await page.context().close();

  const [email] = await waitForEmails(TEAM, `Support or another format asked for: application ${reference}`);
  assert.ok(!email.body.text.includes('Easy read') && !email.body.text.includes('quiet room'), 'what was asked stays on the page');
  const link = linkInHtml(email.body.html, 'Open the support requests');
  assert.equal(new URL(link).pathname, '/staff/applications/support');

  const staff = await newPage(browser);
  await signIn(staff, 'Sam Staff');
  await visit(staff, new URL(link).pathname);
  await expectHeading(staff, 'Support and other formats');
  const row = staff.getByRole('row').filter({ hasText: reference });
  const asked = await row.innerText();
  assert.match(asked, /Another format:\s*Easy read/);
  assert.match(asked, /Support needs:\s*A quiet room to wait in\./);
  assert.match(asked, /Reasonable adjustments:\s*Captions on video calls\./);
  await checkPage(staff, 'list');

  await row.getByRole('button', { name: `Mark done for ${reference}` }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, 'Support and other formats');
  assert.match(await staff.locator('main').innerText(), /Saved: the request is marked done\./);
  assert.equal(await staff.getByRole('row').filter({ hasText: reference }).count(), 0, 'done requests leave the list');
  await checkPage(staff, 'done');

  await visit(staff, `/staff/applications/${reference}`);
  assert.match(await staff.locator('main').innerText(), /Support and other formats\s*Done by Sam Staff on /);
  await staff.context().close();
});
