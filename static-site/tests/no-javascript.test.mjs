// The pages work with JavaScript off: forms post and the server answers with the next page or the errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectHeading, launchBrowser, newPage, pageChecker, press, TEST_TIMEOUT_MS } from './support.mjs';
import { fillSections, LEP, newApplicant, startApplication } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('with JavaScript off a person completes a section and sees the error summary', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  const checkPage = pageChecker('no-javascript');
  const applicant = newApplicant('nojs');

  await startApplication(page, LEP, { checkPage });
  assert.equal(await page.evaluate(() => document.body.classList.contains('js-enabled')), false, 'scripts really are off');
  await fillSections(page, applicant, { to: 'about-you', checkPage });

  await expectHeading(page, 'Support and adjustments');
  await checkPage(page, 'support');
  await press(page, 'Save and continue');
  await checkPage(page, 'support-error');
  assert.equal(await page.title(), 'Error: Support and adjustments - Involve');
  const summary = page.locator('.nhsuk-error-summary');
  assert.equal(await summary.getByRole('heading', { level: 2 }).innerText(), 'There is a problem');
  assert.equal(await summary.getByRole('link').innerText(),
    'Select yes if you want to use the Disability Confident scheme');

  // The summary's link still leads to the question, by the address's fragment.
  await summary.getByRole('link').click();
  assert.match(page.url(), /#disabilityConfident$/);

  await fillSections(page, applicant, { from: 'support', to: 'support' });
  await expectHeading(page, 'Skills and experience');
  await page.context().close();
});
