// The staff application pages, as the involvement team uses them: a member of staff opens Applications, enters one
// application taken over the telephone and one that came by post (meeting the error summary first), finds the held
// one in the talk-to-us-first queue and records the conversation, marks the telephone one acknowledged, and the
// applicant who asked for e-mail gets their acknowledgement with their own monitoring link. A panel member is refused.
// axe-core checks every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectHeading, heading, launchBrowser, linkInHtml, newPage, pageChecker, press, signIn, TEST_TIMEOUT_MS, uniqueEmail,
  visit, waitForEmails, postFromSite,
} from './support.mjs';

const ROLE = 'listening-culture-lived-experience-partner';
const TEAM = 'involvement-team@example.org';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const radio = (page, name, value) => page.check(`input[name="${name}"][value="${value}"]`);

/** Fills the entry form as staff would while talking to (or reading the letter of) the applicant. */
async function fillApplication(page, { channel, fullName, contactMethod, email = '', phone = '', talkFirst = false }) {
  await radio(page, 'receivedBy', channel);
  await page.fill('#fullName', fullName);
  await page.fill('#email', email);
  await page.fill('#phone', phone);
  await page.fill('#addressLine1', '1 Example Street');
  await page.fill('#townOrCity', 'Exampleton');
  await page.fill('#postcode', 'LS1 4AP');
  await radio(page, 'contactMethod', contactMethod);
  await radio(page, 'disabilityConfident', 'no');
  // "Do any of these apply to you?": one box, or "None of these".
  await page.check(talkFirst ? 'input[name="removedAsTrustee"]' : 'input[name="eligibilityNone"]');
  await page.fill('#paidRolesHeld', '0');
  for (const box of await page.locator('textarea[name^="criterion-"]').all()) await box.fill('I have done this as a carer for ten years.');
  await page.fill('#livedExperience', 'I care for my son, who uses mental health services.');
  await page.fill('#interestAreas', 'Mental health and carers.');
  await radio(page, 'acceptsPayment', 'accept');
  await radio(page, 'receivesBenefits', 'no');
  for (const n of [1, 2]) {
    await page.fill(`#referee${n}Name`, `Referee Number${n}`);
    await page.fill(`#referee${n}Relationship`, 'We volunteer together at the carers\' group');
    await page.fill(`#referee${n}KnownFor`, '3 years');
    await page.fill(`#referee${n}Email`, `referee${n}@example.org`);
    await page.fill(`#referee${n}Phone`, `01632 960 31${n}`);
  }
  await page.check('#privacyAgreed');
  await page.check('#confidentialityAgreed');
}

