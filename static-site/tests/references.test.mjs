// References, as people meet them: an applicant names two referees when applying; their interview is booked (seeded in
// DynamoDB Local, as the interviews step would leave it); staff record a successful interview; each referee opens the
// link in their e-mail and answers; staff see both references received and the team is asked to appoint; a used link
// is refused with a plain page. axe-core checks every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dynamoDb, expectHeading, launchBrowser, linkInHtml, newPage, pageChecker, plain, press, scanFor, signIn, tableName,
  TEST_TIMEOUT_MS, visit, waitForEmails,
} from './support.mjs';
import { choose, fillIn, fillSections, LEP, newApplicant, sendApplication, startApplication } from './applicant.mjs';

const TEAM = 'involvement-team@example.org'; // the example roles' team address (functions/handlers/.../local/ExampleRoles.java)

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Moves the application on to a booked interview, as the interviews step does: status only, progress kept. */
async function bookInterview(reference) {
  const [item] = await scanFor('ApplicationsTable', 'reference', reference);
  assert.ok(item, `application ${reference} is stored`);
  await dynamoDb('UpdateItem', {
    TableName: await tableName('ApplicationsTable'),
    Key: { roleId: item.roleId, applicantKey: item.applicantKey },
    UpdateExpression: 'SET #status = :booked, #progress.#slot = :slot',
    ExpressionAttributeNames: { '#status': 'status', '#progress': 'progress', '#slot': 'interview.slot' },
    ExpressionAttributeValues: { ':booked': { S: 'INTERVIEW_BOOKED' }, ':slot': { S: new Date().toISOString() } },
  });
}

async function referenceLink(referee) {
  const [mail] = await waitForEmails(referee.email, 'Reference request for');
  assert.ok(mail.body.text.includes(`Dear ${referee.name},`));
  return linkInHtml(mail.body.html, 'Write a reference');
}

async function writeReference(page, link, checkPage, name) {
  await visit(page, link);
  await expectHeading(page, 'Reference for Ama "Amy" O\'Reilly-Test');
  await checkPage(page, `${name}-form`);
  await fillIn(page, 'How do you know the applicant?', 'I manage the food bank where they volunteer every week.');
  await fillIn(page, 'How long have you known them?', '4 years');
  await fillIn(page, 'What would they bring to a role like this?', 'They listen carefully and speak up for families who are not heard.');
  await choose(page, 'Do you know of any reason why they should not be appointed?', 'No');
  await page.getByRole('checkbox', { name: /I confirm that what I have written is true/ }).check();
  await press(page, 'Send reference');
  await expectHeading(page, 'Reference sent');
  await checkPage(page, `${name}-thanks`);
}

test('staff record a successful interview, both referees answer from their e-mails, and a used link is refused', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
  const checkPage = pageChecker('references');
  const applicant = newApplicant('references');
  const [one, two] = applicant.referees;

  // The applicant names their referees in the application.
  const page = await newPage(browser);
  const startedAt = await startApplication(page, LEP);
  await fillSections(page, applicant, { to: 'payment' });
  await expectHeading(page, 'Referees');
  await checkPage(page, 'referees-section');
  await press(page, 'Save and continue');
  assert.match(await page.title(), /^Error: /);
  await checkPage(page, 'referees-section-errors');
  await fillSections(page, applicant, { from: 'referees' });
  const reference = await sendApplication(page, startedAt, applicant);
  await page.context().close();
  await bookInterview(reference);

  // Staff record the result from the References area.
  const staff = await newPage(browser);
  await signIn(staff, 'Sam Staff');
  await staff.getByRole('navigation', { name: 'Staff menu' }).getByRole('link', { name: 'References' }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, 'References');
  await checkPage(staff, 'staff-references');
  await visit(staff, `/staff/references/${LEP.id}`);
  await expectHeading(staff, LEP.title);
  await checkPage(staff, 'staff-role');
  await staff.getByRole('link', { name: new RegExp(reference) }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, applicant.fullName);
  await checkPage(staff, 'staff-applicant');
  await press(staff, 'Record result');
  assert.match(await staff.title(), /^Error: /);
  assert.match(await staff.locator('.nhsuk-error-summary').innerText(), /Select the result of the interview/);
  await checkPage(staff, 'staff-applicant-error');
  await choose(staff, 'What was the result of the interview?', 'Successful: ask for references');
  await fillIn(staff, 'Note (optional)', 'Clear, warm examples of speaking up for others.');
  await press(staff, 'Record result');
  assert.match(await staff.locator('main').innerText(), /We have emailed each referee for a reference/);
  assert.match(await staff.locator('main').innerText(), /Successful at interview: references requested/);
  await checkPage(staff, 'staff-recorded');

  // Each referee opens the link in their e-mail and answers; the first meets the error summary on the way.
  const linkOne = await referenceLink(one);
  const linkTwo = await referenceLink(two);
  const refereeOne = await newPage(browser);
  await visit(refereeOne, linkOne);
  await press(refereeOne, 'Send reference');
  assert.match(await refereeOne.title(), /^Error: /);
  await checkPage(refereeOne, 'referee-errors');
  await writeReference(refereeOne, linkOne, checkPage, 'referee-one');
  const refereeTwo = await newPage(browser, { javaScriptEnabled: false });
  await visit(refereeTwo, linkTwo);
  await fillIn(refereeTwo, 'How do you know the applicant?', 'They are a member of the carers\' forum I chair.');
  await fillIn(refereeTwo, 'How long have you known them?', '2 years');
  await fillIn(refereeTwo, 'What would they bring to a role like this?', 'Patience, and a knack for getting quiet people heard.');
  await choose(refereeTwo, 'Do you know of any reason why they should not be appointed?', 'No');
  await refereeTwo.getByRole('checkbox', { name: /I confirm that what I have written is true/ }).check();
  await press(refereeTwo, 'Send reference');
  await expectHeading(refereeTwo, 'Reference sent');

  // A used link is refused, and says whom to contact.
  await visit(refereeOne, linkOne, 410);
  await expectHeading(refereeOne, 'This reference has already been sent');
  assert.match(await refereeOne.locator('main').innerText(), /involvement-team@example\.org/);
  await checkPage(refereeOne, 'referee-link-used');
  await visit(refereeOne, linkOne.slice(0, -3) + 'AAA', 404);
  await expectHeading(refereeOne, 'This link is not valid');
  await checkPage(refereeOne, 'referee-link-tampered');

  // Staff see both references received, and the team is asked to appoint.
  await visit(staff, `/staff/references/${LEP.id}`);
  const row = staff.getByRole('row').filter({ hasText: reference });
  assert.match(await row.innerText(), /Both references received/);
  assert.equal((await row.innerText()).match(/referee: Received/g)?.length, 2);
  await checkPage(staff, 'staff-role-received');
  await staff.getByRole('link', { name: new RegExp(reference) }).click();
  await staff.waitForLoadState('load');
  assert.match(await staff.locator('main').innerText(), /Patience, and a knack for getting quiet people heard\./);
  await checkPage(staff, 'staff-applicant-received');
  const [ready] = await waitForEmails(TEAM, `ready to appoint, application ${reference}`);
  assert.ok(linkInHtml(ready.body.html, 'Appoint the partner').endsWith(`/staff/partners/${LEP.id}`));

  const requests = (await scanFor('ReferencesTable', 'applicationReference', reference)).map(plain);
  assert.equal(requests.length, 2);
  assert.ok(requests.every(r => r.state === 'RECEIVED' && !JSON.stringify(r).includes('@')), 'requests hold no e-mail address');
  for (const p of [staff, refereeOne, refereeTwo]) await p.context().close();
});
