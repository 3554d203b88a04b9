// The smaller things that make the form easy (issue 14, item 7): limits tied to their fields with a count, nothing
// typed or pasted ever cut short, Change links that read well to a screen reader, and Back after Change.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectHeading, launchBrowser, newPage, pageChecker, press, TEST_TIMEOUT_MS } from './support.mjs';
import { fillIn, fillSections, LEP, newApplicant, startApplication } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const LIVED = 'Tell us about your lived experience';

for (const javaScriptEnabled of [true, false]) {
  test(`a text box's limit is tied to it, and a longer answer is kept whole (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await newPage(browser, { javaScriptEnabled });
    const checkPage = pageChecker(`limits-${javaScriptEnabled ? 'js' : 'nojs'}`, { bestPractice: true });
    const applicant = newApplicant('limits');
    await startApplication(page, LEP);
    await fillSections(page, applicant, { to: 'skills-and-experience' });
    await expectHeading(page, 'Your lived experience');

    const box = page.getByLabel(LIVED, { exact: true });
    const describedBy = (await box.getAttribute('aria-describedby')).split(' ');
    assert.ok(describedBy.includes('livedExperience-info'), 'the limit is read out with the field');
    assert.equal(await box.getAttribute('maxlength'), null, 'the browser never cuts what is typed or pasted');
    const info = page.locator('#livedExperience-info');
    assert.match(await info.innerText(), /3000 characters/);

    const tooLong = 'I cared for my father. '.repeat(140).slice(0, 3100);
    await box.fill(tooLong);
    // With JavaScript, a count shows as the person types (the limit stays, for screen readers, on the field).
    if (javaScriptEnabled) assert.match(await page.locator('#livedExperience ~ .nhsuk-character-count__status').innerText(), /You have 100 characters too many/);
    await fillIn(page, 'Which areas of health and care interest you most?', applicant.interestAreas);
    await press(page, 'Save and continue');
    await checkPage(page, 'too-long');
    assert.equal(await page.locator('.nhsuk-error-summary a').first().innerText(),
      'Your answer must be 3000 characters or fewer. You have used 3100.');
    assert.equal((await box.inputValue()).length, 3100, 'the whole answer comes back, to shorten');
    await page.context().close();
  });
}

test('Change links name their question as written, and Back after Change returns to Check your answers', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const applicant = newApplicant('change');
  await startApplication(page, LEP);
  await fillSections(page, applicant);
  await expectHeading(page, 'Check your answers before sending your application');

  const names = await page.locator('.nhsuk-summary-list__actions a').evaluateAll(links => links.map(a => a.textContent.replace(/\s+/g, ' ').trim()));
  assert.ok(names.includes('Change UK phone number'), 'an abbreviation keeps its capitals');
  assert.ok(names.includes('Change full name'));
  assert.ok(!names.some(n => /\buk\b/.test(n)), names.join(' | '));

  await page.getByRole('link', { name: 'Change UK phone number', exact: true }).click();
  await expectHeading(page, 'About you');
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await expectHeading(page, 'Check your answers before sending your application');

  // Saving the changed section also leads straight back.
  await page.getByRole('link', { name: 'Change UK phone number', exact: true }).click();
  await fillIn(page, 'UK phone number', '01632 960 999');
  await press(page, 'Save and continue');
  await expectHeading(page, 'Check your answers before sending your application');
  await page.context().close();
});

test('each page of the form says how long the answers are kept', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  await startApplication(page, LEP);
  const keptFrom = Date.now(); // the last save is between this and when the page is read
  await fillSections(page, newApplicant('kept'), { to: 'who-can-apply' });
  await expectHeading(page, 'Paid roles you hold now');
  // 14 days from the last save, on the UK calendar: either date when UK midnight fell between the save and now.
  const ukDate = ms => new Date(ms + 14 * 24 * 3600 * 1000).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  const sentence = until => `We save your answers each time you press Save and continue. You can stop and carry on later, on any phone or computer, until ${until}. Each save gives you more time.`;
  const shown = await page.locator('#kept-until').innerText();
  assert.ok([ukDate(keptFrom), ukDate(Date.now())].some(until => shown === sentence(until)), shown);
  await page.context().close();
});