/** A fictional mobile number (Ofcom's drama range) this run alone uses: the phone number identifies a telephone applicant. */
function uniquePhone() {
  return `07700 900${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
}

function referenceOf(page) {
  const ref = new URL(page.url()).pathname.split('/').pop();
  assert.match(ref, /^INV-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return ref;
}

test('nobody signed in gets 401 from the application pages', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  for (const path of ['/staff/applications', '/staff/applications/talk-first', '/staff/applications/unacknowledged',
    '/staff/applications/INV-BCDF-2345', `/staff/roles/${ROLE}/applications`, `/staff/roles/${ROLE}/applications/new`]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    assert.equal(response.status(), 401, `GET ${path}`);
  }
  const post = await postFromSite(page, `/staff/roles/${ROLE}/applications`, { form: { fullName: 'x' }, maxRedirects: 0 });
  assert.equal(post.status(), 401);
  const forged = await page.request.get('/staff/applications', { headers: { Cookie: 'involve-staff=not.a.token' }, maxRedirects: 0 });
  assert.equal(forged.status(), 403);
  await page.context().close();
});

test('staff enter applications for applicants, talk first to one, and acknowledge the other', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('staff-applications');
  await signIn(page, 'Sam Staff');

  await page.getByRole('navigation', { name: 'Staff menu' }).getByRole('link', { name: 'Applications' }).click();
  await page.waitForLoadState('load');
  await expectHeading(page, 'Applications');
  await checkPage(page, 'overview');

  await page.getByRole('link', { name: 'Listening Culture lived experience partner' }).click();
  await page.waitForLoadState('load');
  await expectHeading(page, 'Applications');
  await checkPage(page, 'role-applications');

  // An application taken over the telephone, from someone who wants to be contacted by telephone.
  await page.getByRole('link', { name: /Enter an application received by telephone/ }).click();
  await page.waitForLoadState('load');
  await expectHeading(page, 'Enter an application for the applicant');
  await checkPage(page, 'enter-form');
  await press(page, 'Save application');
  assert.match(await page.title(), /^Error: Enter an application/);
  const summary = await page.locator('.nhsuk-error-summary').innerText();
  assert.match(summary, /Select how the application reached you/);
  assert.match(summary, /Enter your full name/);
  await checkPage(page, 'enter-form-errors');

  const caller = `Robin Caller ${Date.now()}`;
  await fillApplication(page, { channel: 'telephone', fullName: caller, contactMethod: 'telephone', phone: uniquePhone() });
  await press(page, 'Save application');
  assert.match(await heading(page), /^Application INV-/);
  const phoned = referenceOf(page);
  const shown = await page.locator('main').innerText();
  assert.match(shown, /Application saved/);
  assert.match(shown, /Telephone call, entered by Sam Staff/);
  assert.match(shown, /Not yet/);
  assert.match(shown, /Do not ask the questions or fill it in for them/, 'staff offer the applicant their own monitoring link');
  assert.match(shown, new RegExp(`/monitoring\\?role=${ROLE}&token=`));
  await checkPage(page, 'entered-by-telephone');
  await waitForEmails(TEAM, `Please acknowledge application ${phoned} by telephone`);

  // A letter from someone who asked for e-mail, who declared something the team must talk through first.
  const writer = `Alex Writer ${Date.now()}`;
  const writerEmail = uniqueEmail('letter');
  await visit(page, `/staff/roles/${ROLE}/applications/new`);
  await fillApplication(page, { channel: 'post', fullName: writer, contactMethod: 'email', email: writerEmail, talkFirst: true });
  await press(page, 'Save application');
  const posted = referenceOf(page);
  assert.match(await page.locator('main').innerText(), /Held: talk to the applicant first/);
  assert.equal(await page.getByText('Do not ask the questions or fill it in for them').count(), 0, 'an applicant on e-mail gets their link by e-mail');
  await checkPage(page, 'entered-by-post-held');
  const [ack] = await waitForEmails(writerEmail, 'We have received your application');
  assert.match(linkInHtml(ack.body.html, 'Fill in the equal opportunities form'), new RegExp(`/monitoring\\?role=${ROLE}&token=`));
  await waitForEmails(TEAM, `Talk to the applicant first: application ${posted}`);

  // The role's list shows both, how they came and their state.
  await visit(page, `/staff/roles/${ROLE}/applications`);
  const rows = await page.locator('table').innerText();
  assert.match(rows, new RegExp(`${phoned}\\s+${caller}`));
  assert.match(rows, /Post, entered by Sam Staff/);
  assert.match(rows, /Held: talk to them first/);
  await checkPage(page, 'role-applications-with-entries');

  // The talk-to-us-first queue: what they declared, how to reach them, then the conversation's result.
  await visit(page, '/staff/applications/talk-first');
  await expectHeading(page, 'Talk to the applicant first');
  assert.match(await page.locator('main').innerText(), /removed as a charity trustee/);
  await checkPage(page, 'talk-first-queue');
  await page.getByRole('link', { name: `Record the conversation with ${writer}` }).click();
  await page.waitForLoadState('load');
  await expectHeading(page, `Record the conversation with ${writer}`);
  await checkPage(page, 'talk-first-form');
  await page.getByLabel('The application does not go ahead').check();
  await press(page, 'Save the result');
  assert.match(await page.locator('.nhsuk-error-summary').innerText(), /Say why the application does not go ahead/);
  await checkPage(page, 'talk-first-form-errors');
  await page.getByLabel('The application goes ahead and will be assessed').check();
  await page.fill('#reason', 'The court order was many years ago and does not affect this role.');
  await press(page, 'Save the result');
  await expectHeading(page, 'Talk to the applicant first');
  assert.match(await page.locator('main').innerText(), /the application goes ahead/);
  assert.equal(await page.getByText(writer).count(), 0, 'it has left the queue');
  await checkPage(page, 'talk-first-recorded');
  await visit(page, `/staff/applications/${posted}`);
  assert.match(await page.locator('main').innerText(), /Goes ahead after talking with the team: The court order/);

  // Not yet acknowledged: the telephone applicant, with the days left of the role's 5-day promise.
  await visit(page, '/staff/applications/unacknowledged');
  await expectHeading(page, 'Applications not yet acknowledged');
  assert.match(await page.locator('main').innerText(), new RegExp(`${phoned}[\\s\\S]*5 days left`));
  await checkPage(page, 'unacknowledged');
  await page.getByRole('link', { name: `Mark as acknowledged (${phoned})` }).click();
  await page.waitForLoadState('load');
  await expectHeading(page, 'Mark as acknowledged');
  await press(page, 'Mark as acknowledged');
  assert.match(await page.locator('.nhsuk-error-summary').innerText(), /Select how you acknowledged the application/);
  await checkPage(page, 'acknowledge-errors');
  await page.getByLabel('By telephone').check();
  await press(page, 'Mark as acknowledged');
  await expectHeading(page, 'Applications not yet acknowledged');
  assert.match(await page.locator('main').innerText(), /marked as acknowledged/);
  assert.equal(await page.getByText(phoned).count(), 0);
  await checkPage(page, 'acknowledged');
  await visit(page, `/staff/applications/${phoned}`);
  assert.match(await page.locator('main').innerText(), /By telephone, recorded by Sam Staff/);
  await checkPage(page, 'application');

  // The role's page links to its applications.
  await visit(page, `/staff/roles/${ROLE}`);
  await page.getByRole('link', { name: "See this role's applications" }).click();
  await page.waitForLoadState('load');
  assert.match(page.url(), new RegExp(`/staff/roles/${ROLE}/applications$`));
  await page.context().close();
});

test('a panel member is refused the application pages', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('staff-applications-panel');
  await signIn(page, 'Pat Panel');
  assert.equal(await page.getByRole('link', { name: 'Applications' }).count(), 0, 'no Applications link for the panel');
  await visit(page, '/staff/applications', 403);
  await expectHeading(page, 'You cannot do this');
  assert.match(await page.locator('main').innerText(), /Your account cannot see applications with names and contact details/);
  await checkPage(page, 'forbidden');
  const post = await postFromSite(page, `/staff/roles/${ROLE}/applications`, { form: { fullName: 'x' }, maxRedirects: 0 });
  assert.equal(post.status(), 403);
  await page.context().close();
});
