// Save and return on any device (issue 14, item 2): a person saves part of an application, leaves, and carries on in
// a fresh browser from the "continue your application" e-mail; another carries on with the reference and code they
// were given; a third whose answers were lost on the way sees what they typed. Every page is checked with axe-core
// (best practice too) and at 320px wide for sideways scrolling.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectHeading, launchBrowser, linkInHtml, newPage, pageChecker, press, TEST_TIMEOUT_MS, visit, waitForEmails,
} from './support.mjs';
import { fillIn, fillSections, LEP, newApplicant, REFERENCE, sendApplication, startApplication } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** axe-core and a screenshot, then the same page at 320px: nothing may stick out to the right. */
function checker(prefix) {
  const check = pageChecker(prefix, { bestPractice: true });
  return async (page, name) => {
    await check(page, name);
    const size = page.viewportSize();
    await page.setViewportSize({ width: 320, height: 640 });
    const { scrollWidth, width } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
    assert.ok(scrollWidth <= width, `${prefix}/${name} is ${scrollWidth}px wide at 320px`);
    await page.setViewportSize(size);
  };
}

const TASK_LIST = 'Your application';

/** The task list's sections as shown: name to status. */
async function statuses(page) {
  const rows = await page.locator('.nhsuk-task-list__item').evaluateAll(items => items.map(li => [
    li.querySelector('.nhsuk-task-list__name-and-hint').innerText.trim(),
    li.querySelector('.nhsuk-task-list__status').innerText.trim(),
  ]));
  return new Map(rows);
}

test('save, leave, and carry on from the e-mail link in a fresh browser, then send', { timeout: TEST_TIMEOUT_MS }, async () => {
  const checkPage = checker('save-return');
  const checkEmail = pageChecker('save-return-email');
  const applicant = newApplicant('save-return');
  const first = await newPage(browser);
  const startedAt = await startApplication(first, LEP);
  await fillSections(first, applicant, { to: 'about-you' });

  // On the next section, "Save and come back later" saves it and shows the ways back.
  await expectHeading(first, 'Support and adjustments');
  await checkPage(first, 'section-with-save-for-later');
  await fillIn(first, 'Do you have any support needs? (optional)', applicant.supportNeeds);
  await first.getByRole('group', { name: 'Do you want to use the Disability Confident scheme?' })
    .getByRole('radio', { name: 'No', exact: true }).check();
  await press(first, 'Save and come back later');
  await expectHeading(first, 'Come back to your application later');
  await checkPage(first, 'save-link');
  assert.equal(await first.getByLabel('Email address', { exact: true }).inputValue(), applicant.email,
    'the address they gave is filled in');
  await press(first, 'Email me a link');
  await expectHeading(first, 'We have sent you an email');
  await checkPage(first, 'save-link-sent');
  await first.context().close();

  const [email] = await waitForEmails(applicant.email, 'Continue your application');
  assert.equal(email.subject, `Continue your application: ${LEP.title}`);
  assert.match(email.body.text, /We keep your answers until \d{1,2} \w+ \d{4}\./);
  const reference = email.body.text.match(/reference ([2-9B-DF-HJ-NP-TV-Z]{4}-[2-9B-DF-HJ-NP-TV-Z]{4}) and code ([2-9B-DF-HJ-NP-TV-Z]{6})/);
  assert.ok(reference, `the e-mail gives the reference and code: ${email.body.text}`);
  const link = new URL(linkInHtml(email.body.html, 'Continue your application'));
  const emailPage = await newPage(browser);
  await emailPage.setContent(email.body.html);
  await checkEmail(emailPage, 'continue-email');
  await emailPage.context().close();

  // A fresh browser: no cookie, nothing shared with the first.
  const second = await newPage(browser);
  await visit(second, link.pathname);
  await expectHeading(second, TASK_LIST);
  await checkPage(second, 'task-list');
  const shown = await statuses(second);
  assert.equal(shown.get('Who can apply'), 'Completed');
  assert.equal(shown.get('About you'), 'Completed');
  assert.equal(shown.get('Support and adjustments'), 'Completed', 'saved by "Save and come back later"');
  assert.equal(shown.get('Skills and experience'), 'Not started');
  assert.equal(shown.get('Declarations'), 'Cannot start yet');
  assert.match(await second.locator('main').innerText(), /We keep your answers until \d{1,2} \w+ \d{4}\./);
  assert.equal((await second.locator('#return-reference').innerText()).trim(), reference[1]);

  await second.getByRole('link', { name: 'Carry on with your application', exact: true }).click();
  await fillSections(second, applicant, { from: 'skills-and-experience' });
  const sent = await sendApplication(second, startedAt, applicant);
  assert.match(sent, REFERENCE);

  // Once it is sent, the link says so plainly and leads to the role.
  await visit(second, link.pathname, 410);
  await expectHeading(second, 'This link no longer works');
  await checkPage(second, 'link-gone');
  assert.equal(await second.getByRole('link', { name: `Go to ${LEP.title}` }).getAttribute('href'), `/roles/${LEP.id}`);
  await second.context().close();
});

