// Mistakes as a person makes them: each gets a plain-English message in the error summary and beside
// the question, the summary's links take them to the question, and nothing already saved is lost.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectHeading, launchBrowser, newPage, pageChecker, press, restartDraft, TEST_TIMEOUT_MS, waitForHumanPace,
} from './support.mjs';
import { fillIn, fillSections, LEP, newApplicant, SECTIONS, startApplication, choose } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** The error summary's messages, and the field each link points to. */
async function errorSummary(page) {
  const summary = page.locator('.nhsuk-error-summary');
  assert.equal(await summary.getByRole('heading', { level: 2 }).innerText(), 'There is a problem');
  return summary.getByRole('link').evaluateAll(links => links.map(a => ({ text: a.textContent.trim(), target: a.hash.slice(1) })));
}

/** The message shown beside a field, without its visually hidden "Error:" prefix. */
async function inlineError(page, fieldId) {
  const text = await page.locator(`#${fieldId}-error`).innerText();
  return text.replace(/^Error:\s*/, '').trim();
}

async function assertErrorPage(page, title) {
  assert.equal(await page.title(), `Error: ${title} - Involve`);
}

test('About you sent empty: error summary, in-line errors, and links that move focus to the fields', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('errors-empty');
  await startApplication(page, LEP);
  await fillSections(page, newApplicant('errors'), { to: 'paid-roles' });
  await expectHeading(page, 'About you');
  await press(page, 'Save and continue');

  await assertErrorPage(page, 'About you');
  await checkPage(page, 'about-you-empty');
  const errors = await errorSummary(page);
  assert.deepEqual(errors.map(e => e.target).sort(), ['contactMethod', 'email', 'fullName'].sort());
  assert.ok(errors.some(e => e.target === 'fullName' && e.text === 'Enter your full name'));
  assert.ok(errors.some(e => e.target === 'contactMethod' && e.text === 'Select how you would like us to contact you'));
  assert.equal(await inlineError(page, 'fullName'), 'Enter your full name');
  assert.equal(await inlineError(page, 'contactMethod'), 'Select how you would like us to contact you');
  // The summary takes focus when the page loads, so screen readers announce it.
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary')), true,
    'the error summary has focus on arrival');

  for (const { text, target } of errors) {
    await page.locator('.nhsuk-error-summary').getByRole('link', { name: text, exact: true }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), target, `the link "${text}" moves focus to its field`);
  }
  // Every invalid field tells assistive technology about its error.
  for (const id of ['fullName', 'contactMethod']) {
    const describedBy = await page.locator(`#${id}`).evaluate(el => (el.closest('fieldset') ?? el).getAttribute('aria-describedby') ?? '');
    assert.ok(describedBy.split(' ').includes(`${id}-error`), `${id} is described by its error`);
  }
  await page.context().close();
});

test('About you with markup, a bad e-mail, phone and postcode: each gets its own message; typing is kept', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('errors-invalid');
  await startApplication(page, LEP);
  await fillSections(page, newApplicant('errors'), { to: 'paid-roles' });
  await fillIn(page, 'Full name', '<b>Ama</b> Test');
  await fillIn(page, 'Email address', 'ama.test.example.org');
  await fillIn(page, 'UK phone number', '12345');
  await fillIn(page, 'Address line 1', '1 Example Street');
  await fillIn(page, 'Town or city', 'Northfield');
  await fillIn(page, 'Postcode', 'XY1 234');
  await choose(page, 'How would you like us to contact you?', 'Email');
  await press(page, 'Save and continue');

  await assertErrorPage(page, 'About you');
  await checkPage(page, 'about-you-invalid');
  const expected = {
    fullName: 'Full name must not include < or > or HTML codes. Use plain words instead.',
    email: 'Enter an email address in the correct format, like name@example.com',
    phone: 'Enter a UK phone number, like 01632 960 001 or 07700 900 982',
    postcode: 'Enter a full UK postcode, like LS1 4AP',
  };
  const errors = await errorSummary(page);
  for (const [field, message] of Object.entries(expected)) {
    assert.ok(errors.some(e => e.target === field && e.text === message), `the summary says "${message}" for ${field}`);
    assert.equal(await inlineError(page, field), message, `beside ${field}`);
  }
  // What was typed is shown again, as text, so it can be corrected rather than retyped.
  assert.equal(await page.getByLabel('Full name', { exact: true }).inputValue(), '<b>Ama</b> Test');
  assert.equal(await page.getByLabel('Email address', { exact: true }).inputValue(), 'ama.test.example.org');
  assert.equal(await page.getByLabel('Address line 1', { exact: true }).inputValue(), '1 Example Street');
  assert.equal(await page.getByRole('radio', { name: 'Email', exact: true }).isChecked(), true);
  assert.equal(await page.locator('main b').count(), 0, 'the markup typed is never rendered');
  await page.context().close();
});

