// Applying again with an address that has already applied reveals nothing (issue 8): the page after sending is word
// for word the page a new applicant sees, with no reference, no equal opportunities link and nothing about applying
// before; the address's owner is told by e-mail that someone tried to apply again in their name; and the owner's own
// equal opportunities link, from their first e-mail, still works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  emailsTo, expectHeading, launchBrowser, linkInHtml, newPage, pageChecker, press, scanFor, TEST_TIMEOUT_MS, visit, waitForEmails,
  waitForHumanPace,
} from './support.mjs';
import {
  ACKNOWLEDGEMENT, assertRevealsNothing, fillMonitoring, fillSections, LEP, newApplicant, REFERENCE, startApplication,
} from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const APPLIED_AGAIN = 'Someone tried to apply again using your details';

/** Sends a filled-in application and returns what the page after sending says, and its response. */
async function send(page, startedAt) {
  await expectHeading(page, 'Check your answers before sending your application');
  await waitForHumanPace(startedAt);
  const answered = page.waitForResponse(r => r.url().endsWith('/confirmation'));
  await press(page, 'Send application');
  const response = await answered;
  await expectHeading(page, 'Application sent');
  return {
    words: await page.locator('main').innerText(),
    status: response.status(),
    headers: await response.allHeaders(),
    cookies: (await page.context().cookies()).map(c => ({ ...c, value: c.name === 'involve-draft' ? '(draft)' : c.value, expires: 0 })),
  };
}

test('applying twice with one address: the same page, nothing revealed, and the owner is told', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
  const owner = newApplicant('again-owner');
  // Someone else, with their own name and answers, typing the owner's address.
  const stranger = newApplicant('again-stranger', { fullName: 'Pat Otherperson', email: owner.email, phone: '01632 960 999' });
  const checkPage = pageChecker('apply-again');

  const first = await newPage(browser);
  const firstStarted = await startApplication(first, LEP);
  await fillSections(first, owner);
  const firstSent = await send(first, firstStarted);
  await assertRevealsNothing(first);
  await checkPage(first, 'sent-new');

  const second = await newPage(browser);
  const secondStarted = await startApplication(second, LEP);
  await fillSections(second, stranger);
  const secondSent = await send(second, secondStarted);
  await assertRevealsNothing(second);
  await checkPage(second, 'sent-again');

  assert.equal(secondSent.words, firstSent.words, 'the two pages show the same words');
  assert.equal(secondSent.status, firstSent.status);
  const varying = new Set(['date', 'x-amzn-requestid', 'apigw-requestid', 'content-length', 'x-amz-apigw-id']);
  const steady = headers => Object.fromEntries(Object.entries(headers).filter(([name]) => !varying.has(name)));
  assert.deepEqual(steady(secondSent.headers), steady(firstSent.headers), 'the same headers');
  assert.equal(secondSent.headers['content-length'], firstSent.headers['content-length'], 'the same length');
  assert.deepEqual(secondSent.cookies, firstSent.cookies, 'the same cookies');
  assert.ok(firstSent.words.includes(`We have sent a message to ${owner.email}.`), 'the page says a message was sent to the address');
  assert.ok(firstSent.words.includes('Ask for Sam Example.') && firstSent.words.includes('01632 960 001')
    && firstSent.words.includes('involvement-team@example.org'), 'and whom to contact if it does not come (the help box)');
  await first.context().close();
  await second.context().close();

  // The owner: their acknowledgement with their reference and link, then the notice; nothing else.
  const [ack] = await waitForEmails(owner.email, ACKNOWLEDGEMENT);
  const reference = ack.body.text.match(REFERENCE)?.[0];
  assert.ok(reference, 'the acknowledgement quotes the reference');
  const [notice] = await waitForEmails(owner.email, APPLIED_AGAIN);
  assert.equal(notice.subject, `${APPLIED_AGAIN}: ${LEP.title}`);
  assert.ok(notice.body.text.includes(`Dear ${owner.fullName},`), notice.body.text);
  assert.ok(notice.body.text.includes('Nothing in your application has changed.'), notice.body.text);
  assert.ok(notice.body.text.includes('Contact Sam Example at involvement-team@example.org or call 01632 960 001.'),
    'the notice gives the team\'s contact');
  assert.ok(!notice.body.text.includes(stranger.fullName), 'nothing the second sender typed');
  assert.ok(!notice.body.html.includes('/monitoring'), 'no equal opportunities link in the notice');
  await sleep(3_000);
  const all = await emailsTo(owner.email);
  assert.equal(all.length, 2, `one acknowledgement and one notice; got ${all.map(e => e.subject).join(' | ')}`);

  const stored = (await scanFor('ApplicationsTable', 'roleId', LEP.id)).filter(item => JSON.stringify(item).includes(owner.email));
  assert.equal(stored.length, 1, 'one application is stored');
  assert.ok(JSON.stringify(stored[0]).includes(reference) && !JSON.stringify(stored[0]).includes('Otherperson'),
    'the owner\'s, unchanged');

  // The owner's equal opportunities link, from the first e-mail, works.
  const page = await newPage(browser);
  await page.goto('about:blank');
  await page.setContent(notice.body.html);
  await checkPage(page, 'applied-again-email');
  await visit(page, linkInHtml(ack.body.html, 'Fill in the equal opportunities form'));
  await expectHeading(page, 'Equal opportunities monitoring');
  await fillMonitoring(page);
  await press(page, 'Send answers');
  await expectHeading(page, 'Thank you');
  await page.context().close();
});
