// A role past its closing date: its page says so plainly, offers no way to start, and the server refuses
// any attempt anyway.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectHeading, launchBrowser, newPage, pageChecker, TEST_TIMEOUT_MS, postFromSite, visit } from './support.mjs';
import { CLOSED_ROLE } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the closed role says it has closed and has no Start button', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('closed-role');
  await visit(page, `/roles/${CLOSED_ROLE.id}`);
  await expectHeading(page, CLOSED_ROLE.title);
  await checkPage(page, 'role');
  const main = await page.locator('main').innerText();
  assert.match(main, /This role has closed/);
  assert.match(main, /Applications closed on .+\. You can no longer apply\./);
  assert.equal(await page.getByRole('button', { name: 'Start now' }).count(), 0);
  assert.equal(await page.locator(`form[action$="/apply"]`).count(), 0);

  await visit(page, '/roles');
  assert.equal(await page.getByRole('link', { name: CLOSED_ROLE.title }).count(), 0, 'a closed role is not listed as open');
  await page.context().close();
});

test('posting to a closed role\'s application gives 410 "This role has closed"', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('closed-role-apply');
  const response = await postFromSite(page, `/roles/${CLOSED_ROLE.id}/apply`, { form: {}, maxRedirects: 0 });
  assert.equal(response.status(), 410);
  const body = await response.text();
  assert.match(body, /<h1>This role has closed<\/h1>/);
  assert.match(body, /We cannot take applications after the closing date/);

  // A section of the closed role, reached by its address, is refused the same way.
  await visit(page, `/roles/${CLOSED_ROLE.id}/apply/about-you`, 410);
  await expectHeading(page, 'This role has closed');
  await checkPage(page, 'closed');
  await page.context().close();
});
