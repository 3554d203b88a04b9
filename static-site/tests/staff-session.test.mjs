// Staff sessions kind to the work (issue 14, item 6). A member of staff entering a telephone application sees the
// warning before their sign-in ends and stays signed in, coming back to the same form; then their sign-in ends while
// they type (the browser drops the cookie when the session's time is up): saving shows "You have been signed out",
// never the gateway's JSON; signing in again brings them back to the form with everything they typed put back, and
// saving then saves it. Without JavaScript the signed-out page still signs in again and comes back to the page.
// axe-core, with the best-practice rules, checks every page met.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectHeading, heading, launchBrowser, newPage, pageChecker, press, TEST_TIMEOUT_MS, visit } from './support.mjs';

const ROLE = 'listening-culture-lived-experience-partner';
const FORM = `/staff/roles/${ROLE}/applications/new`;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const radio = (page, name, value) => page.check(`input[name="${name}"][value="${value}"]`);

/** What staff type while the applicant talks to them on the telephone. */
async function fillApplication(page, fullName, phone) {
  await radio(page, 'receivedBy', 'telephone');
  await page.fill('#fullName', fullName);
  await page.fill('#phone', phone);
  await page.fill('#addressLine1', '1 Example Street');
  await page.fill('#townOrCity', 'Exampleton');
  await page.fill('#postcode', 'LS1 4AP');
  await radio(page, 'contactMethod', 'telephone');
  await radio(page, 'disabilityConfident', 'no');
  await page.check('input[name="eligibilityNone"]');
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

async function chooseAndSignIn(page, name) {
  await expectHeading(page, 'Sign in as a local person');
  await page.getByLabel(name, { exact: true }).check();
  await press(page, 'Sign in');
}

test('a staff session ending mid-entry of a telephone application loses nothing', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('staff-session', { bestPractice: true });

  // A session with ten minutes left (the local sign-in takes a shorter session for tests).
  const signedIn = await page.request.post('/_local/sign-in', { form: { user: 'sam-staff', minutes: '10' }, maxRedirects: 0 });
  assert.equal(signedIn.status(), 303);
  await visit(page, FORM);
  await expectHeading(page, 'Enter an application for the applicant');
  const warning = await page.locator('.nhsuk-warning-callout').first().innerText();
  assert.match(warning, /You will be signed out soon/);
  assert.match(warning, /you will be signed out at \d{1,2}:\d\d(am|pm)/);
  await checkPage(page, 'warning');

  // "Stay signed in" goes through sign-in and comes back to the form, with a new session and no warning.
  await page.getByRole('link', { name: 'Stay signed in' }).click();
  await page.waitForLoadState('load');
  await checkPage(page, 'stay-signed-in');
  await chooseAndSignIn(page, 'Sam Staff');
  assert.equal(new URL(page.url()).pathname, FORM);
  assert.equal(await page.getByText('You will be signed out soon').count(), 0);

  const caller = `Robin Lateform ${Date.now()}`;
  const phone = `07700 900${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  await fillApplication(page, caller, phone);

  // The session ends while they type: the browser drops the cookie at the end of its life.
  await page.context().clearCookies();
  const refused = page.waitForResponse(r => r.request().method() === 'POST' && r.request().resourceType() === 'document');
  await press(page, 'Save application');
  assert.equal((await refused).status(), 401);
  assert.notEqual(await page.evaluate(() => document.contentType), 'application/json');
  await expectHeading(page, 'You have been signed out');
  await page.getByText('We have kept what you typed in this browser tab').waitFor({ state: 'visible' });
  await checkPage(page, 'signed-out');

  // Signing in again comes back to the form with everything put back.
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await page.waitForLoadState('load');
  await chooseAndSignIn(page, 'Sam Staff');
  assert.equal(new URL(page.url()).pathname, FORM);
  await page.locator('[data-involve-restored]').waitFor({ state: 'visible' });
  assert.match(await page.locator('[data-involve-restored]').innerText(), /We have put back what you typed/);
  assert.equal(await page.inputValue('#fullName'), caller);
  assert.equal(await page.inputValue('#phone'), phone);
  assert.equal(await page.inputValue('#livedExperience'), 'I care for my son, who uses mental health services.');
  assert.equal(await page.inputValue('#referee2Email'), 'referee2@example.org');
  assert.ok(await page.isChecked('input[name="receivedBy"][value="telephone"]'));
  assert.ok(await page.isChecked('input[name="eligibilityNone"]'));
  assert.ok(await page.isChecked('#confidentialityAgreed'));
  await checkPage(page, 'put-back');

  await press(page, 'Save application');
  assert.match(await heading(page), /^Application INV-/);
  const shown = await page.locator('main').innerText();
  assert.match(shown, /Application saved/);
  assert.match(shown, new RegExp(caller));
  await checkPage(page, 'saved');

  // Once saved, nothing is put back into the next empty form.
  await visit(page, FORM);
  assert.equal(await page.inputValue('#fullName'), '');
  assert.ok(await page.locator('[data-involve-restored]').isHidden());
  await page.context().close();
});

test('without JavaScript the signed-out page signs in again and comes back to the page', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  const response = await page.goto(FORM);
  assert.equal(response.status(), 401);
  assert.match(response.headers()['content-type'], /^text\/html/);
  await expectHeading(page, 'You have been signed out');
  assert.match(await page.locator('main').innerText(), /sign in again and go back to it/);
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await chooseAndSignIn(page, 'Sam Staff');
  assert.equal(new URL(page.url()).pathname, FORM);
  await expectHeading(page, 'Enter an application for the applicant');
  await page.context().close();
});
