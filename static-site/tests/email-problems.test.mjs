// E-mail never silently lost (issue 12): an e-mail SES refused and one that may have gone are listed on the staff
// E-mail problems page (address masked, reason in plain words); Send again sends the refused one once, Mark as sent
// closes the unsure one, and neither is listed afterwards. The two messages are seeded as the mailer leaves them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  dynamoDb, emailsTo, expectHeading, launchBrowser, newPage, openArea, pageChecker, press, scanFor, sendToQueue, signIn,
  sortableTime, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit, waitForEmails,
} from './support.mjs';
import {
  ACKNOWLEDGEMENT, fillSections, LEP, newApplicant, REFERENCE, sendApplication, startApplication,
} from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** An outbox item as DynamoOutbox leaves a message it set aside for staff. */
async function putSetAside(id, to, subject, status, problem) {
  const now = sortableTime(Date.now());
  await dynamoDb('PutItem', { TableName: await tableName('OutboxTable'), Item: {
    messageId: { S: id }, status: { S: status }, problem: { S: problem }, lastError: { S: problem },
    trouble: { S: 'TROUBLE' }, troubleAt: { S: now }, attemptedAt: { S: now }, createdAt: { S: now }, dueAt: { S: now },
    attempts: { N: '0' }, purpose: { S: 'test' }, to: { S: to }, subject: { S: subject },
    html: { S: '<p>Your interview is on Monday.</p>' }, text: { S: 'Your interview is on Monday.\n' },
  } });
}

test('refused and unsure e-mails are listed for staff, sent again once, or marked as sent', { timeout: TEST_TIMEOUT_MS }, async () => {
  const checkPage = pageChecker('email-problems');
  const tag = Date.now().toString(36);
  const refusedTo = uniqueEmail('refused'), unsureTo = uniqueEmail('unsure');
  const refused = `Your interview time ${tag}`, unsure = `Your reference request ${tag}`;
  await putSetAside(`e2e-refused-${tag}`, refusedTo, refused, 'FAILED', 'MESSAGE_REJECTED');
  await putSetAside(`e2e-unsure-${tag}`, unsureTo, unsure, 'NEEDS_CHECKING', 'NO_ANSWER');

  const staff = await newPage(browser);
  await signIn(staff, 'Sam Staff');
  await openArea(staff, 'E-mail problems');
  await expectHeading(staff, 'E-mail problems');
  const main = await staff.locator('main').innerText();
  assert.ok(!main.includes(refusedTo) && !main.includes(unsureTo), 'addresses are masked');
  const refusedRow = staff.getByRole('row').filter({ hasText: refused });
  assert.match(await refusedRow.innerText(), /e\*\*\*@example\.org[\s\S]*refused this e-mail/);
  const unsureRow = staff.getByRole('row').filter({ hasText: unsure });
  assert.match(await unsureRow.innerText(), /may have sent the e-mail/);
  assert.equal(await refusedRow.getByRole('button', { name: /Mark as sent/ }).count(), 0, 'only an unsure one');
  await checkPage(staff, 'list');

  await refusedRow.getByRole('button', { name: /Send again/ }).click();
  await staff.waitForLoadState('load');
  assert.match(await staff.locator('main').innerText(), /The e-mail will be sent again now\./);
  assert.equal(await staff.getByRole('row').filter({ hasText: refused }).count(), 0);
  await checkPage(staff, 'sent-again');
  await waitForEmails(refusedTo, refused);

  await staff.getByRole('row').filter({ hasText: unsure }).getByRole('button', { name: /Mark as sent/ }).click();
  await staff.waitForLoadState('load');
  assert.match(await staff.locator('main').innerText(), /The e-mail is marked as sent\./);
  assert.equal(await staff.getByRole('row').filter({ hasText: unsure }).count(), 0);
  await checkPage(staff, 'marked-sent');
  await staff.context().close();

  await sleep(2000);
  assert.equal((await emailsTo(refusedTo)).length, 1, 'sent again once');
  assert.equal((await emailsTo(unsureTo)).length, 0, 'marking as sent sends nothing');
});

