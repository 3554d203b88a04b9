// Issue 14's last gaps, as a person meets them: the three-line summary at the top of a role page (what you would do,
// what you would get, who cannot apply) before the details, and the staff page for entering a telephone application,
// which tells staff how to help a caller who started online (their reference and code, on the public Continue an
// application page). axe-core with the best-practice rules on each page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectHeading, launchBrowser, newPage, pageChecker, signIn, TEST_TIMEOUT_MS, visit } from './support.mjs';
import { LEP } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const checkPage = pageChecker('last-gaps', { bestPractice: true });

test('a role page starts with three lines: what you would do, what you would get, who cannot apply',
  { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await newPage(browser);
    await visit(page, `/roles/${LEP.id}`);
    await expectHeading(page, LEP.title);
    const inShort = page.locator('h2', { hasText: 'This role in short' });
    await inShort.waitFor();
    const list = inShort.locator('xpath=following-sibling::dl[1]');
    assert.deepEqual(await list.locator('dt').allInnerTexts(),
      ['What you would do', 'What you would get', 'Who cannot apply']);
    const [does, gets, cannot] = await list.locator('dd').allInnerTexts();
    assert.match(does, /Time it takes: Up to 4 hours a month/);
    assert.match(gets, /£75 a month.*We also pay back the costs of taking part/s);
    assert.match(cannot, /NHS England staff.*The full list is below\./s);
    // The three lines come before the details they sum up.
    const order = await page.evaluate(() => {
      const h = [...document.querySelectorAll('h2')].map(e => e.textContent.trim());
      return [h.indexOf('This role in short'), h.indexOf('What the role involves')];
    });
    assert.ok(order[0] >= 0 && order[0] < order[1], `summary first: ${order}`);
    await checkPage(page, 'role-page');
    await page.context().close();
  });

test('staff entering an application are told how to help a caller who started online',
  { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await newPage(browser);
    await signIn(page, 'Sam Staff');
    await visit(page, `/staff/roles/${LEP.id}/applications/new`);
    await expectHeading(page, 'Enter an application for the applicant');
    const help = page.locator('.nhsuk-inset-text', { hasText: 'If the caller started an application online' });
    assert.match(await help.innerText(), /read out the reference and the code/);
    const href = await help.getByRole('link').getAttribute('href');
    assert.equal(new URL(href).pathname, '/continue');
    await checkPage(page, 'staff-enter');
    await page.context().close();
  });
