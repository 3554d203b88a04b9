// A partner's year, as people would do it (issue 9). The local runtime's clock cannot be moved while it runs, so two
// partners are appointed with earlier start dates, as staff would record a late appointment: Partner A started 2 years
// less 60 days ago (their term ends in 60 days, inside the tenure review window) and Partner B exactly 2 years ago
// (their term ends today). The role and the applications are seeded through DynamoDB Local, as meetings.test.mjs does.
// A agrees the code of conduct from the welcome e-mail; staff plan a meeting, the daily job sends the papers, staff
// record B attended and A absent, and the monthly check flags A to the team; A pauses and comes back from the link;
// the daily tenure job asks A (and the team) whether they would like to carry on, A answers from the e-mail's link,
// staff record their answer and extend once, and a second extension (past the role's 4 years) is refused in plain
// words; the same job ends B's role with a thank-you summing up what they gave, and tells the team. axe-core checks
// every page. Partner C started exactly a year ago: the same daily job asks C (and the team) for the annual check-in;
// C answers the short form from the e-mail's link (an empty answer first, for the error summary) and staff record the
// conversation on C's page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dynamoDb, emailsTo, expectHeading, fireSchedule, launchBrowser, linkInHtml, newPage, openArea, pageChecker, press, putApplication,
  putRole, signIn, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit, waitForEmails,
  clearOfUkMidnight, ukMidnightWaitMs,
} from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const SCG = 'strategic-coproduction-group-member';
const TEAM = 'involvement-team@example.org'; // the example roles' team mailbox

async function seedRole(stamp) {
  const TableName = await tableName('RolesTable');
  const { Item } = await dynamoDb('GetItem', { TableName, Key: { roleId: { S: SCG } }, ConsistentRead: true });
  assert.ok(Item, 'the example roles are loaded');
  const role = JSON.parse(Item.data.S);
  Object.assign(role, { id: `e2e-year-${stamp}`, title: `Year test group member ${stamp}`, status: 'SHORTLISTING',
    closingDate: '2024-01-20', interviewWeekCommencing: '2024-02-05' });
  await putRole(role, '2024-01-20T23:59:00Z');
  return role;
}

