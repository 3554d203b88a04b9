// Meetings and attendance, as people would do it. A role closed in January and an applicant whose references are both
// in are seeded through DynamoDB Local (as partners.test.mjs does); staff appoint them (started a year ago), plan a
// meeting of the group (after an empty form's error summary), the partner gets the invitation with their "your
// involvement" link, the daily papers job sends the papers, staff record the partner absent, and the monthly
// attendance check e-mails the team to offer a supportive conversation, shown on the group's meetings page; the
// partner's own page lists the meeting with what was recorded. A second test changes and cancels a meeting, and the
// partner's page shows it changed, then cancelled, beside one as planned. axe-core checks every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dynamoDb, expectHeading, fireSchedule, heading, launchBrowser, linkInHtml, newPage, openArea, pageChecker, press, putApplication,
  putRole, signIn, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit, waitForEmails,
  clearOfUkMidnight, ukMidnightWaitMs,
} from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const SCG = 'strategic-coproduction-group-member';
const TEAM = 'involvement-team@example.org'; // the example roles' team mailbox

async function seedReadyToAppoint(stamp) {
  const TableName = await tableName('RolesTable');
  const { Item } = await dynamoDb('GetItem', { TableName, Key: { roleId: { S: SCG } }, ConsistentRead: true });
  assert.ok(Item, 'the example roles are loaded');
  const role = JSON.parse(Item.data.S);
  Object.assign(role, { id: `e2e-meetings-${stamp}`, title: `Meetings test group member ${stamp}`, status: 'SHORTLISTING',
    closingDate: '2025-01-20', interviewWeekCommencing: '2025-02-03' });
  await putRole(role, '2025-01-20T23:59:00Z');
  const reference = `INV-MEET-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const name = `Partner Mike ${stamp.slice(-5)}`;
  const email = uniqueEmail('meetings');
  const answers = { fullName: name, email, phone: '07700 900123', addressLine1: '1 Example Street', townOrCity: 'Exampleton',
    postcode: 'LS1 4AP', contactMethod: 'email', acceptsPayment: 'accept', paidRolesHeld: '0', receivesBenefits: 'no' };
  await putApplication({ reference, roleId: role.id, applicantKey: `e2e-person-${reference}`, status: 'REFERENCES_RECEIVED', answers,
    submittedAt: '2025-01-10T10:00:00Z', contactMethod: 'email', monitoringToken: `token-${reference}`,
    acknowledgement: 'EMAIL_QUEUED', enteredBy: 'applicant', progress: {} });
  return { role, reference, name, email };
}

/** Today in the UK, as the date input's three numbers. */
function ukToday() {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
    .formatToParts(new Date());
  const get = type => parts.find(p => p.type === type).value;
  return { day: get('day'), month: get('month'), year: get('year') };
}

test('staff plan a meeting, the papers go, attendance is recorded and a partner below the minimum is flagged', { timeout: TEST_TIMEOUT_MS * 2 + ukMidnightWaitMs(TEST_TIMEOUT_MS * 2) }, async () => {
  const stamp = `${Date.now()}`;
  const { role, reference, name, email } = await seedReadyToAppoint(stamp);
  const checkPage = pageChecker('meetings');
  // The meeting is today at 12:01am, planned (not in the past) and then recorded (started): the day must not change.
  await clearOfUkMidnight(TEST_TIMEOUT_MS * 2);
  const today = ukToday();

  // Staff appoint them, starting a year ago.
  const staff = await newPage(browser);
  await signIn(staff, 'Sam Staff');
  await visit(staff, `/staff/partners/${role.id}/${reference}`);
  await staff.fill('#start-day', today.day);
  await staff.fill('#start-month', today.month);
  await staff.fill('#start-year', String(Number(today.year) - 1));
  await press(staff, 'Appoint');
  await expectHeading(staff, name);

  // Meetings, from the staff menu; the group; plan a meeting.
  await openArea(staff, 'Meetings');
  await expectHeading(staff, 'Meetings and attendance');
  await checkPage(staff, 'groups');
  await staff.getByRole('link', { name: role.title }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, 'Meetings and attendance');
  assert.match(await staff.locator('main').innerText(), /The role asks partners to attend 7 meetings a year\./);
  await checkPage(staff, 'group');
  await staff.getByRole('link', { name: 'Plan a meeting' }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, 'Plan a meeting');
  await checkPage(staff, 'plan');

  // An empty form: the error summary, and nothing is planned.
  await press(staff, 'Plan meeting and invite partners');
  assert.match(await staff.title(), /^Error: /);
  const summary = await staff.locator('.nhsuk-error-summary').innerText();
  assert.match(summary, /Enter the date of the meeting/);
  assert.match(summary, /Enter the start time/);
  assert.match(summary, /Enter a place or a video link/);
  await checkPage(staff, 'plan-errors');

  // Today, just after midnight UK time (so attendance can be recorded now); papers due at once.
  await staff.fill('#date-day', today.day);
  await staff.fill('#date-month', today.month);
  await staff.fill('#date-year', today.year);
  await staff.fill('#time', '12:01am');
  await staff.fill('#minutes', '90');
  await staff.fill('#place', 'Room 2, Trust Headquarters');
  await staff.fill('#videoLink', 'https://video.example/scg');
  await staff.fill('#papers', 'https://papers.example/agenda');
  await press(staff, 'Plan meeting and invite partners');
  assert.match(await heading(staff), /^Meeting on \d+ \w+ \d{4} at 12:01am$/);
  let main = await staff.locator('main').innerText();
  assert.match(main, /Meeting planned\. Partners who chose e-mail have been sent the details\./);
  assert.match(main, /90 minutes/);
  assert.match(main, new RegExp(name));
  await checkPage(staff, 'meeting');
  const meetingPath = new URL(staff.url()).pathname;

  // The partner's invitation, with their link.
  const [invitation] = await waitForEmails(email, `Meeting of the ${role.title}`);
  assert.match(invitation.body.text, /at 12:01am \(UK time\), for 90 minutes/);
  assert.match(invitation.body.text, /Where: Room 2, Trust Headquarters/);
  assert.doesNotMatch(invitation.body.text, /We will e-mail you the papers on/, 'papers due today go with the next run');
  const link = linkInHtml(invitation.body.html, 'Go to your involvement');
  assert.match(new URL(link).pathname, /^\/your-involvement\//);

  // The daily job sends the papers, once.
  await fireSchedule('MeetingPapersFunction');
  const [papers] = await waitForEmails(email, `Papers for the ${role.title} meeting`);
  assert.equal(linkInHtml(papers.body.html, 'Read the papers'), 'https://papers.example/agenda');
  await fireSchedule('MeetingPapersFunction');
  assert.equal((await waitForEmails(email, 'Papers for the')).length, 1);
  await visit(staff, meetingPath);
  assert.match(await staff.locator('main').innerText(), /Papers sent\s+\d+ \w+ \d{4}/);

  // Staff record them absent: first without choosing, for the error summary.
  await staff.getByRole('link', { name: `Record ${name}` }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, `Record attendance: ${name}`);
  await checkPage(staff, 'record');
  await press(staff, 'Save attendance');
  assert.match(await staff.locator('.nhsuk-error-summary').innerText(), /Choose attended, sent apologies or absent/);
  await checkPage(staff, 'record-error');
  await staff.getByLabel('Absent').check();
  await press(staff, 'Save attendance');
  main = await staff.locator('main').innerText();
  assert.match(main, /Attendance recorded\./);
  assert.match(main, new RegExp(`${name}\\s+Absent`));
  await checkPage(staff, 'recorded');

  // On the partner's own page, once the meeting has ended (1:31am UK): under past meetings, with what was recorded.
  // Before then it is still a meeting to come, with its papers sent.
  const partner = await newPage(browser);
  await visit(partner, new URL(link).pathname);
  await expectHeading(partner, 'Your involvement');
  const yours = await partner.locator('main').innerText();
  const ukClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date());
  if (ukClock >= '01:31') {
    assert.match(yours, /Past meetings\s+Your meetings in the last 12 months\s+When\s+What we wrote down\s+\d+ \w+ \d{4} at 12:01am\s+You did not come/);
    assert.doesNotMatch(yours, /Meetings to come\s+\d+ \w+ \d{4} at 12:01am/);
  } else {
    assert.match(yours, /Meetings to come\s+\d+ \w+ \d{4} at 12:01am\s+How long\s+90 minutes[\s\S]*We sent them to you on \d+ \w+ \d{4}\./);
  }
  await checkPage(partner, 'partner-past');
  await partner.close();

  // The monthly check flags them to the team, once, for a supportive conversation.
  await fireSchedule('AttendanceCheckFunction');
  const [flag] = await waitForEmails(TEAM, `Please offer a supportive conversation: ${reference}`);
  assert.match(flag.body.text, /Attended 0, sent apologies 0, absent 1\./);
  assert.match(flag.body.text, /in that time \(less for someone who started during it\): 1\./);
  assert.match(flag.body.text, /nobody is removed for attendance/);
  const partnerPage = new URL(linkInHtml(flag.body.html, 'See their partner record')).pathname;
  assert.equal(partnerPage, `/staff/partners/${role.id}/${reference}`);
  await fireSchedule('AttendanceCheckFunction');
  assert.equal((await waitForEmails(TEAM, `Please offer a supportive conversation: ${reference}`)).length, 1);

  await visit(staff, `/staff/meetings/${role.id}`);
  main = await staff.locator('main').innerText();
  assert.match(main, new RegExp(`${name}\\s+0\\s+0\\s+1\\s+Below: flagged \\d+ \\w+ \\d{4}`));
  await checkPage(staff, 'flagged');
  await visit(staff, partnerPage);
  await expectHeading(staff, name);
  assert.match(await staff.locator('main').innerText(),
    /Attendance \(last 12 months\)\s+Attended 0, sent apologies 0, absent 1\. Below: flagged \d+ \w+ \d{4}/);
  await checkPage(staff, 'partner-record');
});

test('staff change a planned meeting, a stale form keeps what was typed, then cancel it; the partner is told each time', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
  const stamp = `${Date.now()}`;
  const { role, reference, name, email } = await seedReadyToAppoint(stamp);
  const checkPage = pageChecker('meetings-change');
  const today = ukToday();
  const nextYear = String(Number(today.year) + 1);

  const staff = await newPage(browser);
  await signIn(staff, 'Sam Staff');
  await visit(staff, `/staff/partners/${role.id}/${reference}`);
  await staff.fill('#start-day', today.day);
  await staff.fill('#start-month', today.month);
  await staff.fill('#start-year', String(Number(today.year) - 1));
  await press(staff, 'Appoint');
  await expectHeading(staff, name);

  // A meeting on 4 March next year, at 6:30pm.
  await visit(staff, `/staff/meetings/${role.id}/plan`);
  await staff.fill('#date-day', '4');
  await staff.fill('#date-month', '3');
  await staff.fill('#date-year', nextYear);
  await staff.fill('#time', '6:30pm');
  await staff.fill('#minutes', '120');
  await staff.fill('#place', 'Room 2, Trust Headquarters');
  await press(staff, 'Plan meeting and invite partners');
  await expectHeading(staff, `Meeting on 4 March ${nextYear} at 6:30pm`);
  const meetingPath = new URL(staff.url()).pathname;
  await waitForEmails(email, `Meeting of the ${role.title}`);

  // A second meeting, on a video call, which stays as planned.
  await visit(staff, `/staff/meetings/${role.id}/plan`);
  await staff.fill('#date-day', '1');
  await staff.fill('#date-month', '4');
  await staff.fill('#date-year', nextYear);
  await staff.fill('#time', '10am');
  await staff.fill('#minutes', '60');
  await staff.fill('#videoLink', 'https://video.example/scg');
  await press(staff, 'Plan meeting and invite partners');
  await expectHeading(staff, `Meeting on 1 April ${nextYear} at 10:00am`);

  // Change the first: first with a bad time, for the error summary; then a new time and place.
  await visit(staff, meetingPath);
  await staff.getByRole('link', { name: 'Change meeting details' }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, 'Change the meeting');
  await checkPage(staff, 'change');
  const changePath = new URL(staff.url()).pathname;
  await staff.fill('#time', 'half six');
  await press(staff, 'Save changes and tell partners');
  assert.match(await staff.title(), /^Error: /);
  assert.match(await staff.locator('.nhsuk-error-summary').innerText(), /Enter the start time/);
  assert.equal(await staff.inputValue('#time'), 'half six');
  await checkPage(staff, 'change-errors');

  // Someone else opened the form before this change (version 1).
  const other = await newPage(browser);
  await signIn(other, 'Sam Staff');
  await visit(other, changePath);

  await staff.fill('#time', '7pm');
  await staff.fill('#place', 'Room 5, Trust Headquarters');
  await press(staff, 'Save changes and tell partners');
  await expectHeading(staff, `Meeting on 4 March ${nextYear} at 7:00pm`);
  assert.match(await staff.locator('main').innerText(), /Meeting changed\. Invited partners who chose e-mail have been told what changed\./);
  await checkPage(staff, 'changed');
  const [changed] = await waitForEmails(email, `Meeting changed: ${role.title}`);
  assert.match(changed.body.text, new RegExp(`It was 4 March ${nextYear} at 6:30pm\\. It is now 4 March ${nextYear} at 7:00pm\\.`));
  assert.match(changed.body.text, /It was Room 2, Trust Headquarters\. It is now Room 5, Trust Headquarters\./);
  const yourInvolvement = new URL(linkInHtml(changed.body.html, 'Go to your involvement')).pathname;
  assert.match(yourInvolvement, /^\/your-involvement\//);

  // The partner's own page lists both, soonest first: the changed one with its new details, then the one as planned.
  const partner = await newPage(browser);
  await visit(partner, yourInvolvement);
  await expectHeading(partner, 'Your involvement');
  let yours = await partner.locator('main').innerText();
  assert.match(yours, new RegExp(`Your meetings\\s+Meetings to come\\s+4 March ${nextYear} at 7:00pm\\s+Changed\\s+`
    + 'This meeting has changed\\. These are the new details\\.\\s+How long\\s+2 hours\\s+Where\\s+Room 5, Trust Headquarters\\s+'
    + `Papers\\s+There are no papers for this meeting\\.\\s+1 April ${nextYear} at 10:00am\\s+How long\\s+1 hour\\s+`
    + `Video call\\s+Join the video call\\s+1 April ${nextYear} at 10:00am\\s+Papers`));
  assert.doesNotMatch(yours, /6:30pm|Room 2|Past meetings/);
  assert.equal(await partner.getByRole('link', { name: `Join the video call 1 April ${nextYear} at 10:00am` }).getAttribute('href'),
    'https://video.example/scg');
  await checkPage(partner, 'partner-changed');

  // The other form, read at version 1: a plain page, nothing saved, what they typed kept.
  await other.fill('#minutes', '60');
  await press(other, 'Save changes and tell partners');
  await expectHeading(other, 'Change the meeting');
  assert.match(await other.locator('.nhsuk-error-summary').innerText(), /Someone changed or cancelled this meeting/);
  assert.equal(await other.inputValue('#minutes'), '60');
  await checkPage(other, 'change-stale');
  await other.close();
  assert.equal((await waitForEmails(email, 'Meeting changed')).length, 1);

  // Cancel it.
  await visit(staff, meetingPath);
  await staff.getByRole('link', { name: 'Cancel this meeting' }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, `Cancel the meeting on 4 March ${nextYear} at 7:00pm`);
  await checkPage(staff, 'cancel');
  await press(staff, 'Cancel the meeting and tell partners');
  const main = await staff.locator('main').innerText();
  assert.match(main, /Meeting cancelled\. Invited partners who chose e-mail have been told\./);
  assert.match(main, /This meeting was cancelled on \d+ \w+ \d{4}\. It takes no attendance\./);
  assert.equal(await staff.getByRole('link', { name: 'Change meeting details' }).count(), 0);
  await checkPage(staff, 'cancelled');
  const [cancelled] = await waitForEmails(email, `Meeting cancelled: ${role.title}`);
  assert.match(cancelled.body.text, new RegExp(`meeting on 4 March ${nextYear} at 7:00pm has been cancelled`));
  assert.match(new URL(linkInHtml(cancelled.body.html, 'Go to your involvement')).pathname, /^\/your-involvement\//);

  // On the partner's page it is marked cancelled, with nothing to do; the other is still as planned.
  await visit(partner, yourInvolvement);
  yours = await partner.locator('main').innerText();
  assert.match(yours, new RegExp(`Meetings to come\\s+4 March ${nextYear} at 7:00pm\\s+Cancelled\\s+`
    + 'This meeting will not take place\\. You do not need to do anything\\. It will not count towards your attendance\\.\\s+'
    + `1 April ${nextYear} at 10:00am\\s+How long`));
  assert.doesNotMatch(yours, /Room 5|Changed/);
  assert.equal(await partner.locator('.nhsuk-tag--red', { hasText: 'Cancelled' }).count(), 1);
  await checkPage(partner, 'partner-cancelled');
  await partner.close();

  await visit(staff, `/staff/meetings/${role.id}`);
  assert.match(await staff.locator('main').innerText(), new RegExp(`4 March ${nextYear} at 7:00pm\\s+Cancelled`));
  await checkPage(staff, 'group-cancelled');
  // Changing it now is refused with a plain message.
  await visit(staff, changePath, 409);
  assert.match(await staff.locator('main').innerText(), /This meeting has been cancelled\. It cannot be changed\./);
});
