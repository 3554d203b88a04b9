// Interviews, as people arrange and book them: staff set a role's interview times (meeting the error summary first)
// and send the invitations; the applicant opens the link in the e-mail from the SES emulator, books a time with an
// adjustment (without JavaScript), and the confirmation and team e-mails arrive; a second use of the link is refused
// plainly, and so is a tampered one; staff record a time agreed by telephone. axe-core checks every page.
//
// Applications reach "invited to interview" through the shortlisting pages, which another area owns: this test puts a
// role at shortlisting and two invited applications straight into DynamoDB Local, in the shape the stores write.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, dynamoDb, expectHeading, launchBrowser, linkInHtml, newPage, pageChecker, press, putApplication, putRole,
  signIn, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit, waitForEmails, postFromSite,
} from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const isoDate = d => d.toISOString().slice(0, 10);
const daysFromNow = n => new Date(Date.now() + n * 24 * 3600 * 1000);
/** Instants as the stores keep them in index keys: UTC with nine fraction digits. */

/**
 * A role whose applications have closed (shortlisting), copied from an example role with its own id and team mailbox,
 * interviews in the week commencing a fortnight from now; and two applicants invited to interview, one by e-mail and
 * one who asked for the telephone.
 */
async function seedRound() {
  const stamp = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
  const roles = await tableName('RolesTable');
  const example = await dynamoDb('GetItem', { TableName: roles, Key: { roleId: { S: 'strategic-coproduction-group-member' } }, ConsistentRead: true });
  const role = JSON.parse(example.Item.data.S);
  const closing = daysFromNow(-1);
  const week = daysFromNow(14);
  Object.assign(role, {
    id: `interview-test-${stamp}`, title: `Interview test role ${stamp}`, status: 'SHORTLISTING',
    closingDate: isoDate(closing), interviewWeekCommencing: isoDate(week), interviewFormat: 'video call',
  });
  role.contact = { ...role.contact, teamEmail: `team-${stamp}@example.org` };
  await putRole(role, `${role.closingDate}T22:59:00Z`);

  const applicant = async (tag, contactMethod, extra) => {
    const email = uniqueEmail(`interview-${tag}`);
    const reference = `INV-${tag.toUpperCase()}-${stamp.slice(-6)}`;
    const submittedAt = daysFromNow(-5).toISOString();
    const answers = { fullName: `Test ${tag} applicant`, email, phone: '07700 900123', contactMethod, ...extra };
    const application = { reference, roleId: role.id, applicantKey: `email:${email}`, status: 'INVITED_TO_INTERVIEW', answers, submittedAt,
      contactMethod, monitoringToken: `token-${reference}`, acknowledgement: contactMethod === 'email' ? 'EMAIL_QUEUED' : 'STAFF_TO_CONTACT',
      enteredBy: 'applicant', progress: {} };
    await putApplication(application);
    return { email, reference, name: answers.fullName };
  };
  return {
    role, week,
    byEmail: await applicant('mail', 'email', { adjustments: 'Captions on video calls' }),
    byPhone: await applicant('phone', 'telephone', {}),
  };
}

function dayOf(week, plus) {
  const d = new Date(week.getTime() + plus * 24 * 3600 * 1000);
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}

async function addTime(page, date, time, minutes) {
  await page.fill('#date-day', date.day);
  await page.fill('#date-month', date.month);
  await page.fill('#date-year', date.year);
  await page.fill('#startTime', time);
  await page.fill('#minutes', minutes);
  await press(page, 'Add time');
}

