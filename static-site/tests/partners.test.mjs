// A partner after appointment, as people would do it. A role closed in January and an applicant whose references are
// both in are seeded through DynamoDB Local (as outcomes.test.mjs does); staff appoint them; the partner opens "your
// involvement" from the welcome e-mail, agrees the code of conduct, pauses with a return date and comes back; the
// team is e-mailed each change; staff see the history. When the link has expired (a copy of it signed with the local
// runtime's key and an expiry in the past) they ask for a new one by e-mail address, and an unknown address gets the
// same answer. From the new link they retire, with a thank-you page and a farewell e-mail. axe-core checks every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  dynamoDb, expectHeading, launchBrowser, linkInHtml, newPage, openArea, pageChecker, press, putApplication, putRole,
  signIn, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit, waitForEmails, emailsTo,
} from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const SCG = 'strategic-coproduction-group-member';
const TEAM = 'involvement-team@example.org'; // the example roles' team mailbox

/** The local runtime's signing key, kept in its data folder (INVOLVE_DATA_DIR, default .local-data). */
function localSigningKey() {
  const dir = process.env.INVOLVE_DATA_DIR ?? fileURLToPath(new URL('../../.local-data/', import.meta.url));
  return readFileSync(`${dir.replace(/\/+$/, '')}/signing-key`, 'utf8').trim();
}

/** The same link with its expiry moved into the past, signed as SignedLink signs ("links:" + the key, 32 bytes). */
function expiredCopy(link) {
  const url = new URL(link);
  const token = url.pathname.split('/').pop();
  const parts = Buffer.from(token.split('.')[0], 'base64url').toString('utf8').split('|');
  parts[3] = String(Math.floor(Date.now() / 1000) - 60);
  const payload = Buffer.from(parts.join('|'), 'utf8').toString('base64url');
  const signature = createHmac('sha256', `links:${localSigningKey()}`).update(payload).digest().subarray(0, 32).toString('base64url');
  return `${url.pathname.replace(token, '')}${payload}.${signature}`;
}

