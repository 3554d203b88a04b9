// Outcomes and appointment, as staff use them. Applications at the stages other areas produce (both references in, not
// shortlisted, not appointed) are seeded through DynamoDB Local in the shape DynamoApplicationStore writes, for a role
// closed in January. Staff see who is without an outcome, appoint one applicant (meeting the error summary first) and
// see the partner record with the right tenure dates, get the weekly reminder once, send the unsuccessful outcomes
// after a confirmation, mark the telephone task done, and the without-outcome page empties. The e-mails are read from
// the SES emulator; axe-core checks every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, dynamoDb, emailsTo, expectHeading, fireSchedule, launchBrowser, newPage, openArea, pageChecker, plain,
  press, putApplication, putRole, scanFor, signIn, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit, waitForEmails, postFromSite,
} from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const SCG = 'strategic-coproduction-group-member';
const TEAM = 'involvement-team@example.org'; // the example roles' team mailbox

/** A copy of the example Strategic Co-production Group role (2-year term, one 2-year extension, paid), closed on 20 January 2025. */
async function seedClosedRole(stamp) {
  const TableName = await tableName('RolesTable');
  const { Item } = await dynamoDb('GetItem', { TableName, Key: { roleId: { S: SCG } }, ConsistentRead: true });
  assert.ok(Item, 'the example roles are loaded');
  const role = JSON.parse(Item.data.S);
  Object.assign(role, { id: `e2e-outcomes-${stamp}`, title: `Outcomes test group member ${stamp}`, status: 'SHORTLISTING',
    closingDate: '2025-01-20', interviewWeekCommencing: '2025-02-03' });
  await putRole(role, '2025-01-20T23:59:00Z');
  return role;
}

