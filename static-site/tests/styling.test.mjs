// The NHS.UK frontend really is applied: its stylesheet, its scripts, and (where the network allows) its font.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, pageChecker, TEST_TIMEOUT_MS, visit } from './support.mjs';
import { LEP } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const style = (page, selector, property) => page.locator(selector).first().evaluate((el, p) => getComputedStyle(el)[p], property);

test('pages carry the NHS.UK frontend styles and scripts', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('styling');
  await visit(page, `/roles/${LEP.id}`);
  await checkPage(page, 'role');
  assert.equal(await style(page, '.nhsuk-header', 'backgroundColor'), 'rgb(0, 94, 184)', 'the header is NHS blue');
  assert.equal(await style(page, '.nhsuk-width-container', 'maxWidth'), '960px', 'the page is laid out in the NHS.UK width container');
  assert.equal(await style(page, '.nhsuk-skip-link', 'position'), 'absolute', 'the skip link is hidden until focused');
  const bodyClasses = await page.evaluate(() => document.body.className);
  assert.match(bodyClasses, /js-enabled/);
  assert.match(bodyClasses, /nhsuk-frontend-supported/);

  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content', 'the first Tab reaches the skip link');
  await page.context().close();
});

test('the NHS.UK font is not blocked by the site\'s own Content-Security-Policy', {
  timeout: TEST_TIMEOUT_MS,
}, async () => {
  const page = await newPage(browser);
  await visit(page, '/roles');
  await page.evaluate(() => document.fonts.ready);
  const blocked = page.fontProblems.filter(p => /Content Security Policy/.test(p));
  await page.context().close();
  assert.deepEqual(blocked, []);
});