test('carry on with the reference and code in another browser, then send', { timeout: TEST_TIMEOUT_MS }, async () => {
  const checkPage = checker('save-return-code');
  const applicant = newApplicant('save-return-code');
  const first = await newPage(browser);
  const startedAt = await startApplication(first, LEP);
  await fillSections(first, applicant, { to: 'paid-roles' });
  await visit(first, `/roles/${LEP.id}/apply`);
  await expectHeading(first, TASK_LIST);
  const reference = (await first.locator('#return-reference').innerText()).trim();
  const code = (await first.locator('#return-code').innerText()).trim();
  assert.match(code, /^[2-9B-DF-HJ-NP-TV-Z]{6}$/, 'easy to read out: no 0, O, 1 or I');
  await first.context().close();

  const second = await newPage(browser);
  await visit(second, '/continue');
  await expectHeading(second, 'Continue an application');
  await checkPage(second, 'continue');
  await fillIn(second, 'Reference', reference);
  await fillIn(second, 'Code', 'BBBBBB');
  await press(second, 'Continue');
  await expectHeading(second, 'Continue an application');
  assert.match(await second.locator('.nhsuk-error-summary').innerText(), /We could not find an application with that reference and code/);
  await checkPage(second, 'continue-wrong');

  // As a person might type what they were told: lower case, a space.
  await fillIn(second, 'Reference', reference.toLowerCase().replace('-', ' '));
  await fillIn(second, 'Code', code.toLowerCase());
  await press(second, 'Continue');
  await expectHeading(second, TASK_LIST);
  assert.equal((await statuses(second)).get('About you'), 'Not started');
  await second.getByRole('link', { name: 'Carry on with your application', exact: true }).click();
  await fillSections(second, applicant, { from: 'about-you' });
  assert.match(await sendApplication(second, startedAt, applicant), REFERENCE);
  await second.context().close();
});

test('answers posted after the draft was lost are shown to copy, with the ways back', { timeout: TEST_TIMEOUT_MS }, async () => {
  const checkPage = checker('save-return-lost');
  const applicant = newApplicant('save-return-lost', { fullName: 'Jo <b>Lost</b> Answers' });
  const page = await newPage(browser);
  await startApplication(page, LEP);
  await fillSections(page, applicant, { to: 'paid-roles' });
  await expectHeading(page, 'About you');
  await fillIn(page, 'Full name', applicant.fullName);
  await fillIn(page, 'Email address', applicant.email);
  await page.context().clearCookies();
  await press(page, 'Save and continue');
  await expectHeading(page, 'We could not save your answers');
  await checkPage(page, 'not-saved');
  const text = await page.locator('main').innerText();
  assert.ok(text.includes(applicant.fullName), 'what was typed is shown, as text');
  assert.ok(text.includes(applicant.email));
  assert.equal(await page.locator('main b').count(), 0, 'typed markup is not run');
  assert.equal(await page.getByRole('link', { name: `Go back to ${LEP.title}` }).getAttribute('href'), `/roles/${LEP.id}`);
  assert.equal(await page.getByRole('link', { name: 'Continue an application with your reference and code' }).getAttribute('href'), '/continue');
  await page.context().close();
});
