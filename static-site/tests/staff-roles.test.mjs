// Staff sign-in and the role pages, as people use them: nobody signed in gets 401; a member of staff signs in with
// the local runtime's sign-in page, creates a role (meeting the error summary first), publishes it, finds it on
// the public site and withdraws it; a panel member is refused the role pages with a plain 403. axe-core checks every staff page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectHeading, fillDate, launchBrowser, newPage, pageChecker, press, TEST_TIMEOUT_MS, visit, postFromSite, visitWhenPublished,
} from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Signs in as one of the local runtime's people ("Sam Staff", "Pat Panel", ...) and lands on the staff home. */
async function signIn(page, name, checkPage) {
  await visit(page, '/staff/sign-in');
  assert.match(page.url(), /\/_local\/sign-in$/, 'locally, sign-in goes to the local people page');
  await expectHeading(page, 'Sign in as a local person');
  if (checkPage) await checkPage(page, 'local-sign-in');
  await page.getByLabel(name, { exact: true }).check();
  await press(page, 'Sign in');
  assert.match(page.url(), /\/staff$/);
  await expectHeading(page, 'Involve staff');
}

function ukDate(daysFromToday, { monday = false } = {}) {
  const d = new Date(Date.now() + daysFromToday * 24 * 3600 * 1000);
  if (monday) d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7)); // a week commencing is a Monday
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}

test('nobody signed in gets 401 from every staff page, and the sign-in pages stay open', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  for (const path of ['/staff', '/staff/roles', '/staff/roles/new', '/staff/anything']) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    assert.equal(response.status(), 401, `GET ${path}`);
  }
  const post = await postFromSite(page, '/staff/roles', { form: { title: 'x' }, maxRedirects: 0 });
  assert.equal(post.status(), 401);
  const forged = await page.request.get('/staff/roles', { headers: { Cookie: 'involve-staff=not.a.token' }, maxRedirects: 0 });
  assert.equal(forged.status(), 403, 'a cookie that is not a valid session is refused');
  const signIn = await page.request.get('/staff/sign-in', { maxRedirects: 0 });
  assert.equal(signIn.status(), 303);
  await page.context().close();
});

test('staff sign in, create a role, publish it, and it appears on the public site', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('staff-roles');
  await signIn(page, 'Sam Staff', checkPage);
  await checkPage(page, 'staff-home');

  await page.getByRole('navigation', { name: 'Staff menu' }).getByRole('link', { name: 'Roles' }).click();
  await page.waitForLoadState('load');
  await expectHeading(page, 'Roles');
  await checkPage(page, 'roles');
  assert.ok(await page.locator('table.nhsuk-table').count() === 1, 'roles are listed in a table');

  await page.getByRole('link', { name: 'Create a role' }).click();
  await page.waitForLoadState('load');
  await expectHeading(page, 'Create a role');
  await checkPage(page, 'new-role');

  // Sending it almost empty shows the error summary, linked to the questions.
  await press(page, 'Save as draft');
  assert.match(await page.title(), /^Error: Create a role/);
  const summary = page.locator('.nhsuk-error-summary');
  assert.match(await summary.innerText(), /Enter the role's title/);
  assert.match(await summary.innerText(), /Enter the closing date/);
  await checkPage(page, 'new-role-errors');

  const title = `Community voices partner ${Date.now()}`;
  await page.fill('#title', title);
  await page.fill('#programme', 'Community voices group');
  await page.fill('#organisation', 'Example NHS Trust');
  await page.fill('#summary', 'Help us hear from communities we do not hear from enough.');
  await page.fill('#whatTheRoleDoes', 'Join a monthly meeting\nReview plans with us');
  await page.fill('#whoWeAreLookingFor', 'People with lived experience of our services');
  await page.fill('#criteria', 'E: You listen to different points of view\nD: You draw on community networks');
  await fillDate(page, 'closingDate', ukDate(30));
  await fillDate(page, 'interviewWeek', ukDate(45, { monday: true }));
  await page.fill('#meetings', 'Monthly 1-hour meeting');
  await page.fill('#timeAsked', 'Up to 4 hours a month');
  await page.getByLabel('Unpaid (voluntary)').check();
  await page.fill('#contactName', 'Involvement team');
  await page.fill('#contactEmail', 'involvement@example.org');
  await page.fill('#teamEmail', 'team@example.org');
  await press(page, 'Save as draft');
  await expectHeading(page, title);
  assert.match(await page.locator('main').innerText(), /Role saved as a draft/);
  await checkPage(page, 'draft-role');
  const roleUrl = new URL(page.url());
  const roleId = roleUrl.pathname.split('/').pop();

  await press(page, 'Publish role');
  assert.match(await page.locator('main').innerText(), /Role published/);
  await checkPage(page, 'published-role');

  await page.getByRole('link', { name: 'Extend the closing date' }).click();
  await page.waitForLoadState('load');
  await expectHeading(page, 'Extend the closing date');
  await checkPage(page, 'extend');

  await visitWhenPublished(page, '/roles', async p => await p.getByRole('link', { name: title }).count() === 1,
    'the published role is on the public site');
  await visit(page, `/roles/${roleId}`);
  await expectHeading(page, title);

  // Withdrawing is asked for twice, then the role leaves the public site.
  await visit(page, `/staff/roles/${roleId}`);
  await page.getByRole('link', { name: 'Withdraw this role' }).click();
  await page.waitForLoadState('load');
  await expectHeading(page, 'Are you sure you want to withdraw this role?');
  await checkPage(page, 'confirm-withdraw');
  await press(page, 'Withdraw role');
  assert.match(await page.locator('main').innerText(), /Role withdrawn/);
  await checkPage(page, 'withdrawn-role');
  await visitWhenPublished(page, '/roles', async p => await p.getByRole('link', { name: title }).count() === 0,
    'a withdrawn role is not on the public site');
  // The list and the role's own page are published in one run, the page removed just after the list is written.
  const until = Date.now() + 20_000;
  while ((await page.goto(`/roles/${roleId}`)).status() !== 404) {
    assert.ok(Date.now() < until, `the withdrawn role's page /roles/${roleId} was still there after 20 s`);
    await new Promise(r => setTimeout(r, 250));
  }
  await page.context().close();
});

test('a panel member is refused the role pages in plain words', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('staff-panel');
  await signIn(page, 'Pat Panel');
  await checkPage(page, 'panel-home');
  assert.equal(await page.getByRole('link', { name: 'Roles' }).count(), 0, 'no Roles link for the panel');

  await visit(page, '/staff/roles/strategic-coproduction-group-member/edit', 403);
  await expectHeading(page, 'You cannot do this');
  assert.match(await page.locator('main').innerText(), /Your account cannot create, edit, publish or withdraw roles/);
  await checkPage(page, 'forbidden');
  const post = await postFromSite(page, '/staff/roles/strategic-coproduction-group-member/withdraw', { form: {}, maxRedirects: 0 });
  assert.equal(post.status(), 403);

  await visit(page, '/staff/sign-out');
  await expectHeading(page, 'You have signed out');
  await checkPage(page, 'signed-out');
  const after = await page.request.get('/staff/roles', { maxRedirects: 0 });
  assert.equal(after.status(), 401, 'signed out means no session cookie');
  await page.context().close();
});