async function seedApplicant(role, tag, name) {
  const reference = `INV-YEAR-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const email = uniqueEmail(tag);
  const answers = { fullName: name, email, phone: '07700 900123', addressLine1: '1 Example Street', townOrCity: 'Exampleton',
    postcode: 'LS1 4AP', contactMethod: 'email', acceptsPayment: 'accept', paidRolesHeld: '0', receivesBenefits: 'no' };
  await putApplication({ reference, roleId: role.id, applicantKey: `e2e-person-${reference}`, status: 'REFERENCES_RECEIVED', answers,
    submittedAt: '2024-01-10T10:00:00Z', contactMethod: 'email', monitoringToken: `token-${reference}`,
    acknowledgement: 'EMAIL_QUEUED', enteredBy: 'applicant', progress: {} });
  return { reference, name, email };
}

/** Today in the UK, as a UTC midnight Date (for date arithmetic) and as the date input's three numbers. */
function ukToday() {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
    .formatToParts(new Date());
  const get = type => Number(parts.find(p => p.type === type).value);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day')));
}

function dateParts(d) {
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}

function yearsBefore(d, years) {
  const out = new Date(d);
  out.setUTCFullYear(out.getUTCFullYear() - years);
  return out;
}

/** "1 March 2029", as the pages and e-mails write a date. */
function display(d) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

async function appoint(staff, role, who, start) {
  await visit(staff, `/staff/partners/${role.id}/${who.reference}`);
  const { day, month, year } = dateParts(start);
  await staff.fill('#start-day', day);
  await staff.fill('#start-month', month);
  await staff.fill('#start-year', year);
  await press(staff, 'Appoint');
  await expectHeading(staff, who.name);
}

test('a partner\'s year: documents, meetings, attendance, a pause, the tenure review, one extension and the end of a term',
  { timeout: TEST_TIMEOUT_MS * 4 + ukMidnightWaitMs(TEST_TIMEOUT_MS * 4) }, async () => {
    const stamp = `${Date.now()}`;
    const role = await seedRole(stamp);
    const a = await seedApplicant(role, 'year-a', `Partner Alpha ${stamp.slice(-5)}`);
    const b = await seedApplicant(role, 'year-b', `Partner Bravo ${stamp.slice(-5)}`);
    const c = await seedApplicant(role, 'year-c', `Partner Charlie ${stamp.slice(-5)}`);
    const checkPage = pageChecker('partners-year');
    // Today is a meeting's date, a term's end and a check-in's due date, which the server's jobs work out later.
    await clearOfUkMidnight(TEST_TIMEOUT_MS * 4);
    const today = ukToday();
    const startA = new Date(yearsBefore(today, 2).getTime() + 60 * 86400_000);
    const endA = new Date(today.getTime() + 60 * 86400_000);
    const startB = yearsBefore(today, 2);

    // Staff appoint both.
    const staff = await newPage(browser);
    await signIn(staff, 'Sam Staff');
    await appoint(staff, role, a, startA);
    await checkPage(staff, 'appointed');
    await appoint(staff, role, b, startB);

    // A agrees the code of conduct from the welcome e-mail's link.
    const [welcome] = await waitForEmails(a.email, 'Welcome: you have been appointed');
    const linkA = new URL(linkInHtml(welcome.body.html, 'Go to your involvement')).pathname;
    const partner = await newPage(browser);
    await visit(partner, linkA);
    await expectHeading(partner, 'Your involvement');
    await checkPage(partner, 'your-involvement');
    await partner.getByRole('link', { name: 'Read and agree Code of conduct' }).click();
    await partner.waitForLoadState('load');
    await partner.getByLabel('I agree to the code of conduct').check();
    await press(partner, 'Agree');
    assert.match(await partner.locator('main').innerText(), /Code of conduct\s+Agreed on \d+ \w+ \d{4}/);

    // Staff plan a meeting of the group today, just after midnight UK time, with papers due at once.
    await openArea(staff, 'Meetings');
    await staff.getByRole('link', { name: role.title }).click();
    await staff.waitForLoadState('load');
    await staff.getByRole('link', { name: 'Plan a meeting' }).click();
    await staff.waitForLoadState('load');
    const t = dateParts(today);
    await staff.fill('#date-day', t.day);
    await staff.fill('#date-month', t.month);
    await staff.fill('#date-year', t.year);
    await staff.fill('#time', '12:01am');
    await staff.fill('#minutes', '90');
    await staff.fill('#place', 'Room 2, Trust Headquarters');
    await staff.fill('#papers', 'https://papers.example/agenda');
    await press(staff, 'Plan meeting and invite partners');
    assert.match(await staff.locator('main').innerText(), /Meeting planned\./);
    await checkPage(staff, 'meeting');
    const meetingPath = new URL(staff.url()).pathname;
    await waitForEmails(a.email, `Meeting of the ${role.title}`);

    // The daily job sends the papers.
    await fireSchedule('MeetingPapersFunction');
    await waitForEmails(a.email, `Papers for the ${role.title} meeting`);
    await waitForEmails(b.email, `Papers for the ${role.title} meeting`);

    // Staff record B attended for an hour and a half, and A absent.
    await staff.getByRole('link', { name: `Record ${b.name}` }).click();
    await staff.waitForLoadState('load');
    await staff.getByLabel('Attended', { exact: true }).check();
    await staff.fill('#hours', '1.5');
    await press(staff, 'Save attendance');
    assert.match(await staff.locator('main').innerText(), /Attendance recorded\./);
    await visit(staff, meetingPath);
    await staff.getByRole('link', { name: `Record ${a.name}` }).click();
    await staff.waitForLoadState('load');
    await staff.getByLabel('Absent').check();
    await press(staff, 'Save attendance');
    await checkPage(staff, 'attendance');

    // The monthly check flags A (below the minimum), not B, for a supportive conversation.
    await fireSchedule('AttendanceCheckFunction');
    const [flag] = await waitForEmails(TEAM, `Please offer a supportive conversation: ${a.reference}`);
    assert.match(flag.body.text, /nobody is removed for attendance/);
    await new Promise(resolve => setTimeout(resolve, 1500));
    assert.equal((await emailsTo(TEAM)).filter(e => e.subject?.includes(`conversation: ${b.reference}`)).length, 0);

    // A pauses and comes back from their link.
    await visit(partner, linkA);
    await partner.getByRole('link', { name: 'Pause my role' }).click();
    await partner.waitForLoadState('load');
    await press(partner, 'Pause my role');
    assert.match(await partner.locator('main').innerText(), /Status\s+Paused/);
    await partner.getByRole('link', { name: 'Come back from a pause' }).click();
    await partner.waitForLoadState('load');
    await press(partner, 'Come back');
    assert.match(await partner.locator('main').innerText(), /Status\s+Active/);

    // C is appointed with the start a year ago today (recorded late).
    await appoint(staff, role, c, yearsBefore(today, 1));

    // The daily tenure job: A and the team are asked; B's term ends today; C's check-in is due.
    await fireSchedule('TenureReviewFunction');
    const [ask] = await waitForEmails(a.email, `Would you like to carry on as ${role.title}?`);
    assert.match(ask.body.text, new RegExp(`Your time as ${role.title} ends on ${display(endA)}\\.`));
    const [teamAsk] = await waitForEmails(TEAM, `Tenure review: ${a.reference}`);
    assert.ok(linkInHtml(teamAsk.body.html, 'See their partner record').endsWith(`/staff/partners/${role.id}/${a.reference}`));
    await fireSchedule('TenureReviewFunction');
    await visit(partner, linkA);
    assert.match(await partner.locator('main').innerText(), /Your time in this role is coming to an end\./);
    assert.equal(await partner.getByRole('link', { name: 'Tell us if you would like to carry on' }).count(), 1);
    await checkPage(partner, 'involvement-review-open');

    // A answers from the e-mail's link: an empty answer first, for the error summary.
    let main;
    await visit(partner, new URL(linkInHtml(ask.body.html, 'Tell us if you would like to carry on')).pathname);
    await expectHeading(partner, 'Would you like to carry on?');
    await checkPage(partner, 'tenure-question');
    await press(partner, 'Send answer');
    assert.match(await partner.title(), /^Error: /);
    assert.match(await partner.locator('.nhsuk-error-summary').innerText(), /Select yes if you would like to carry on/);
    await checkPage(partner, 'tenure-question-error');
    await partner.getByLabel('Yes, I would like to carry on').check();
    await press(partner, 'Send answer');
    await expectHeading(partner, 'Your involvement');
    main = await partner.locator('main').innerText();
    assert.match(main, /We have told the team you would like to carry on/);
    assert.doesNotMatch(main, /Tell us if you would like to carry on/);
    await checkPage(partner, 'tenure-answered');
    await waitForEmails(TEAM, `Tenure review answered: ${a.reference}`);

    // Staff, from A's record: the review, their answer, and the extension.
    await visit(staff, `/staff/partners/${role.id}/${a.reference}`);
    await staff.getByRole('link', { name: 'Tenure review and extension' }).click();
    await staff.waitForLoadState('load');
    await expectHeading(staff, 'Tenure review');
    main = await staff.locator('main').innerText();
    assert.match(main, new RegExp(`Time in the role ends\\s+${display(endA)}`));
    assert.match(main, /The partner says\s+Would like to carry on/);
    assert.match(main, /The team says\s+No answer yet/);
    await checkPage(staff, 'tenure-review');
    await staff.getByLabel('Yes, we recommend they carry on').check();
    await press(staff, 'Send answer');
    assert.match(await staff.locator('main').innerText(), /The team says\s+Recommends they carry on/);
    await press(staff, 'Extend the term');
    main = await staff.locator('main').innerText();
    assert.match(main, /The term is extended\./);
    const newEnd = new Date(endA);
    newEnd.setUTCFullYear(newEnd.getUTCFullYear() + 2);
    assert.match(main, new RegExp(`Time in the role ends\\s+${display(newEnd)}`));
    assert.match(main, /Used 1 of 1\./);
    await checkPage(staff, 'extended');
    const [extended] = await waitForEmails(a.email, `You are carrying on as ${role.title}`);
    assert.match(extended.body.text, new RegExp(`now ends on ${display(newEnd)}`));

    // A second extension would pass the role's 4 years: refused, in plain words, and nothing changes.
    await press(staff, 'Extend the term');
    assert.match(await staff.title(), /^Error: /);
    assert.match(await staff.locator('.nhsuk-error-summary').innerText(),
      /Their term has already been extended once, which is as many times as this role allows\./);
    assert.match(await staff.locator('main').innerText(), new RegExp(`Time in the role ends\\s+${display(newEnd)}`));
    await checkPage(staff, 'second-extension-refused');

    // B's term ended today: a thank-you with what they gave, and the team is told.
    const [thanks] = await waitForEmails(b.email, `Thank you: ${role.title}`);
    assert.match(thanks.body.text, new RegExp(`Your time in the role ended on ${display(today)}\\.`));
    assert.match(thanks.body.text, /Meetings you came to: 1\. Hours at meetings: 1\.5\. That is 0\.5 days of your time\./);
    const [ended] = await waitForEmails(TEAM, `Role ended: ${b.reference}`);
    assert.match(ended.body.text, /We have e-mailed them to say thank you/);
    await visit(staff, `/staff/partners/${role.id}/${b.reference}`);
    assert.match(await staff.locator('main').innerText(), /Status\s+Ended/);
    assert.match(await staff.locator('main').innerText(), /end of the time in the role/);
    await checkPage(staff, 'ended');

    // C's annual check-in: asked once (the job ran twice), with the team asked to hold it.
    const [checkIn] = await waitForEmails(c.email, `How is it going as ${role.title}?`);
    assert.match(checkIn.body.text, new RegExp(`It is a year since you started as ${role.title}`));
    const [teamCheckIn] = await waitForEmails(TEAM, `Annual check-in: ${c.reference}`);
    assert.ok(linkInHtml(teamCheckIn.body.html, 'See their partner record').endsWith(`/staff/partners/${role.id}/${c.reference}`));
    assert.equal((await waitForEmails(c.email, 'How is it going as')).length, 1);
    await visit(partner, new URL(linkInHtml(checkIn.body.html, 'Tell us how it is going')).pathname);
    await expectHeading(partner, 'How is it going?');
    await checkPage(partner, 'check-in');
    await partner.fill('#support', 'Papers in large print, please');
    await press(partner, 'Send');
    assert.match(await partner.title(), /^Error: /);
    assert.match(await partner.locator('.nhsuk-error-summary').innerText(), /Tell us how it is going/);
    assert.equal(await partner.inputValue('#support'), 'Papers in large print, please');
    await checkPage(partner, 'check-in-error');
    await partner.fill('#howGoing', 'Going well. I enjoy the meetings.');
    await press(partner, 'Send');
    await expectHeading(partner, 'Your involvement');
    main = await partner.locator('main').innerText();
    assert.match(main, /Thank you for telling us how it is going\./);
    assert.doesNotMatch(main, /It is time for your yearly check-in/);
    await waitForEmails(TEAM, `Check-in answered: ${c.reference}`);

    // Staff record the conversation from C's page.
    await visit(staff, `/staff/partners/${role.id}/${c.reference}`);
    await staff.getByRole('link', { name: 'Annual check-in' }).click();
    await staff.waitForLoadState('load');
    await expectHeading(staff, 'Annual check-in');
    main = await staff.locator('main').innerText();
    assert.match(main, /How it is going\s+Going well\. I enjoy the meetings\./);
    assert.match(main, /Support needed\s+Papers in large print, please/);
    assert.match(main, /Conversation recorded\s+Not yet/);
    assert.match(main, new RegExp(`Check-in\\s+Year 1 in the role, due on ${display(today)}`));
    await checkPage(staff, 'check-in-staff');
    await press(staff, 'Save the check-in');
    assert.match(await staff.locator('.nhsuk-error-summary').innerText(), /Enter what you talked about/);
    await checkPage(staff, 'check-in-staff-error');
    await staff.fill('#notes', 'Talked by phone. Large print papers agreed from the next meeting.');
    await press(staff, 'Save the check-in');
    main = await staff.locator('main').innerText();
    assert.match(main, /The check-in has been recorded\./);
    assert.match(main, new RegExp(`Conversation recorded\\s+${display(today)}`));
    await checkPage(staff, 'check-in-recorded');
    await visit(staff, `/staff/partners/${role.id}/${c.reference}`);
    assert.match(await staff.locator('main').innerText(), /record the annual check-in/);

    // The job ran twice: one of each e-mail.
    assert.equal((await waitForEmails(a.email, 'Would you like to carry on as')).length, 1);
    assert.equal((await waitForEmails(b.email, 'Thank you: ')).length, 1);
  });