test('answers saved in earlier sections are still there after an error in a later one', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('errors-kept');
  const applicant = newApplicant('errors');
  await startApplication(page, LEP);
  await fillSections(page, applicant, { to: 'about-you' });

  await expectHeading(page, 'Support and adjustments');
  await fillIn(page, 'Do you have any support needs? (optional)', applicant.supportNeeds);
  await press(page, 'Save and continue');
  await assertErrorPage(page, 'Support and adjustments');
  await checkPage(page, 'support-empty');
  const errors = await errorSummary(page);
  assert.deepEqual(errors, [{ text: 'Select yes if you want to use the Disability Confident scheme', target: 'disabilityConfident' }]);
  assert.equal(await page.getByLabel('Do you have any support needs? (optional)', { exact: true }).inputValue(), applicant.supportNeeds,
    'what was typed on the page with the error is kept');

  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await expectHeading(page, 'About you');
  assert.equal(await page.getByLabel('Full name', { exact: true }).inputValue(), applicant.fullName);
  assert.equal(await page.getByLabel('Email address', { exact: true }).inputValue(), applicant.email);
  assert.equal(await page.getByLabel('Postcode', { exact: true }).inputValue(), 'LS1 4AP');
  assert.equal(await page.getByRole('radio', { name: 'Email', exact: true }).isChecked(), true);

  // Carrying on from where they were works, and the error clears once answered.
  await press(page, 'Save and continue');
  await fillSections(page, applicant, { from: 'support', to: 'support' });
  await expectHeading(page, 'Skills and experience');

  // Each later section shows its errors when sent empty, and keeps the earlier answers.
  for (const section of SECTIONS.slice(SECTIONS.findIndex(s => s.id === 'support') + 1)) {
    await expectHeading(page, section.title);
    await press(page, 'Save and continue');
    await assertErrorPage(page, section.title);
    await checkPage(page, `${section.id}-empty`);
    assert.ok((await errorSummary(page)).length > 0, `${section.title} lists what is missing`);
    await section.fill(page, applicant);
    await press(page, 'Save and continue');
  }
  await expectHeading(page, 'Check your answers before sending your application');
  await page.context().close();
});

test('sending faster than a person could is held back with a message, and goes through when sent again', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('errors-too-fast');
  const applicant = newApplicant('too-fast');
  await startApplication(page, LEP);
  await fillSections(page, applicant);
  await expectHeading(page, 'Check your answers before sending your application');
  // As if every section had been raced through: however long the browser took, the send is now too fast.
  const startedAt = await restartDraft(page);
  await press(page, 'Send application');
  await assertErrorPage(page, 'Check your answers');
  await checkPage(page, 'check-answers-too-fast');
  assert.match(await page.locator('.nhsuk-error-summary').innerText(),
    /This form was filled in faster than we expect a person to manage, so we have not sent it yet\. Check your answers and send it again\./);

  await waitForHumanPace(startedAt);
  await press(page, 'Send application');
  await expectHeading(page, 'Application sent');
  await page.context().close();
});

test('the error summary lists the problems in the order the questions appear', {
  timeout: TEST_TIMEOUT_MS,
}, async () => {
  const page = await newPage(browser);
  await startApplication(page, LEP);
  await fillSections(page, newApplicant('errors'), { to: 'paid-roles' });
  await press(page, 'Save and continue');
  const inSummary = (await errorSummary(page)).map(e => e.target);
  const onPage = await page.locator('.nhsuk-form-group--error').evaluateAll(groups => groups.map(g => g.querySelector('input, textarea').id));
  await page.context().close();
  assert.deepEqual(inSummary, onPage);
});