async function seedReadyToAppoint(stamp) {
  const TableName = await tableName('RolesTable');
  const { Item } = await dynamoDb('GetItem', { TableName, Key: { roleId: { S: SCG } }, ConsistentRead: true });
  assert.ok(Item, 'the example roles are loaded');
  const role = JSON.parse(Item.data.S);
  Object.assign(role, { id: `e2e-partners-${stamp}`, title: `Partners test group member ${stamp}`, status: 'SHORTLISTING',
    closingDate: '2025-01-20', interviewWeekCommencing: '2025-02-03' });
  await putRole(role, '2025-01-20T23:59:00Z');
  const reference = `INV-PRTN-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const name = `Partner Papa ${stamp.slice(-5)}`;
  const email = uniqueEmail('partner');
  const answers = { fullName: name, email, phone: '07700 900123', addressLine1: '1 Example Street', townOrCity: 'Exampleton',
    postcode: 'LS1 4AP', contactMethod: 'email', acceptsPayment: 'accept', paidRolesHeld: '0', receivesBenefits: 'no',
    adjustments: 'Papers in large print', interestAreas: 'Maternity care' };
  await putApplication({ reference, roleId: role.id, applicantKey: `e2e-person-${reference}`, status: 'REFERENCES_RECEIVED', answers,
    submittedAt: '2025-01-10T10:00:00Z', contactMethod: 'email', monitoringToken: `token-${reference}`,
    acknowledgement: 'EMAIL_QUEUED', enteredBy: 'applicant', progress: {} });
  return { role, reference, name, email };
}

test('a partner agrees, pauses and returns from their link, and asks for a new one when it has expired', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
  const stamp = `${Date.now()}`;
  const { role, reference, name, email } = await seedReadyToAppoint(stamp);
  const checkPage = pageChecker('partners');

  // Staff appoint them.
  const staff = await newPage(browser);
  await signIn(staff, 'Sam Staff');
  await visit(staff, `/staff/partners/${role.id}/${reference}`);
  await staff.fill('#start-day', '1');
  await staff.fill('#start-month', '9');
  await staff.fill('#start-year', '2026');
  await press(staff, 'Appoint');
  await expectHeading(staff, name);

  // The welcome carries their link.
  const [welcome] = await waitForEmails(email, 'Welcome: you have been appointed');
  assert.match(welcome.body.text, /Use the "Your involvement" link at the end of this email/);
  const link = linkInHtml(welcome.body.html, 'Go to your involvement');
  const path = new URL(link).pathname;

  const partner = await newPage(browser);
  await visit(partner, path);
  await expectHeading(partner, 'Your involvement');
  let main = await partner.locator('main').innerText();
  assert.match(main, new RegExp(role.title));
  assert.match(main, /Papers in large print/, 'adjustments carried over from the application');
  assert.match(main, /Code of conduct\s+Not agreed yet/);
  await checkPage(partner, 'your-involvement');

  // Agree the code of conduct: the error summary first.
  await partner.getByRole('link', { name: 'Read and agree Code of conduct' }).click();
  await partner.waitForLoadState('load');
  await expectHeading(partner, 'Code of conduct');
  await press(partner, 'Agree');
  assert.match(await partner.title(), /^Error: /);
  assert.match(await partner.locator('.nhsuk-error-summary').innerText(), /Tick the box to agree to the code of conduct/);
  await checkPage(partner, 'agree-error');
  await partner.getByLabel('I agree to the code of conduct').check();
  await press(partner, 'Agree');
  await expectHeading(partner, 'Your involvement');
  main = await partner.locator('main').innerText();
  assert.match(main, /Thank you\. We have saved that you agreed\./);
  assert.match(main, /Code of conduct\s+Agreed on \d+ \w+ \d{4} \(version 2026-1\)/);
  await checkPage(partner, 'agreed');

  // Pause with a return date, then come back.
  await partner.getByRole('link', { name: 'Pause my role' }).click();
  await partner.waitForLoadState('load');
  await expectHeading(partner, 'Pause my role');
  await checkPage(partner, 'pause');
  const back = new Date(Date.now() + 60 * 86400_000);
  await partner.fill('#returnDate-day', String(back.getUTCDate()));
  await partner.fill('#returnDate-month', String(back.getUTCMonth() + 1));
  await partner.fill('#returnDate-year', String(back.getUTCFullYear()));
  await press(partner, 'Pause my role');
  main = await partner.locator('main').innerText();
  assert.match(main, /Your role is paused/);
  assert.match(main, /Status\s+Paused until \d+ \w+ \d{4}/);
  await checkPage(partner, 'paused');
  await partner.getByRole('link', { name: 'Come back from a pause' }).click();
  await partner.waitForLoadState('load');
  await checkPage(partner, 'return');
  await press(partner, 'Come back');
  main = await partner.locator('main').innerText();
  assert.match(main, /Welcome back/);
  assert.match(main, /Status\s+Active/);

  // The team was told of each change, with a link to the partner's page and without the partner's details.
  const notices = await waitForEmails(TEAM, `A partner made a change: ${reference}`, { count: 3 });
  assert.ok(notices.every(n => !n.body.text.includes(email) && !n.body.text.includes(name)));
  assert.ok(notices.some(n => n.body.text.includes('has agreed the code of conduct')));
  assert.ok(linkInHtml(notices[0].body.html, 'See their partner record').endsWith(`/staff/partners/${role.id}/${reference}`));

  // Staff see every change in the history.
  await visit(staff, `/staff/partners/${role.id}/${reference}`);
  const record = await staff.locator('main').innerText();
  assert.match(record, /agreed the code of conduct, version 2026-1/);
  assert.match(record, /Active to Paused/);
  assert.match(record, /Paused to Active/);
  await checkPage(staff, 'staff-record');

  // Staff find them among every partner, by role and status.
  await openArea(staff, 'Partners');
  await staff.getByLabel('Role', { exact: true }).selectOption(role.id);
  await staff.getByLabel('Status', { exact: true }).selectOption('ACTIVE');
  await press(staff, 'Show partners');
  assert.match(await staff.locator('main').innerText(), new RegExp(`Partners found: 1[\\s\\S]*${name}`));
  await staff.getByLabel('Status', { exact: true }).selectOption('PAUSED');
  await press(staff, 'Show partners');
  assert.doesNotMatch(await staff.locator('main').innerText(), new RegExp(name));
  await checkPage(staff, 'staff-partners-filtered');

  // The link has expired: they ask for a new one.
  const expired = await newPage(browser);
  await visit(expired, expiredCopy(link), 410);
  await expectHeading(expired, 'This link has expired');
  await checkPage(expired, 'expired');
  await expired.getByRole('link', { name: 'Ask for a new link' }).click();
  await expired.waitForLoadState('load');
  await expectHeading(expired, 'Ask for a new link');
  await checkPage(expired, 'ask-for-link');
  await press(expired, 'Send me a new link');
  assert.match(await expired.locator('.nhsuk-error-summary').innerText(), /Enter your email address/);
  await checkPage(expired, 'ask-for-link-error');
  await expired.getByLabel('Email address').fill(email);
  await press(expired, 'Send me a new link');
  await expectHeading(expired, 'Check your email');
  const knownAnswer = await expired.locator('main').innerText();
  await checkPage(expired, 'link-sent');

  const [fresh] = await waitForEmails(email, 'Your new link');
  const freshLink = linkInHtml(fresh.body.html, 'Go to your involvement');
  assert.notEqual(freshLink, link);
  await visit(expired, new URL(freshLink).pathname);
  await expectHeading(expired, 'Your involvement');

  // Retiring, from the new link: a thank-you and a farewell e-mail.
  await expired.getByRole('link', { name: 'Retire from this role' }).click();
  await expired.waitForLoadState('load');
  await expectHeading(expired, 'Retire from this role');
  await checkPage(expired, 'retire');
  await expired.getByLabel('I want to retire from this role').check();
  await press(expired, 'Retire');
  await expectHeading(expired, 'Thank you');
  assert.match(await expired.locator('main').innerText(), /Your time in this role has ended/);
  await checkPage(expired, 'retired');
  const [farewell] = await waitForEmails(email, `Thank you: ${role.title}`);
  assert.match(farewell.body.text, /You retired from the role on/);
  linkInHtml(farewell.body.html, 'Go to your involvement');

  // An address we do not know gets the very same answer, and nothing is sent to it.
  const stranger = uniqueEmail('not-a-partner');
  await visit(expired, '/your-involvement');
  await expired.getByLabel('Email address').fill(stranger);
  await press(expired, 'Send me a new link');
  await expectHeading(expired, 'Check your email');
  assert.equal(await expired.locator('main').innerText(), knownAnswer);
  await new Promise(resolve => setTimeout(resolve, 2000));
  assert.equal((await emailsTo(stranger)).length, 0);
});