// Bounces (issue 12, item 3): the acknowledgement bounces for good; SES's notice reaches the mail feedback queue (as
// SNS delivers it in AWS); the next e-mail to that address is not sent but becomes a task for staff, who read it in
// full, pass it on by telephone and mark it so; the application says the person cannot be e-mailed.
test('after a bounce, the next e-mail to that address is a task to pass on by telephone or post', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
  const checkPage = pageChecker('email-bounce');
  const applicant = newApplicant('bounce');
  const page = await newPage(browser);
  const startedAt = await startApplication(page, LEP);
  await fillSections(page, applicant);
  await sendApplication(page, startedAt, applicant);
  await page.context().close();
  const [ack] = await waitForEmails(applicant.email, ACKNOWLEDGEMENT);
  const reference = ack.body.text.match(REFERENCE)[0];

  await sendToQueue('MailFeedbackQueue', JSON.stringify({
    eventType: 'Bounce',
    bounce: { bounceType: 'Permanent', bounceSubType: 'General', timestamp: new Date().toISOString(),
      bouncedRecipients: [{ emailAddress: applicant.email, action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }] },
    mail: { messageId: 'local-bounce', destination: [applicant.email] },
  }));
  // The feedback function polls its queue; wait until the address is on the list.
  const deadline = Date.now() + 30_000;
  while ((await scanFor('UndeliverableAddressesTable', 'reason', 'BOUNCED')).length === 0 && Date.now() < deadline) await sleep(500);

  // Someone applies again with that address: the owner would be e-mailed, but the address no longer takes e-mail.
  const again = await newPage(browser);
  const againStarted = await startApplication(again, LEP);
  await fillSections(again, newApplicant('bounce-again', { email: applicant.email }));
  await sendApplication(again, againStarted, applicant);
  await again.context().close();

  const staff = await newPage(browser);
  await signIn(staff, 'Sam Staff');
  let row;
  for (let tries = 0; tries < 30; tries++) {
    await openArea(staff, 'E-mail problems');
    row = staff.getByRole('row').filter({ hasText: 'Someone tried to apply again' }).filter({ hasText: applicant.email.slice(0, 1) + '***@example.org' });
    if (await row.count() > 0) break;
    await sleep(1000);
  }
  await expectHeading(staff, 'E-mail problems');
  assert.match(await staff.locator('main').innerText(), /Tell by telephone or post/);
  const mine = staff.getByRole('row').filter({ hasText: 'Someone tried to apply again' });
  assert.ok(await mine.count() >= 1, 'the e-mail waits for staff');
  assert.equal(await mine.first().getByRole('button', { name: /Send again/ }).count(), 0, 'sending again would bounce');
  await checkPage(staff, 'list');

  // Find this applicant's row by reading each (addresses are masked on the list).
  const count = await mine.count();
  let found = false;
  for (let i = 0; i < count && !found; i++) {
    await mine.nth(i).getByRole('link', { name: /Read the e-mail/ }).click();
    await staff.waitForLoadState('load');
    if ((await staff.locator('main').innerText()).includes(applicant.email)) { found = true; break; }
    await staff.goBack();
  }
  assert.ok(found, 'one of them is to this applicant, in full on its own page');
  await expectHeading(staff, 'An e-mail that was not sent');
  assert.match(await staff.locator('main').innerText(), /earlier e-mail to this address bounced/);
  await checkPage(staff, 'message');
  await press(staff, 'Mark as told by telephone or post');
  assert.match(await staff.locator('main').innerText(), /The e-mail is marked as passed on by telephone or post\./);
  await checkPage(staff, 'told');

  await visit(staff, `/staff/applications/${reference}`);
  const application = await staff.locator('main').innerText();
  assert.match(application, /We cannot e-mail this person/);
  assert.match(application, /E-mail to this address bounced/);
  await checkPage(staff, 'application');
  await staff.context().close();

  await sleep(2000);
  assert.equal((await emailsTo(applicant.email)).length, 1, 'only the acknowledgement, sent before the bounce');
});
