// The impact log ("you said, we did"), as people would do it. A role and an applicant whose references are in are
// seeded through DynamoDB Local (as meetings.test.mjs does); staff appoint them, plan a meeting of the group held
// today and record them attended for 4 hours; then staff open the group's impact log, record an entry linked to that
// meeting (after an empty form's error summary), change it, and send it to partners: the partner gets the digest
// with their "your involvement" link, once, however often it is sent. The end-of-year report shows the meeting, the
// attendance, the day given and the entry, prints without the header and navigation, and its CSV holds the entry
// with a cell that starts with "-" made safe for a spreadsheet. axe-core checks every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, RESULTS_DIR, dynamoDb, emailsTo, expectHeading, heading, launchBrowser, linkInHtml, newPage, pageChecker, postFromSite, press,
  putApplication, putRole, signIn, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit, waitForEmails,
  clearOfUkMidnight, ukMidnightWaitMs,
} from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const SCG = 'strategic-coproduction-group-member';

async function seedReadyToAppoint(stamp) {
  const TableName = await tableName('RolesTable');
  const { Item } = await dynamoDb('GetItem', { TableName, Key: { roleId: { S: SCG } }, ConsistentRead: true });
  assert.ok(Item, 'the example roles are loaded');
  const role = JSON.parse(Item.data.S);
  Object.assign(role, { id: `e2e-impact-${stamp}`, title: `Impact test group member ${stamp}`, status: 'SHORTLISTING',
    closingDate: '2025-01-20', interviewWeekCommencing: '2025-02-03' });
  await putRole(role, '2025-01-20T23:59:00Z');
  const reference = `INV-IMP-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const name = `Partner Ina ${stamp.slice(-5)}`;
  const email = uniqueEmail('impact');
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

test('staff record an impact entry from a meeting, partners get the digest once, and the year report and CSV show it', { timeout: TEST_TIMEOUT_MS * 2 + ukMidnightWaitMs(TEST_TIMEOUT_MS * 2) }, async () => {
  const stamp = `${Date.now()}`;
  const { role, reference, name, email } = await seedReadyToAppoint(stamp);
  const checkPage = pageChecker('impact');
  // The meeting is today at 12:01am, planned (not in the past) and then recorded (started): the day must not change.
  await clearOfUkMidnight(TEST_TIMEOUT_MS * 2);
  const today = ukToday();
  const fyStart = Number(today.month) >= 4 ? Number(today.year) : Number(today.year) - 1;

  // Staff appoint them, starting a year ago; plan a meeting held today and record them attended for 4 hours.
  const staff = await newPage(browser);
  await signIn(staff, 'Sam Staff');
  await visit(staff, `/staff/partners/${role.id}/${reference}`);
  await staff.fill('#start-day', today.day);
  await staff.fill('#start-month', today.month);
  await staff.fill('#start-year', String(Number(today.year) - 1));
  await press(staff, 'Appoint');
  await expectHeading(staff, name);
  await visit(staff, `/staff/meetings/${role.id}/plan`);
  await staff.fill('#date-day', today.day);
  await staff.fill('#date-month', today.month);
  await staff.fill('#date-year', today.year);
  await staff.fill('#time', '12:01am');
  await staff.fill('#minutes', '240');
  await staff.fill('#place', 'Room 2, Trust Headquarters');
  await press(staff, 'Plan meeting and invite partners');
  const meetingHeading = await heading(staff);
  const when = meetingHeading.replace(/^Meeting on /, '');
  await staff.getByRole('link', { name: `Record ${name}` }).click();
  await staff.waitForLoadState('load');
  await staff.getByLabel('Attended', { exact: true }).check();
  await staff.fill('#hours', '4');
  await press(staff, 'Save attendance');
  assert.match(await staff.locator('main').innerText(), /Attendance recorded\./);

  // The impact log, from the group's meetings page.
  await visit(staff, `/staff/meetings/${role.id}`);
  await staff.getByRole('link', { name: 'Impact log ("you said, we did") and end-of-year reports' }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, 'Impact log');
  assert.match(await staff.locator('main').innerText(), /No entries yet\./);
  await checkPage(staff, 'log-empty');

  // An empty entry: the error summary, nothing recorded.
  await staff.getByRole('link', { name: 'Record an impact entry' }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, 'Record an impact entry');
  await checkPage(staff, 'new');
  await press(staff, 'Save entry');
  assert.match(await staff.title(), /^Error: /);
  const summary = await staff.locator('.nhsuk-error-summary').innerText();
  assert.match(summary, /Enter what partners said/);
  assert.match(summary, /Enter what changed because of it/);
  await checkPage(staff, 'new-errors');

  // The entry, from today's meeting.
  await staff.getByLabel('You said').fill('- The papers came too late to read before the meeting');
  await staff.getByLabel('We did').fill('Papers now go out 7 days before each meeting');
  await staff.getByLabel('Meeting it came from (optional)').selectOption({ label: when });
  await press(staff, 'Save entry');
  await expectHeading(staff, 'Impact log');
  let main = await staff.locator('main').innerText();
  assert.match(main, /Impact entry recorded\./);
  assert.match(main, /The papers came too late to read before the meeting/);
  assert.match(main, new RegExp(when));
  assert.match(main, /Not sent yet/);
  assert.match(main, /Entries not sent yet: 1\./);
  assert.match(main, /Active partners of this group who get e-mail: 1\./);
  await checkPage(staff, 'log');

  // Staff change it before sending.
  await staff.getByRole('link', { name: /^Change entry of / }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, 'Change an impact entry');
  assert.equal(await staff.getByLabel('We did').inputValue(), 'Papers now go out 7 days before each meeting');
  await checkPage(staff, 'change');
  await staff.getByLabel('We did').fill('Papers now go out 7 days before each meeting, by e-mail and by post');
  await press(staff, 'Save entry');
  main = await staff.locator('main').innerText();
  assert.match(main, /Impact entry saved\./);
  assert.match(main, /by e-mail and by post/);

  // Sent to partners: the partner's digest, with their link.
  await press(staff, 'Send new entries to partners');
  main = await staff.locator('main').innerText();
  assert.match(main, /The new entries were sent to the group's partners who get e-mail\./);
  assert.match(main, /All entries have been sent\./);
  assert.doesNotMatch(main, /Not sent yet/);
  await checkPage(staff, 'sent');
  const [digest] = await waitForEmails(email, `You said, we did: ${role.title}`);
  assert.match(digest.body.text, new RegExp(`Dear ${name},`));
  assert.match(digest.body.text, /You said: - The papers came too late to read before the meeting/);
  assert.match(digest.body.text, /We did: Papers now go out 7 days before each meeting, by e-mail and by post/);
  assert.match(digest.body.text, new RegExp(`From the meeting on ${when}`, 'i'));
  const link = linkInHtml(digest.body.html, 'Go to your involvement');
  assert.match(new URL(link).pathname, /^\/your-involvement\//);

  // Sending again (a second press from an old page) sends nothing more.
  const again = await postFromSite(staff, `${BASE_URL}/staff/meetings/${role.id}/impact/send`, { form: {} });
  assert.equal(again.status(), 200);
  assert.match(await again.text(), /There were no new entries to send\. Nothing was sent\./);
  await new Promise(resolve => setTimeout(resolve, 3000)); // time for a second e-mail to arrive, were there one
  assert.equal((await emailsTo(email)).filter(e => e.subject.startsWith('You said, we did')).length, 1);

  // The year's report: printable, and its CSV.
  await visit(staff, `/staff/meetings/${role.id}/impact`);
  await staff.getByRole('link', { name: `Report for ${fyStart} to ${fyStart + 1}` }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, 'End-of-year report');
  main = await staff.locator('main').innerText();
  assert.match(main, new RegExp(`1 April ${fyStart} to 31 March ${fyStart + 1}`));
  assert.match(main, /Meetings held\s+1/);
  assert.match(main, /1 attended, 0 sent apologies, 0 absent/);
  assert.match(main, /1 active, 0 paused, 0 retired, 0 ended/);
  assert.match(main, /Hours given\s+4/);
  assert.match(main, /Days given\s+1 \(4 hours or more/);
  assert.match(main, /The papers came too late to read before the meeting/);
  assert.match(main, new RegExp(`From the meeting on ${when}`));
  await checkPage(staff, 'report');
  await staff.emulateMedia({ media: 'print' });
  assert.equal(await staff.locator('header.nhsuk-header').isVisible(), false, 'no header in print');
  assert.equal(await staff.locator('.nhsuk-back-link').isVisible(), false, 'no back link in print');
  assert.equal(await staff.getByRole('link', { name: 'Download as a spreadsheet (CSV)' }).isVisible(), false);
  assert.equal(await staff.getByRole('heading', { name: 'End-of-year report' }).isVisible(), true);
  // The printout, looked at as a screenshot: axe checked this same page on screen above (in print emulation it reports
  // the document itself as a scroll region without keyboard access, which a printout does not have).
  await staff.screenshot({ path: `${RESULTS_DIR}impact-08-report-print.png`, fullPage: true });
  await staff.emulateMedia({ media: 'screen' });

  const csvHref = await staff.getByRole('link', { name: 'Download as a spreadsheet (CSV)' }).getAttribute('href');
  const csv = await staff.request.get(`${BASE_URL}${csvHref}`);
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()['content-type'], /^text\/csv/);
  assert.match(csv.headers()['content-disposition'], new RegExp(`attachment; filename="impact-report-${fyStart}.csv"`));
  const text = await csv.text();
  assert.match(text, /Meetings held,1\r\n/);
  assert.match(text, /Days given,1\r\n/);
  assert.match(text, /"'- The papers came too late to read before the meeting"/, 'a cell starting with - is not a formula');
  assert.match(text, /"Papers now go out 7 days before each meeting, by e-mail and by post"/);
});
