// Who can apply, asked first, before any personal details: one "Do any of these apply to you?" question. An exclusion
// explains why and saves nothing, but deletes nothing either: the person can change their answer and carry on.
// A "talk to us first" answer lets the person carry on, and the team is told to contact them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectHeading, launchBrowser, newPage, pageChecker, press, TEST_TIMEOUT_MS, waitForEmails } from './support.mjs';
import {
  answersShown, assertHelpBox, ELIGIBILITY, ELIGIBILITY_QUESTION, fillSections, LEP, newApplicant, NONE_OF_THESE, sendApplication, startApplication, tick,
} from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

function ticking(...boxes) {
  return newApplicant('eligibility', { eligibility: boxes });
}

test('a refusal is explained, nothing is saved, and "Change your answer" leads back to the question; the application then goes through', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('eligibility-refused', { bestPractice: true });
  const applicant = newApplicant('eligibility-changed');
  const startedAt = await startApplication(page, LEP);

  // The first question, before any personal details.
  await expectHeading(page, 'Who can apply');
  assert.match(page.url(), new RegExp(`/roles/${LEP.id}/apply/who-can-apply$`));
  await checkPage(page, 'who-can-apply');
  assert.equal(await page.getByLabel('Full name').count(), 0, 'no personal details are asked yet');
  await fillSections(page, ticking(ELIGIBILITY.healthProfessional), { to: 'who-can-apply' });

  await expectHeading(page, 'You cannot apply for this role');
  await checkPage(page, 'cannot-apply');
  await assertHelpBox(page);
  const reasons = await page.locator('main ul').first().innerText();
  assert.match(reasons, /Health workers who still treat patients, such as GPs and dentists, cannot be patient and public voice partners\./);
  assert.match(await page.locator('main').innerText(), /We have not saved this answer\./);
  assert.equal(await page.getByRole('button', { name: 'Save and continue' }).count(), 0, 'there is no way on with this answer');

  // A mis-click: back to the question, which has not kept the refusing answer.
  await page.getByRole('button', { name: 'Change your answer' }).click();
  await expectHeading(page, 'Who can apply');
  assert.equal(await page.getByRole('checkbox', { name: ELIGIBILITY.healthProfessional }).isChecked(), false);
  await tick(page, ELIGIBILITY_QUESTION, NONE_OF_THESE);
  await press(page, 'Save and continue');

  await fillSections(page, applicant, { from: 'paid-roles' });
  const shown = await answersShown(page);
  assert.equal(shown.get(ELIGIBILITY_QUESTION), NONE_OF_THESE);
  await sendApplication(page, startedAt, applicant);
  await page.context().close();
});

test('"None of these" cannot be sent with another box ticked; nothing ticked asks for an answer', { timeout: TEST_TIMEOUT_MS }, async () => {
  // With JavaScript off, so the server's own check is what answers (with it on, ticking one clears the other).
  const page = await newPage(browser, { javaScriptEnabled: false });
  const checkPage = pageChecker('eligibility-both');
  await startApplication(page, LEP);
  await expectHeading(page, 'Who can apply');
  await press(page, 'Save and continue');
  assert.equal(await page.locator('.nhsuk-error-summary a').innerText(), 'Select all that apply to you, or select None of these');

  await tick(page, ELIGIBILITY_QUESTION, ELIGIBILITY.director);
  await tick(page, ELIGIBILITY_QUESTION, NONE_OF_THESE);
  await press(page, 'Save and continue');
  assert.match(await page.title(), /^Error: Who can apply/);
  await checkPage(page, 'both-ticked');
  assert.equal(await page.locator('.nhsuk-error-summary a').innerText(), 'Select None of these, or select the ones that apply, not both');
  assert.equal(await page.getByRole('checkbox', { name: ELIGIBILITY.director }).isChecked(), true, 'what was ticked is kept');
  await page.locator('.nhsuk-error-summary a').click();
  assert.match(page.url(), /#eligibility$/);
  await page.context().close();
});

test('with JavaScript, ticking "None of these" clears the other boxes', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  await startApplication(page, LEP);
  await expectHeading(page, 'Who can apply');
  await tick(page, ELIGIBILITY_QUESTION, ELIGIBILITY.board);
  await tick(page, ELIGIBILITY_QUESTION, NONE_OF_THESE);
  assert.equal(await page.getByRole('checkbox', { name: ELIGIBILITY.board }).isChecked(), false);
  await page.context().close();
});

test('someone removed as a charity trustee can carry on; they may tell us more; the team will talk to them first', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('eligibility-talk-first', { bestPractice: true });
  const applicant = ticking(ELIGIBILITY.trustee);
  const startedAt = await startApplication(page, LEP);
  await fillSections(page, applicant, { to: 'who-can-apply' });

  // A follow-up only for what applies, and nothing on it has to be answered.
  await expectHeading(page, 'Tell us more');
  await checkPage(page, 'tell-us-more');
  const asked = await page.locator('main .nhsuk-form-group label').allInnerTexts();
  assert.deepEqual(asked, ['Tell us about being removed as a charity trustee (optional)']);
  await page.getByLabel(asked[0]).fill('It was in 2015, over late accounts.');
  await press(page, 'Save and continue');

  await expectHeading(page, 'Paid roles you hold now');
  await fillSections(page, applicant, { from: 'paid-roles' });
  await sendApplication(page, startedAt, applicant);
  await checkPage(page, 'confirmation');
  assert.match(await page.locator('main').innerText(),
    /someone from our team will get in touch to talk about it\. They will do this before we look at your application/);

  const [ack] = await waitForEmails(applicant.email, 'We have received your application');
  assert.match(ack.body.text, /It does not mean you cannot take part\./);
  await page.context().close();
});
