// Sending twice (a double press, a re-sent form, two requests racing) makes one application: one
// reference (in the one acknowledgement e-mail), and the same page every time.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  emailsTo, expectHeading, heading, launchBrowser, newPage, pageChecker, press, scanFor, TEST_TIMEOUT_MS, waitForEmails, waitForHumanPace, postFromSite,
} from './support.mjs';
import { assertRevealsNothing, fillSections, LEP, newApplicant, REFERENCE, startApplication } from './applicant.mjs';

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
  await assertRevealsNothing(page);
  const confirmationUrl = page.url();
  const shown = await (await page.request.get(confirmationUrl)).text();

  // The same form sent again with the same cookie, once and then twice at the same moment: the same page each time.
  const again = await postFromSite(page, checkUrl, { form: { website: '' } });
  assert.equal(again.status(), 200);
  assert.equal(await again.text(), shown, 'a re-sent form shows the same page');
  const racing = await Promise.all([1, 2].map(() => postFromSite(page, checkUrl, { form: { website: '' } })));
  for (const response of racing) {
    assert.equal(response.status(), 200);
    assert.equal(await response.text(), shown);
  }
  await page.reload();
  await expectHeading(page, 'Application sent');
  await assertRevealsNothing(page);

  await waitForEmails(applicant.email, ACK);
  await sleep(DUPLICATE_WATCH_MS);
  const acks = (await emailsTo(applicant.email)).filter(e => e.subject.includes(ACK));
  assert.equal(acks.length, 1, `exactly one acknowledgement to ${applicant.email}; got ${acks.length}`);
  const reference = acks[0].body.text.match(REFERENCE)?.[0];
  assert.ok(reference, 'the acknowledgement quotes the reference');
  assert.equal((await emailsTo(applicant.email)).length, 1, 'and nothing else: no "applied again" notice for a re-sent form');

  const stored = await scanFor('ApplicationsTable', 'roleId', LEP.id);
  const mine = stored.filter(item => JSON.stringify(item).includes(applicant.email));
  assert.equal(mine.length, 1, 'one application is stored');
  assert.ok(JSON.stringify(mine[0]).includes(reference), 'the one the e-mail quotes');
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
  const pages = new Set(await Promise.all(responses.map(r => r.text())));
  assert.equal(pages.size, 1, 'every send ends on the same page');
  assert.ok(![...pages][0].match(REFERENCE), 'which shows no reference');

  await waitForEmails(applicant.email, ACK);
  await sleep(DUPLICATE_WATCH_MS);
  const acks = (await emailsTo(applicant.email)).filter(e => e.subject.includes(ACK));
  assert.equal(acks.length, 1, `exactly one acknowledgement; got ${acks.length}`);
  assert.equal((await emailsTo(applicant.email)).length, 1, 'and no "applied again" notice: the same draft sent three times');
  const stored = await scanFor('ApplicationsTable', 'roleId', LEP.id);
  assert.equal(stored.filter(item => JSON.stringify(item).includes(applicant.email)).length, 1, 'one application is stored');
  await page.context().close();
});
