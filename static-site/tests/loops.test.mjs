// Every loop closes, for applicants (issue 8, item 11): of two applicants invited to interview, one withdraws through
// the link in their invitation e-mail (a confirmation page first, without JavaScript) and is told by e-mail; the other
// never books, gets one reminder to book from the daily job, and staff record "did not attend", which tells them at
// once. Both end with an outcome the outcomes rules count (WITHDRAWN, DID_NOT_ATTEND). axe-core checks every page.
//
// As in interviews.test.mjs, the role at shortlisting and its invited applications are put straight into DynamoDB
// Local. One thing is done behind the system's back, because a test cannot wait days: the reminder's due time in its
// index is moved to a minute ago, as time passing would.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dynamoDb, emailsTo, expectHeading, fireSchedule, launchBrowser, linkInHtml, newPage, pageChecker, plain, press,
  putApplication, putRole, signIn, sortableTime, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit, waitForEmails,
} from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const DAY = 24 * 3600 * 1000;
const isoDate = d => d.toISOString().slice(0, 10);

/** The Monday on or after the given time: an interview week commences on a Monday. */
function mondayOnOrAfter(ms) {
  return new Date(ms + ((8 - new Date(ms).getUTCDay()) % 7) * DAY);
}

async function seedRound() {
  const stamp = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
  const roles = await tableName('RolesTable');
  const example = await dynamoDb('GetItem', { TableName: roles, Key: { roleId: { S: 'strategic-coproduction-group-member' } }, ConsistentRead: true });
  const role = JSON.parse(example.Item.data.S);
  const week = mondayOnOrAfter(Date.now() + 10 * DAY);
  Object.assign(role, {
    id: `loops-test-${stamp}`, title: `Loops test role ${stamp}`, status: 'SHORTLISTING',
    closingDate: isoDate(new Date(Date.now() - DAY)), interviewWeekCommencing: isoDate(week), interviewFormat: 'video call',
  });
  role.contact = { ...role.contact, teamEmail: `team-${stamp}@example.org` };
  await putRole(role, `${role.closingDate}T22:59:00Z`);
  const applicant = async tag => {
    const email = uniqueEmail(`loops-${tag}`);
    const reference = `INV-${tag.toUpperCase()}-${stamp.slice(-6)}`;
    const answers = { fullName: `Test ${tag} applicant`, email, phone: '07700 900123', contactMethod: 'email' };
    await putApplication({ reference, roleId: role.id, applicantKey: `email:${email}`, status: 'INVITED_TO_INTERVIEW', answers,
      submittedAt: new Date(Date.now() - 5 * DAY).toISOString(), contactMethod: 'email', monitoringToken: `token-${reference}`,
      acknowledgement: 'EMAIL_QUEUED', enteredBy: 'applicant', progress: {} });
    return { email, reference, key: `email:${email}` };
  };
  return { role, week, leaving: await applicant('leave'), absent: await applicant('absent') };
}

async function stored(roleId, applicantKey) {
  const { Item } = await dynamoDb('GetItem', { TableName: await tableName('ApplicationsTable'), ConsistentRead: true,
    Key: { roleId: { S: roleId }, applicantKey: { S: applicantKey } } });
  return plain(Item);
}

