// Every page a member of the public can meet, in its ordinary and its error state, passes axe-core's
// WCAG 2.2 AA rules (checkPage runs axe and keeps a screenshot of each).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectHeading, launchBrowser, linkInHtml, newPage, pageChecker, press, TEST_TIMEOUT_MS, visit, waitForEmails } from './support.mjs';
import {
  asked, CLOSED_ROLE, ELIGIBILITY, fillMonitoring, fillSections, LEP, newApplicant, SCG, SECTIONS, sendApplication, startApplication,
} from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the roles list, every role page and the not-found page', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('a11y-roles');
  await visit(page, '/roles');
  await checkPage(page, 'roles');
  for (const role of [LEP, SCG, CLOSED_ROLE]) {
    await visit(page, `/roles/${role.id}`);
    await expectHeading(page, role.title);
    await checkPage(page, role.id);
  }
  await visit(page, '/roles/no-such-role', 404);
  await expectHeading(page, 'Page not found');
  await checkPage(page, 'not-found');
  await visit(page, '/monitoring?role=no-such-role&token=made-up', 404);
  await expectHeading(page, 'This link is not valid');
  await checkPage(page, 'monitoring-bad-link');
  await page.context().close();
});

test('every section empty and filled, check answers, confirmation, monitoring and thanks', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('a11y-journey');
  const applicant = newApplicant('a11y');
  const startedAt = await startApplication(page, LEP);
  for (const section of SECTIONS.filter(s => asked(s, applicant))) {
    await expectHeading(page, section.title);
    await checkPage(page, section.id);
    await press(page, 'Save and continue');
    assert.match(await page.title(), /^Error: /, `${section.title} sent empty shows errors`);
    await checkPage(page, `${section.id}-error`);
    await section.fill(page, applicant);
    await press(page, 'Save and continue');
  }
  await checkPage(page, 'check-answers');
  await sendApplication(page, startedAt, applicant);
  await checkPage(page, 'confirmation');

  // The monitoring form is reached only through the link in the applicant's e-mail.
  const [ack] = await waitForEmails(applicant.email, 'We have received your application');
  await visit(page, linkInHtml(ack.body.html, 'Fill in the equal opportunities form'));
  await expectHeading(page, 'Equal opportunities monitoring');
  await checkPage(page, 'monitoring');
  // Every question is optional; only an answer the form does not offer (a changed page) meets an error.
  await answerWhatIsNotOffered(page);
  await press(page, 'Send answers');
  assert.match(await page.title(), /^Error: /);
  await checkPage(page, 'monitoring-error');
  await fillMonitoring(page);
  await press(page, 'Send answers');
  await expectHeading(page, 'Thank you');
  await checkPage(page, 'monitoring-thanks');

  // Sent again from the e-mail's link: the first answers are kept, and the page says so.
  await visit(page, linkInHtml(ack.body.html, 'Fill in the equal opportunities form'));
  await fillMonitoring(page);
  await press(page, 'Send answers');
  await expectHeading(page, 'We already have your answers');
  await checkPage(page, 'monitoring-already');
  await page.context().close();
});

test('the cannot-apply page', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('a11y-cannot-apply');
  const applicant = newApplicant('a11y');
  applicant.eligibility = [ELIGIBILITY.electedOffice];
  await startApplication(page, SCG);
  await fillSections(page, applicant, { to: 'who-can-apply' });
  await expectHeading(page, 'You cannot apply for this role');
  assert.match(await page.locator('main').innerText(), /MPs and councillors in office now, and people standing for election, cannot be patient and public voice partners\./);
  await checkPage(page, 'cannot-apply');
  await page.context().close();
});

test('every monitoring question can be skipped, and each error says which question it is about', {
  timeout: TEST_TIMEOUT_MS,
}, async () => {
  const page = await newPage(browser);
  const applicant = newApplicant('a11y-monitoring');
  const startedAt = await startApplication(page, LEP);
  await fillSections(page, applicant);
  await sendApplication(page, startedAt, applicant);
  const [ack] = await waitForEmails(applicant.email, 'We have received your application');
  const link = linkInHtml(ack.body.html, 'Fill in the equal opportunities form');
  await visit(page, link);
  assert.match(await page.locator('main').innerText(), /Every question is optional/);
  await answerWhatIsNotOffered(page);
  await press(page, 'Send answers');
  const messages = await page.locator('.nhsuk-error-summary a').allInnerTexts();
  assert.equal(messages.length, 9);
  assert.equal(new Set(messages).size, messages.length, `the summary's links repeat: ${messages.join(' | ')}`);

  // Nothing is required: the form sent with every question skipped is thanked and kept.
  await visit(page, link);
  await press(page, 'Send answers');
  await expectHeading(page, 'Thank you');
  await page.context().close();
});

/** Makes every question's first answer one the form does not offer, as a changed page would send. */
async function answerWhatIsNotOffered(page) {
  await page.evaluate(() => {
    const seen = new Set();
    for (const radio of document.querySelectorAll('main input[type="radio"]')) {
      if (seen.has(radio.name)) continue;
      seen.add(radio.name);
      radio.value = 'not-offered';
      radio.checked = true;
    }
  });
}