/** An application at `status`, as the earlier steps of the round would have left it. */
async function seedApplication(role, n, status, { contactMethod = 'email', paidRolesHeld = '0' } = {}) {
  const reference = `INV-E2E${String(n).padStart(1, '0')}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const name = `Applicant ${['Alpha', 'Bravo', 'Charlie', 'Delta'][n - 1]} ${role.id.slice(-5)}`;
  const email = uniqueEmail(`outcomes-${n}`);
  const answers = { fullName: name, email, phone: '07700 900123', addressLine1: '1 Example Street', townOrCity: 'Exampleton', postcode: 'LS1 4AP',
    contactMethod, acceptsPayment: 'accept', paidRolesHeld, receivesBenefits: 'no' };
  const application = { reference, roleId: role.id, applicantKey: `e2e-person-${reference}`, status, answers, submittedAt: '2025-01-10T10:00:00Z',
    contactMethod, monitoringToken: `token-${reference}`, acknowledgement: contactMethod === 'email' ? 'EMAIL_QUEUED' : 'STAFF_TO_CONTACT',
    enteredBy: 'applicant', progress: {} };
  await putApplication(application);
  return { reference, name, email };
}

test('staff appoint a partner with the right tenure, send every outcome once, and nobody is left without one', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
  const stamp = `${Date.now()}`;
  const role = await seedClosedRole(stamp);
  const ready = await seedApplication(role, 1, 'REFERENCES_RECEIVED');
  const notShortlisted = await seedApplication(role, 2, 'NOT_SHORTLISTED');
  const byPhone = await seedApplication(role, 3, 'NOT_SHORTLISTED', { contactMethod: 'telephone' });
  const notAppointed = await seedApplication(role, 4, 'NOT_APPOINTED');
  const checkPage = pageChecker('outcomes');
  const page = await newPage(browser);
  await signIn(page, 'Sam Staff');

  // Everyone of the closed role is without an outcome.
  await openArea(page, 'Outcomes');
  await expectHeading(page, 'Applicants without an outcome');
  const waiting = page.locator('main');
  for (const a of [ready, notShortlisted, byPhone, notAppointed]) assert.match(await waiting.innerText(), new RegExp(a.reference));
  await checkPage(page, 'without-outcome');

  // Appoint: the error summary first, then the partner record.
  await openArea(page, 'Partners');
  await expectHeading(page, 'Partners');
  await checkPage(page, 'partners');
  await page.getByRole('link', { name: role.title }).click();
  await page.waitForLoadState('load');
  await checkPage(page, 'role-partners');
  await page.getByRole('link', { name: `Appoint ${ready.name}` }).click();
  await page.waitForLoadState('load');
  await expectHeading(page, `Appoint ${ready.name}`);
  assert.ok(await page.getByLabel('They accept the payment').isChecked(), 'the payment answer comes from the application');
  await checkPage(page, 'appoint-form');
  await press(page, 'Appoint');
  assert.match(await page.title(), /^Error: Appoint/);
  assert.match(await page.locator('.nhsuk-error-summary').innerText(), /Enter the date they start/);
  await checkPage(page, 'appoint-errors');
  await page.fill('#start-day', '1');
  await page.fill('#start-month', '9');
  await page.fill('#start-year', '2026');
  await press(page, 'Appoint');
  await expectHeading(page, ready.name);
  const record = await page.locator('main').innerText();
  assert.match(record, /Appointed\. Their partner record is below\./);
  assert.match(record, /Starts\s+1 September 2026/);
  assert.match(record, /Term ends\s+1 September 2028/);
  assert.match(record, /Latest end\s+1 September 2030 \(4 years in the role at most\)/);
  assert.match(record, /Extensions used\s+0 of 1/);
  assert.match(record, /Payment\s+Accepted/);
  assert.match(record, /Status\s+Active/);
  await checkPage(page, 'partner-record');

  // Appointing again (a second press, a retried request) is the same one appointment and one welcome.
  const again = await postFromSite(page, `/staff/partners/${role.id}/${ready.reference}`,
    { form: { 'start-day': '1', 'start-month': '9', 'start-year': '2026', payment: 'accept' }, maxRedirects: 0 });
  assert.equal(again.status(), 303);
  const partners = (await scanFor('PartnersTable', 'roleId', role.id)).map(plain);
  assert.equal(partners.length, 1, 'one partner record');
  const [welcome] = await waitForEmails(ready.email, 'Welcome: you have been appointed');
  for (const words of ['Induction', 'Code of conduct', 'Confidentiality agreement', 'Declaration of interests', 'Statement of values',
    'You start on 1 September 2026.', 'Your term ends on 1 September 2028', 'benefits-advice@example.org', 'involvement-team@example.org']) {
    assert.ok(welcome.body.text.includes(words), `the welcome says "${words}"`);
  }

  // The weekly reminder: three still waiting, one e-mail however often it runs.
  await fireSchedule('OutcomeReminderFunction');
  await fireSchedule('OutcomeReminderFunction');
  const reminders = await waitForEmails(TEAM, `3 applicants still waiting for an outcome: ${role.title}`);
  assert.equal(reminders.length, 1);

  // Send the unsuccessful outcomes, after saying how many.
  await visit(page, `/staff/outcomes/${role.id}`);
  await expectHeading(page, 'Outcomes');
  await checkPage(page, 'role-outcomes');
  await page.getByRole('link', { name: 'Send unsuccessful outcomes' }).click();
  await page.waitForLoadState('load');
  await expectHeading(page, 'Send 3 unsuccessful outcomes?');
  assert.match(await page.locator('main').innerText(), /2 emails to applicants/);
  await checkPage(page, 'confirm-send');
  await press(page, 'Send outcomes');
  assert.match(await page.locator('main').innerText(), /Outcomes sent: 2 emails, and 1 task for staff/);
  await checkPage(page, 'outcomes-sent');
  const sentAgain = await postFromSite(page, `/staff/outcomes/${role.id}/send`, { form: {}, maxRedirects: 0 });
  assert.match(sentAgain.headers().location, /emails=0&tasks=0$/, 'sending twice sends once');

  for (const a of [notShortlisted, notAppointed]) {
    const [letter] = await waitForEmails(a.email, 'The outcome of your application');
    assert.match(letter.body.text, /Thank you for applying/);
    assert.match(letter.body.text, /If you would like feedback on your application/);
    assert.equal((await emailsTo(a.email)).length, 1);
  }
  assert.equal((await emailsTo(byPhone.email)).length, 0, 'someone who asked for telephone gets no e-mail');
  await waitForEmails(TEAM, `Tell applicant ${byPhone.reference} their outcome by telephone`);

  // The telephone task, done.
  await press(page, `Mark ${byPhone.reference} as told`);
  assert.match(await page.locator('main').innerText(), /Marked as told/);
  await checkPage(page, 'task-done');

  // Nobody of this role is left without an outcome, and the role is filled.
  await openArea(page, 'Outcomes');
  await expectHeading(page, 'Applicants without an outcome');
  assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(role.title));
  await checkPage(page, 'without-outcome-after');
  const [stored] = (await scanFor('RolesTable', 'roleId', role.id)).map(plain);
  assert.equal(stored.status, 'FILLED');
  await page.context().close();
});

test('a panel member is refused the outcome and partner pages', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('outcomes-panel');
  await signIn(page, 'Pat Panel');
  assert.equal(await page.getByRole('link', { name: 'Outcomes' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Partners' }).count(), 0);
  await visit(page, '/staff/outcomes', 403);
  assert.match(await page.locator('main').innerText(), /Your account cannot tell applicants the outcome/);
  await checkPage(page, 'forbidden');
  await visit(page, '/staff/partners', 403);
  const post = await postFromSite(page, `/staff/outcomes/${SCG}/send`, { form: {}, maxRedirects: 0 });
  assert.equal(post.status(), 403);
  const anonymous = await fetch(`${BASE_URL}/staff/partners`, { redirect: 'manual' });
  assert.equal(anonymous.status, 401);
  await page.context().close();
});
