// Sending twice (a double press, a re-sent form, two requests racing) makes one application: one
// reference, one acknowledgement.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  emailsTo, expectHeading, heading, launchBrowser, newPage, pageChecker, press, scanFor, TEST_TIMEOUT_MS, waitForEmails, waitForHumanPace, postFromSite,
} from './support.mjs';
import { fillSections, LEP, newApplicant, REFERENCE, referenceShown, startApplication } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const ACK = 'We have received your application';
/** How long to keep watching for a duplicate after the first acknowledgement arrives. */
const DUPLICATE_WATCH_MS = 5_000;

test('pressing Send twice, re-sending the form and racing two sends give one reference and one e-mail', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('double-submit');
  const applicant = newApplicant('double');
  const startedAt = await startApplication(page, LEP);
  await fillSections(page, applicant);
  await expectHeading(page, 'Check your answers before sending your application');
  await waitForHumanPace(startedAt);

  // Two quick presses, as an impatient person makes them.
  const checkUrl = page.url();
  const arrived = page.waitForURL(/\/confirmation$/);
  await page.getByRole('button', { name: 'Send application', exact: true }).dblclick();
  await arrived;
  await expectHeading(page, 'Application sent');
  await checkPage(page, 'confirmation');
  const reference = await referenceShown(page);

  // The same form sent again with the same cookie, once and then twice at the same moment.
  const again = await postFromSite(page, checkUrl, { form: { website: '' } });
  assert.equal(again.status(), 200);
  assert.equal((await again.text()).match(REFERENCE)?.[0], reference, 'a re-sent form shows the same reference');
  const racing = await Promise.all([1, 2].map(() => postFromSite(page, checkUrl, { form: { website: '' } })));
  for (const response of racing) {
    assert.equal(response.status(), 200);
    assert.equal((await response.text()).match(REFERENCE)?.[0], reference);
  }
  await page.reload();
  assert.equal(await referenceShown(page), reference);

  await waitForEmails(applicant.email, ACK);
  await sleep(DUPLICATE_WATCH_MS);
  const acks = (await emailsTo(applicant.email)).filter(e => e.subject.includes(ACK));
  assert.equal(acks.length, 1, `exactly one acknowledgement to ${applicant.email}; got ${acks.length}`);
  assert.ok(acks[0].body.text.includes(reference));

  const stored = await scanFor('ApplicationsTable', 'roleId', LEP.id);
  const mine = stored.filter(item => JSON.stringify(item).includes(applicant.email));
  assert.equal(mine.length, 1, 'one application is stored');
  await page.context().close();
});

test('two fresh sends racing from the check-answers page still make one application', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const applicant = newApplicant('race');
  const startedAt = await startApplication(page, LEP);
  await fillSections(page, applicant);
  await expectHeading(page, 'Check your answers before sending your application');
  await waitForHumanPace(startedAt);

  const checkUrl = page.url();
  const responses = await Promise.all([1, 2, 3].map(() => postFromSite(page, checkUrl, { form: { website: '' } })));
  const statuses = responses.map(r => r.status());
  assert.deepEqual(statuses, [200, 200, 200], 'every send ends on a page, not an error');
  const references = new Set(await Promise.all(responses.map(async r => (await r.text()).match(REFERENCE)?.[0])));
  assert.equal(references.size, 1, `one reference for all sends; got ${[...references].join(', ')}`);

  await waitForEmails(applicant.email, ACK);
  await sleep(DUPLICATE_WATCH_MS);
  const acks = (await emailsTo(applicant.email)).filter(e => e.subject.includes(ACK));
  assert.equal(acks.length, 1, `exactly one acknowledgement; got ${acks.length}`);
  await page.context().close();
});

test('applying again for the same role with the same e-mail, from another browser, is told so', {
  timeout: TEST_TIMEOUT_MS,
}, async () => {
  const applicant = newApplicant('again');
  const [first, second] = [await newPage(browser), await newPage(browser)];
  const firstStarted = await startApplication(first, LEP);
  await fillSections(first, applicant);
  const secondStarted = await startApplication(second, LEP);
  await fillSections(second, applicant);
  await waitForHumanPace(Math.max(firstStarted, secondStarted));
  await press(first, 'Send application');
  await expectHeading(first, 'Application sent');

  await press(second, 'Send application');
  const landedOn = await heading(second);
  const explained = await second.locator('.nhsuk-error-summary, .nhsuk-panel, .nhsuk-warning-callout').count();
  await first.context().close();
  await second.context().close();
  assert.equal(landedOn, 'You have already applied for this role');
  assert.equal(explained, 1, 'the page explains, in its confirmation panel');
  assert.equal((await emailsTo(applicant.email)).filter(e => e.subject.includes(ACK)).length, 1, 'still one acknowledgement');
});
