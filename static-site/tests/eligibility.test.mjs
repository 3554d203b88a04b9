// Who can apply: an exclusion stops the application with the reason in plain words and keeps nothing;
// a "talk to us first" answer lets the person carry on, and the team is told to contact them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectHeading, launchBrowser, newPage, pageChecker, press, TEST_TIMEOUT_MS, visit, waitForEmails } from './support.mjs';
import { ELIGIBILITY_QUESTIONS, fillSections, LEP, newApplicant, sendApplication, startApplication } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

function withAnswer(question, answer) {
  const applicant = newApplicant('eligibility');
  applicant.eligibility = { ...applicant.eligibility, [question]: answer };
  return applicant;
}

test('a practising healthcare professional is told they cannot apply, and why', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('eligibility-refused');
  const applicant = withAnswer(ELIGIBILITY_QUESTIONS.healthProfessional, 'Yes');
  await startApplication(page, LEP);
  await fillSections(page, applicant, { to: 'support' });
  await fillSections(page, applicant, { from: 'who-can-apply', to: 'who-can-apply', checkPage });

  await expectHeading(page, 'You cannot apply for this role');
  await checkPage(page, 'cannot-apply');
  const reasons = await page.locator('main ul').first().innerText();
  assert.match(reasons, /Practising healthcare professionals, including GPs and general dental practitioners, cannot be patient and public voice partners\./);
  assert.match(await page.locator('main').innerText(), /We have not kept the answers you gave/);
  assert.equal(await page.getByRole('button', { name: 'Save and continue' }).count(), 0, 'there is no way on with this application');

  // Nothing was kept: the unfinished application is gone.
  await visit(page, `/roles/${LEP.id}/apply/about-you`, 404);
  await expectHeading(page, 'We cannot find your application');
  await checkPage(page, 'draft-gone');

  // Starting again is possible, from a blank form.
  await page.getByRole('link', { name: 'See open roles' }).click();
  await expectHeading(page, 'Open roles');
  await page.context().close();
});

test('someone removed as a charity trustee can carry on; the team will talk to them first', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('eligibility-talk-first');
  const applicant = withAnswer(ELIGIBILITY_QUESTIONS.trustee, 'Yes');
  const startedAt = await startApplication(page, LEP);
  await fillSections(page, applicant, { to: 'who-can-apply' });

  await expectHeading(page, 'Skills and experience');
  await fillSections(page, applicant, { from: 'skills-and-experience' });
  await sendApplication(page, startedAt, applicant);
  await checkPage(page, 'confirmation');
  assert.match(await page.locator('main').innerText(),
    /a member of our team will contact you to talk it through before your application is assessed/);

  const [ack] = await waitForEmails(applicant.email, 'We have received your application');
  assert.match(ack.body.text, /This does not mean you cannot take part\./);
  await page.context().close();
});

test('the answer to every who-can-apply question must be given', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const applicant = newApplicant('eligibility');
  await startApplication(page, LEP);
  await fillSections(page, applicant, { to: 'support' });
  await expectHeading(page, 'Who can apply');
  await press(page, 'Save and continue');
  const targets = await page.locator('.nhsuk-error-summary a').evaluateAll(links => links.map(a => a.hash.slice(1)));
  assert.deepEqual(targets, ['nhsBoardMember', 'nhsStaff', 'practisingHealthProfessional', 'electedOffice', 'removedAsTrustee',
    'professionalBodySanction', 'publicAppointmentEnded', 'directorDisqualified', 'paidRolesHeld']);
  await page.context().close();
});
