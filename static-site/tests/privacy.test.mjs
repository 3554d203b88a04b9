// The privacy notice and the accessibility statement: reached from the footer of every page (public and staff) and
// from the form's declarations, axe-clean, and working with JavaScript off. The footer says how to contact us, with
// the phone as a link that calls it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectHeading, launchBrowser, newPage, pageChecker, signIn, visit, TEST_TIMEOUT_MS } from './support.mjs';
import { fillSections, LEP, newApplicant, startApplication } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Follows a footer link as a person would and waits for its page. */
async function followFooter(page, name) {
  await Promise.all([page.waitForURL(u => !u.hash), page.locator('footer').getByRole('link', { name, exact: true }).click()]);
  await page.waitForLoadState('load');
}

for (const javaScriptEnabled of [true, false]) {
  test(`both pages open from the footer of the roles page (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await newPage(browser, { javaScriptEnabled });
    const checkPage = pageChecker(`privacy-footer-${javaScriptEnabled ? 'js' : 'nojs'}`);
    await visit(page, '/roles');
    await expectHeading(page, 'Open roles');
    await checkPage(page, 'roles');

    const footer = page.locator('footer');
    assert.equal(await footer.getByRole('link', { name: 'involvement-team@example.org' }).getAttribute('href'), 'mailto:involvement-team@example.org');
    assert.equal(await footer.getByRole('link', { name: '01632 960 001' }).getAttribute('href'), 'tel:+441632960001');

    await followFooter(page, 'Privacy notice');
    await expectHeading(page, 'Privacy notice');
    assert.equal(new URL(page.url()).pathname, '/privacy');
    const kept = await page.locator('#retention tbody tr').evaluateAll(rows => rows.map(r => r.cells[1].innerText.trim()));
    assert.deepEqual(kept, ['14 days from when you started it', '1 year after we tell you the outcome',
      '1 year after the role is filled or taken down', '3 years after your involvement ends', '6 years after the end of the tax year we paid you in (tax years end on 5 April)', '30 days after we send it, or after we stop trying to send it']);
    assert.match(await page.locator('main').innerText(), /Data Protection Act 2018, Schedule 1, paragraph 8/);
    await checkPage(page, 'privacy');

    await followFooter(page, 'Accessibility statement');
    await expectHeading(page, 'Accessibility statement');
    assert.ok(await page.getByRole('heading', { name: 'Enforcement procedure' }).isVisible());
    await checkPage(page, 'accessibility');

    // The cookies page (issue 14): only the cookies the site needs, each named, with how long the draft's lasts.
    await followFooter(page, 'Cookies');
    await expectHeading(page, 'Cookies');
    assert.match(await page.locator('main').innerText(), /A cookie called involve-draft .+ It is deleted after 14 days\./);
    await checkPage(page, 'cookies');
    await page.context().close();
  });
}

test('the form links to the privacy notice where applicants say they have read it', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('privacy-form');
  await startApplication(page, LEP);
  await fillSections(page, newApplicant('privacy'), { to: 'referees' });
  await expectHeading(page, 'Declarations');
  await checkPage(page, 'declarations');

  await Promise.all([page.waitForURL('**/privacy'), page.getByRole('link', { name: 'Read the privacy notice', exact: true }).click()]);
  await expectHeading(page, 'Privacy notice');
  await checkPage(page, 'privacy');

  // Back to the form: the declarations are still there to tick.
  await page.goBack();
  await expectHeading(page, 'Declarations');
  await page.context().close();
});

test('the staff pages\' footer links to both pages too', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('privacy-staff');
  await signIn(page, 'Sam Staff');
  await checkPage(page, 'staff-home');
  await followFooter(page, 'Accessibility statement');
  await expectHeading(page, 'Accessibility statement');
  await page.context().close();
});
