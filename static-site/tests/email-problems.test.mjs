// E-mail never silently lost (issue 12): an e-mail SES refused and one that may have gone are listed on the staff
// E-mail problems page (address masked, reason in plain words); Send again sends the refused one once, Mark as sent
// closes the unsure one, and neither is listed afterwards. The two messages are seeded as the mailer leaves them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  dynamoDb, emailsTo, expectHeading, launchBrowser, newPage, openArea, pageChecker, signIn, sortableTime, tableName,
  TEST_TIMEOUT_MS, uniqueEmail, waitForEmails,
} from './support.mjs';

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
