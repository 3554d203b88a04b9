// People's rights over their data (issue 11): a person applies and fills in the monitoring form; staff with the data
// protection permission find them by e-mail address, see everything held (with the day the answer is due), download
// it as a JSON file (the subject access answer), then erase it. The person is e-mailed, and afterwards nothing is
// found by their address or reference. axe-core on every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  dynamoDb, expectHeading, fillDate, launchBrowser, linkInHtml, newPage, openArea, pageChecker, plain, press, scanFor,
  signIn, sortableTime, tableName, TEST_TIMEOUT_MS, visit, waitForEmails,
} from './support.mjs';
import { acknowledgementTo, fillMonitoring, fillSections, LEP, newApplicant, sendApplication } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('staff answer a subject access request and erase a person\'s data', { timeout: TEST_TIMEOUT_MS + 60_000 }, async () => {
  const checkPage = pageChecker('data-protection');
  const applicant = newApplicant('dp');

  // The person applies and answers the monitoring questions.
  const page = await newPage(browser);
  await visit(page, `/roles/${LEP.id}`);
  await press(page, 'Start now');
  const startedAt = Date.now(); // the draft exists now: the server counts from no later than this
  await fillSections(page, applicant);
  const reference = await sendApplication(page, startedAt, applicant);
  const ack = await acknowledgementTo(applicant);
  await visit(page, linkInHtml(ack.body.html, 'Fill in the equal opportunities form'));
  await fillMonitoring(page);
  await press(page, 'Send answers');
  await expectHeading(page, 'Thank you');
  await page.context().close();

  // Staff find them by e-mail address, with the day the request came.
  const staff = await newPage(browser);
  await signIn(staff, 'Sam Staff');
  await openArea(staff, 'Data protection');
  await expectHeading(staff, 'Data protection requests');
  await checkPage(staff, 'find');

  await staff.getByLabel('Email address or application reference').fill('not an address');
  await press(staff, 'Find what we hold');
  assert.match(await staff.locator('.nhsuk-error-summary').innerText(), /Enter an email address in the correct format/);
  await checkPage(staff, 'find-error');

  await staff.getByLabel('Email address or application reference').fill(applicant.email.toUpperCase());
  await fillDate(staff, 'received', { day: '1', month: '1', year: '2025' });
  await press(staff, 'Find what we hold');
  await expectHeading(staff, `What we hold about ${applicant.fullName}`);
  const main = await staff.locator('main').innerText();
  assert.match(main, /Request came\s+1 January 2025/);
  assert.match(main, /Answer by\s+1 February 2025/);
  assert.match(main, /Equal opportunities monitoring answers\s+1/, 'the monitoring answers are found');
  assert.match(main, /Applications\s+1/);
  assert.match(main, /Payment records/, 'says what the law would make us keep');
  await staff.getByText('Equal opportunities monitoring answers: Record 1').click();
  // Staff never see the answers beside a name: only how many there are (the file for the person holds them).
  const shown = await staff.locator('main').innerText();
  assert.doesNotMatch(shown, /ageBand|35-to-44/);
  assert.match(shown, /Answers\s+\d+ answers\. They are not shown here/);
  await checkPage(staff, 'person');

  // The subject access answer: a JSON file with every kind of record.
  const [download] = await Promise.all([
    staff.waitForEvent('download'),
    staff.getByRole('button', { name: 'Download what we hold (JSON file)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'what-we-hold.json');
  // A file saved is a navigation the browser abandons: that one "failed request" is the download itself.
  staff.problems = staff.problems.filter(p => p !== `request failed: ${staff.url().replace(/\/person$/, '/download')} net::ERR_ABORTED`);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.received, '2025-01-01');
  assert.equal(file.due, '2025-02-01');
  assert.equal(file.records.applications[0]['data.reference'], reference);
  assert.equal(file.records.applications[0]['data.answers.email'], applicant.email);
  assert.equal(file.records.monitoring_answers[0]['answers.ageBand'], '35-to-44');
  assert.ok(file.records.emails.length >= 1, 'the acknowledgement is among their e-mails');
  const [answered] = await scanFor('AuditTable', 'recordId', file.request);
  assert.ok(answered, 'answering the request is audited');

  // Erasure: everything goes, and they are told.
  await staff.getByRole('button', { name: 'Erase their data' }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, 'Data protection requests');
  assert.match(await staff.locator('main').innerText(), /Their data has been erased/);
  await checkPage(staff, 'erased');
  const [told] = await waitForEmails(applicant.email, 'We have erased your data');
  assert.match(told.body.text, /We have now done this/);

  assert.deepEqual(await scanFor('ApplicationsTable', 'reference', reference), [], 'the application is gone');
  for (const find of [applicant.email, reference]) {
    await staff.getByLabel('Email address or application reference').fill(find);
    await press(staff, 'Find what we hold');
    assert.match(await staff.locator('main').innerText(), /We hold nothing about anyone with that email address or reference/);
  }
  await checkPage(staff, 'nobody');
  await staff.context().close();
});

// A person who is only someone's referee: found by their e-mail address through the reference request (a one-way key
// of the address, as the references desk stores it), shown only their part, and erased; the application stays.
test('staff find a referee by e-mail address and erase only their part of an application', { timeout: TEST_TIMEOUT_MS + 60_000 }, async () => {
  const checkPage = pageChecker('data-protection-referee');
  const applicant = newApplicant('dpref');
  const referee = applicant.referees[0];

  const page = await newPage(browser);
  await visit(page, `/roles/${LEP.id}`);
  await press(page, 'Start now');
  const startedAt = Date.now(); // the draft exists now: the server counts from no later than this
  await fillSections(page, applicant);
  const reference = await sendApplication(page, startedAt, applicant);
  await page.context().close();

  // The references desk asks the first referee (seeded here as it stores the request: the round is not under test).
  const [app] = await scanFor('ApplicationsTable', 'reference', reference);
  const requestId = randomBytes(16).toString('hex');
  await dynamoDb('PutItem', { TableName: await tableName('ReferencesTable'), Item: {
    requestId: { S: requestId }, roleId: app.roleId, applicantKey: app.applicantKey, applicationReference: { S: reference },
    number: { N: '1' }, state: { S: 'REQUESTED' }, requestedAt: { S: sortableTime(Date.now()) }, remindersSent: { N: '0' },
    refereeKey: { S: createHash('sha256').update(`email:${referee.email.trim().toLowerCase()}`).digest('hex') },
  } });

  const staff = await newPage(browser);
  await signIn(staff, 'Sam Staff');
  await openArea(staff, 'Data protection');
  await staff.getByLabel('Email address or application reference').fill(referee.email);
  await press(staff, 'Find what we hold');
  await expectHeading(staff, `What we hold about ${referee.name}`);
  const main = await staff.locator('main').innerText();
  assert.match(main, /References they were asked for or gave as a referee[^\n]*\s+1/);
  assert.match(main, /Their details as a referee, as the applicant gave them[^\n]*\s+1/);
  assert.match(main, /Applications\s+0/, 'not the application itself');
  assert.ok(!main.includes(applicant.email), 'nothing of the applicant\'s own answers');
  await checkPage(staff, 'person');

  await staff.getByRole('button', { name: 'Erase their data' }).click();
  await staff.waitForLoadState('load');
  assert.match(await staff.locator('main').innerText(), /Their data has been erased/);
  const [told] = await waitForEmails(referee.email, 'We have erased your data');
  assert.match(told.body.text, /We have now done this/);

  const [kept] = await scanFor('ApplicationsTable', 'reference', reference);
  const answers = JSON.parse(plain(kept.data)).answers;
  assert.match(answers.referee1Name, /^Referee details removed on .* at the referee's request$/);
  assert.equal(answers.referee1Email, undefined);
  assert.equal(answers.fullName, applicant.fullName, 'the application is otherwise as sent');
  await staff.getByLabel('Email address or application reference').fill(referee.email);
  await press(staff, 'Find what we hold');
  assert.match(await staff.locator('main').innerText(), /We hold nothing about anyone with that email address or reference/);
  await staff.context().close();
});