test('staff set times and invite; the applicant books from the e-mail once; staff record a telephone booking',
  { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
    const round = await seedRound();
    const checkPage = pageChecker('interviews');
    const staff = await newPage(browser);
    await signIn(staff, 'Sam Staff');

    // The staff menu leads to the interviews list, and the role is there.
    await staff.getByRole('navigation', { name: 'Staff menu' }).getByRole('link', { name: 'Interviews' }).click();
    await staff.waitForLoadState('load');
    await expectHeading(staff, 'Interviews');
    await checkPage(staff, 'roles');
    await staff.getByRole('link', { name: round.role.title }).click();
    await staff.waitForLoadState('load');
    await expectHeading(staff, round.role.title);
    assert.match(await staff.locator('main').innerText(), /2 applicants invited to interview have not been sent an invitation yet/);
    await checkPage(staff, 'role-board');

    // Sending with no times says what to do; an empty time meets the error summary.
    await press(staff, 'Send invitations');
    assert.match(await staff.locator('.nhsuk-error-summary').innerText(), /Add at least one interview time before sending invitations/);
    await checkPage(staff, 'no-times-yet');
    await addTime(staff, { day: '', month: '', year: '' }, '', '');
    assert.match(await staff.title(), /^Error: Interviews: /);
    const summary = await staff.locator('.nhsuk-error-summary').innerText();
    assert.match(summary, /Enter the date of the interview/);
    assert.match(summary, /Enter the start time, like 10:30 or 2:30pm/);
    await checkPage(staff, 'time-errors');

    await addTime(staff, dayOf(round.week, 1), '10:30', '45');
    assert.match(await staff.locator('main').innerText(), /Interview time added/);
    await addTime(staff, dayOf(round.week, 2), '2:30pm', '45');
    const times = await staff.locator('table', { hasText: 'Interview times' }).innerText();
    assert.match(times, /at 10:30am/);
    assert.match(times, /at 2:30pm/);
    await checkPage(staff, 'times-set');

    await press(staff, 'Send invitations');
    const board = await staff.locator('main').innerText();
    assert.match(board, /Invitations sent/);
    assert.match(board, /Everyone invited to interview has been sent an invitation/);
    assert.match(board, /Telephone: 07700 900123/, 'the telephone applicant is a task for the team');
    assert.match(board, new RegExp(round.byEmail.reference));
    await checkPage(staff, 'invited');

    // The applicant's invitation, and the team's task.
    const [invitation] = await waitForEmails(round.byEmail.email, 'Interview invitation');
    assert.match(invitation.body.text, /at 10:30am \(45 minutes\)/);
    const link = linkInHtml(invitation.body.html, 'Choose your interview time');
    assert.ok(link.startsWith(`${BASE_URL}/interview/`), link);
    await waitForEmails(round.role.contact.teamEmail, `Book an interview by telephone: application ${round.byPhone.reference}`);

    // The booking page, checked with axe; then booked in a browser with JavaScript off.
    const applicant = await newPage(browser);
    await visit(applicant, link);
    await expectHeading(applicant, 'Choose your interview time');
    assert.equal(await applicant.locator('#adjustments').inputValue(), 'Captions on video calls', 'what they told us in their application');
    await checkPage(applicant, 'choose');
    await press(applicant, 'Book this time');
    assert.match(await applicant.locator('.nhsuk-error-summary').innerText(), /Choose a time for your interview/);
    await checkPage(applicant, 'choose-error');

    const noScript = await newPage(browser, { javaScriptEnabled: false });
    await visit(noScript, link);
    await noScript.getByLabel(/at 10:30am/).check();
    await noScript.fill('#adjustments', 'Captions on video calls, and a break halfway');
    await press(noScript, 'Book this time');
    assert.match(await noScript.locator('h1').innerText(), /Interview booked/);
    await checkPage(noScript, 'booked-no-javascript');
    await visit(applicant, `${link}?booked=yes`);
    await checkPage(applicant, 'booked');

    const [confirmation] = await waitForEmails(round.byEmail.email, 'Your interview is booked');
    assert.match(confirmation.body.text, /How: by video call/);
    assert.match(confirmation.body.text, /a break halfway/);
    assert.match(confirmation.body.text, /To change or cancel your interview, contact/);
    const [team] = await waitForEmails(round.role.contact.teamEmail, `Interview booked: ${round.byEmail.reference}`);
    assert.match(team.body.text, /Adjustments to arrange before the interview: Captions on video calls, and a break halfway/);

    // The same link again: refused in plain words, on the page and when the form is sent again.
    await visit(applicant, link);
    await expectHeading(applicant, 'This link has already been used');
    assert.match(await applicant.locator('main').innerText(), /is booked for .* at 10:30am/);
    await checkPage(applicant, 'link-used');
    const resent = await postFromSite(applicant, link, { form: { slot: 'anything', adjustments: 'x' }, maxRedirects: 0 });
    assert.equal(resent.status(), 409);
    assert.match(await resent.text(), /This link has already been used/);
    const tampered = `${link.slice(0, -3)}${link.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    await visit(applicant, tampered, 404);
    await expectHeading(applicant, 'This link is not working');
    await checkPage(applicant, 'link-tampered');

    // Staff see the booking with its adjustments, and record the time agreed by telephone.
    await visit(staff, `/staff/interviews/${round.role.id}`);
    assert.match(await staff.locator('table', { hasText: 'Booked interviews' }).innerText(), /a break halfway/);
    await staff.selectOption('#reference', round.byPhone.reference);
    await staff.selectOption('#slot', { index: 1 });
    await staff.fill('#adjustments', 'A hearing loop');
    await press(staff, 'Record booking');
    const booked = await staff.locator('table', { hasText: 'Booked interviews' }).innerText();
    assert.match(booked, /A hearing loop/);
    assert.match(booked, /The team/);
    assert.match(await staff.locator('main').innerText(), /There are no bookings for the team to make/);
    await checkPage(staff, 'all-booked');

    // Interviews a fortnight away are not reminded yet.
    const fired = await staff.request.post('/_local/schedules/InterviewReminderFunction');
    assert.match(await fired.text(), /reminders=0/);
    await Promise.all([staff, applicant, noScript].map(p => p.context().close()));
  });

test('a panel member is refused the interview pages plainly', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  await visit(page, '/staff/sign-in');
  await page.getByLabel('Pat Panel', { exact: true }).check();
  await press(page, 'Sign in');
  assert.equal(await page.getByRole('navigation', { name: 'Staff menu' }).getByRole('link', { name: 'Interviews' }).count(), 0);
  await visit(page, '/staff/interviews', 403);
  await expectHeading(page, 'You cannot do this');
  await page.context().close();
});
