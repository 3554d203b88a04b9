// Two members of staff change one role at the same time (issue 8, item 6). Each form carries the version of the role
// it was read at: the first save wins, and the second gets a page (409) saying someone else changed the role, with
// the form now holding the role as it is (the first person's changes) and what the second person entered listed
// above it, so they can apply it again. Nothing of the first person's change is lost. axe-core checks each page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectHeading, fillDate, launchBrowser, newPage, pageChecker, press, signIn, TEST_TIMEOUT_MS, visit,
} from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

function ukDate(daysFromToday, { monday = false } = {}) {
  const d = new Date(Date.now() + daysFromToday * 24 * 3600 * 1000);
  if (monday) d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}

/** Creates a draft role through the form and returns its id and title. */
async function draftRole(page) {
  await visit(page, '/staff/roles/new');
  const title = `Locking partner ${Date.now()}`;
  await page.fill('#title', title);
  await page.fill('#programme', 'Community voices group');
  await page.fill('#organisation', 'Example NHS Trust');
  await page.fill('#summary', 'Help us hear from communities we do not hear from enough.');
  await page.fill('#whatTheRoleDoes', 'Join a monthly meeting');
  await page.fill('#whoWeAreLookingFor', 'People with lived experience of our services');
  await page.fill('#criteria', 'E: You listen to different points of view');
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
  return { id: new URL(page.url()).pathname.split('/').pop(), title };
}

/** Presses the button and returns the status of the page the form's POST answered with. */
async function pressAndStatus(page, name) {
  const posted = page.waitForResponse(r => r.request().method() === 'POST' && r.request().resourceType() === 'document');
  await press(page, name);
  return (await posted).status();
}

test('two staff change one role: the second is told, sees the first one\'s change, and nothing is lost', { timeout: TEST_TIMEOUT_MS }, async () => {
  const checkPage = pageChecker('role-locking');
  const sam = await newPage(browser);
  const alex = await newPage(browser);
  await signIn(sam, 'Sam Staff');
  await signIn(alex, 'Alex Allroles');
  const role = await draftRole(sam);

  // Both open the same role's form.
  await visit(sam, `/staff/roles/${role.id}/edit`);
  await visit(alex, `/staff/roles/${role.id}/edit`);
  await checkPage(alex, 'edit-form');
  const placesRead = await alex.inputValue('#places');

  // Sam saves first.
  const samsTitle = `${role.title} (Sam)`;
  await sam.fill('#title', samsTitle);
  await sam.fill('#places', '4');
  assert.equal(await pressAndStatus(sam, 'Save changes'), 303);
  await expectHeading(sam, samsTitle);
  assert.match(await sam.locator('main').innerText(), /Your changes are saved/);

  // Alex saves a form read before Sam's save: nothing is saved, and Alex is told plainly.
  const alexsTitle = `${role.title} (Alex)`;
  const alexsSummary = 'Help us hear from young carers and their families.';
  await alex.fill('#title', alexsTitle);
  await alex.fill('#summary', alexsSummary);
  assert.equal(await pressAndStatus(alex, 'Save changes'), 409);
  await expectHeading(alex, 'Someone else changed this role while you were working on it');
  const main = await alex.locator('main').innerText();
  assert.match(main, /Your changes have not been saved/);
  await checkPage(alex, 'changed-meanwhile');

  // The form holds the role as it is now: Sam's title and places.
  assert.equal(await alex.inputValue('#title'), samsTitle);
  assert.equal(await alex.inputValue('#places'), '4');
  // Above it, what Alex entered that differs, beside what is saved now.
  const entered = alex.locator('table', { has: alex.locator('caption', { hasText: 'What you entered' }) });
  const rows = await entered.locator('tbody tr').allInnerTexts();
  assert.ok(rows.some(r => r.includes('Title') && r.includes(samsTitle) && r.includes(alexsTitle)), rows.join('\n'));
  assert.ok(rows.some(r => r.includes('Summary') && r.includes(alexsSummary)), rows.join('\n'));
  assert.ok(rows.some(r => /^Number of places\s+4\s+/.test(r) && r.trim().endsWith(placesRead)),
    `Sam's places beside the places Alex's form still had:\n${rows.join('\n')}`);

  // Alex applies the summary again on the current form and saves: both changes stand.
  await alex.fill('#summary', alexsSummary);
  assert.equal(await pressAndStatus(alex, 'Save changes'), 303);
  await expectHeading(alex, samsTitle);
  const shown = await alex.locator('main').innerText();
  assert.match(shown, new RegExp(alexsSummary));
  assert.match(shown, /Places\s+4/);

  // Sam's publish button was read before Alex's save: publishing from it changes nothing and says why.
  assert.equal(await pressAndStatus(sam, 'Publish role'), 409);
  assert.match(await sam.locator('main').innerText(), /Someone else changed this role while you were working on it/);
  assert.match(await sam.locator('main').innerText(), new RegExp(alexsSummary), 'the role as it is now');
  await checkPage(sam, 'publish-changed-meanwhile');
  assert.equal(await pressAndStatus(sam, 'Publish role'), 303, 'the page as it is now publishes');

  await sam.context().close();
  await alex.context().close();
});