test('one applicant withdraws through their e-mail; one never books, is reminded once, and staff record "did not attend"',
  { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
    const round = await seedRound();
    const checkPage = pageChecker('loops');

    // Staff set a time and invite both.
    const staff = await newPage(browser);
    await signIn(staff, 'Sam Staff');
    await visit(staff, `/staff/interviews/${round.role.id}`);
    const day = new Date(round.week.getTime() + DAY);
    await staff.fill('#date-day', String(day.getUTCDate()));
    await staff.fill('#date-month', String(day.getUTCMonth() + 1));
    await staff.fill('#date-year', String(day.getUTCFullYear()));
    await staff.fill('#startTime', '10:30');
    await staff.fill('#minutes', '45');
    await press(staff, 'Add time');
    await press(staff, 'Send invitations');
    assert.match(await staff.locator('main').innerText(), /Invitations sent/);

    // ---------- one withdraws, through the link in their invitation, with JavaScript off ----------
    const [invitation] = await waitForEmails(round.leaving.email, 'Interview invitation');
    assert.match(invitation.body.text, /you can withdraw your application at any time/);
    const withdrawLink = linkInHtml(invitation.body.html, 'Withdraw my application');
    const applicant = await newPage(browser, { javaScriptEnabled: false });
    await visit(applicant, new URL(withdrawLink).pathname);
    await expectHeading(applicant, 'Withdraw your application');
    const confirm = await applicant.locator('main').innerText();
    assert.match(confirm, new RegExp(`reference ${round.leaving.reference}`));
    assert.match(confirm, /You cannot undo this/);
    await checkPage(applicant, 'withdraw-confirm');
    assert.equal((await stored(round.role.id, round.leaving.key)).status, 'INVITED_TO_INTERVIEW', 'opening the link changes nothing');
    await press(applicant, 'Yes, withdraw my application');
    await expectHeading(applicant, 'Your application has been withdrawn');
    assert.match(await applicant.locator('main').innerText(), /We have sent you an email to confirm this/);
    await checkPage(applicant, 'withdrawn');
    const [confirmation] = await waitForEmails(round.leaving.email, 'You have withdrawn your application');
    assert.match(confirmation.body.text, /We will not contact you or your referees again/);
    assert.match(confirmation.body.text, /patient|@/i);
    await waitForEmails(round.role.contact.teamEmail, `Application ${round.leaving.reference} withdrawn`);
    // Withdrawing twice is harmless: the link now says so, and nothing more is sent.
    await visit(applicant, new URL(withdrawLink).pathname);
    await expectHeading(applicant, 'Your application has been withdrawn');
    assert.equal((await stored(round.role.id, round.leaving.key)).status, 'WITHDRAWN');
    await applicant.context().close();

    // ---------- the other never books: one reminder, from the daily job ----------
    await waitForEmails(round.absent.email, 'Interview invitation');
    await fireSchedule('InterviewReminderFunction');
    assert.equal((await emailsTo(round.absent.email)).filter(e => e.subject.includes('Please choose your interview time')).length, 0,
      'not due yet');
    // Days pass: the reminder falls due.
    const applications = await tableName('ApplicationsTable');
    const before = await stored(round.role.id, round.absent.key);
    assert.equal(before.bookingReminder, 'DUE', 'the invitation put them in the reminder index');
    await dynamoDb('UpdateItem', { TableName: applications,
      Key: { roleId: { S: round.role.id }, applicantKey: { S: round.absent.key } },
      UpdateExpression: 'SET bookingReminderAt = :due', ExpressionAttributeValues: { ':due': { S: sortableTime(Date.now() - 60_000) } } });
    await fireSchedule('InterviewReminderFunction');
    await fireSchedule('InterviewReminderFunction');
    const [reminder] = await waitForEmails(round.absent.email, 'Please choose your interview time');
    assert.match(reminder.body.text, /you have not chosen a time yet/);
    assert.ok(linkInHtml(reminder.body.html, 'Choose your interview time').includes('/interview/'));
    assert.ok(linkInHtml(reminder.body.html, 'Withdraw my application').includes('/withdraw/'));
    await new Promise(r => setTimeout(r, 2000));
    assert.equal((await emailsTo(round.absent.email)).filter(e => e.subject.includes('Please choose your interview time')).length, 1,
      'reminded once');
    assert.equal((await emailsTo(round.leaving.email)).filter(e => e.subject.includes('Please choose your interview time')).length, 0,
      'the one who withdrew is not reminded');

    // ---------- staff see them and record "did not attend"; they are told at once ----------
    await visit(staff, `/staff/interviews/${round.role.id}`);
    const waiting = await staff.locator('table', { hasText: round.absent.reference }).innerText();
    assert.match(waiting, /Reminded/);
    await checkPage(staff, 'board-follow-up');
    await staff.getByRole('button', { name: `Did not attend ${round.absent.reference}` }).click();
    await staff.waitForLoadState('load');
    assert.match(await staff.locator('main').innerText(), /Recorded that they did not attend/);
    await checkPage(staff, 'did-not-attend');
    const [told] = await waitForEmails(round.absent.email, 'Your interview for');
    assert.match(told.body.text, /We are sorry we did not see you/);
    assert.match(told.body.text, new RegExp(round.absent.reference));
    const after = await stored(round.role.id, round.absent.key);
    assert.equal(after.status, 'DID_NOT_ATTEND');
    await staff.context().close();
  });
