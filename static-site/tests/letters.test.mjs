// Printable letters for applicants who asked for post (issue 14, item 5). Three applicants of one role asked to be
// written to by post: one waits for their acknowledgement, one is invited to interview, one was not shortlisted. Staff
// open each letter from the task that asks them to write (the applications not yet acknowledged, the interview
// board's "to book by telephone or post", the outcome tasks), check it with axe, look at it on screen and as printed
// (A4, no header or buttons, the paper equal opportunities form on a page of its own carrying the code and never the
// name), and mark it posted. Without JavaScript the page names the browser's print command instead of a button. A
// panel member cannot open a letter; staff on the role's panel cannot print its form.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dynamoDb, expectHeading, launchBrowser, newPage, pageChecker, press, putApplication, putPanel, putRole,
  RESULTS_DIR, signIn, tableName, TEST_TIMEOUT_MS, visit,
} from './support.mjs';
import { SCG } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const daysFromNow = days => new Date(Date.now() + days * 24 * 3600 * 1000);
const isoDate = d => d.toISOString().slice(0, 10);

/** A closed copy of the example group role, interviewing in a fortnight, with three applicants who chose post. */
async function seedRound(stamp) {
  const { Item } = await dynamoDb('GetItem', { TableName: await tableName('RolesTable'), Key: { roleId: { S: SCG.id } },
    ConsistentRead: true });
  assert.ok(Item, 'the example roles are loaded');
  const role = JSON.parse(Item.data.S);
  const week = daysFromNow(14);
  Object.assign(role, { id: `e2e-letters-${stamp}`, title: `Letters test member ${stamp}`, status: 'SHORTLISTING',
    closingDate: isoDate(daysFromNow(-1)), interviewWeekCommencing: isoDate(week), interviewFormat: 'video call' });
  role.contact = { ...role.contact, teamEmail: `team-letters-${stamp}@example.org` };
  await putRole(role, `${role.closingDate}T22:59:00Z`);
  const tag = stamp.slice(-4).replace(/[^0-9]/g, '0');
  const applicant = async (n, status) => {
    const reference = `INV-LT${n}${tag[0]}-${tag.slice(1)}${n}`;
    const fullName = `Letter Person${n} ${stamp.slice(-5)}`;
    const answers = { fullName, addressLine1: `${n} Post Lane`, townOrCity: 'Exampleton', postcode: 'LS1 4AP',
      contactMethod: 'post', acceptsPayment: 'accept', paidRolesHeld: '0', receivesBenefits: 'no' };
    const applicantKey = `e2e-letters-${reference}`;
    await putApplication({ reference, roleId: role.id, applicantKey, status, answers,
      submittedAt: daysFromNow(-5).toISOString(), contactMethod: 'post', acknowledgement: 'STAFF_TO_CONTACT',
      enteredBy: 'applicant', progress: {} });
    return { reference, fullName, applicantKey };
  };
  const acknowledge = await applicant(1, 'RECEIVED');
  await dynamoDb('UpdateItem', { TableName: await tableName('ApplicationsTable'),
    Key: { roleId: { S: role.id }, applicantKey: { S: acknowledge.applicantKey } },
    UpdateExpression: 'SET ackOutstanding = :o', ExpressionAttributeValues: { ':o': { S: 'OUTSTANDING' } } });
  return { role, week, acknowledge, invite: await applicant(2, 'INVITED_TO_INTERVIEW'),
    refuse: await applicant(3, 'NOT_SHORTLISTED') };
}

/** Opens a link by its accessible name and waits for the page. */
async function follow(page, name) {
  await page.getByRole('link', { name }).click();
  await page.waitForLoadState('load');
}

/** The letter as printed: a screenshot in print media, with what must not print hidden. */
async function lookAtPrinted(page, file) {
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.nhsuk-header').isVisible(), false, 'no header in print');
  assert.equal(await page.locator('footer.nhsuk-footer').isVisible(), false, 'no footer in print');
  assert.equal(await page.locator('.nhsuk-back-link').isVisible(), false, 'no back link in print');
  assert.equal(await page.getByRole('button', { name: 'Print this letter' }).isVisible(), false, 'no print button');
  assert.equal(await page.getByRole('button', { name: 'Mark as posted' }).isVisible(), false, 'no form in print');
  assert.equal(await page.locator('.involve-printed-letter').isVisible(), true);
  const size = await page.locator('.involve-printed-letter p').first().evaluate(p => parseFloat(getComputedStyle(p).fontSize));
  assert.ok(size >= 16, `printed text is 12pt or more (${size}px)`);
  await page.screenshot({ path: `${RESULTS_DIR}${file}`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
}

test('staff print each letter for an applicant who chose post from its task, and mark it posted',
  { timeout: TEST_TIMEOUT_MS * 3 }, async () => {
    const stamp = `${Date.now()}`;
    const { role, week, acknowledge, invite, refuse } = await seedRound(stamp);
    const checkPage = pageChecker('letters');
    const staff = await newPage(browser);
    await signIn(staff, 'Sam Staff');

    // The acknowledgement, from the applications not yet acknowledged.
    await visit(staff, '/staff/applications/unacknowledged');
    await follow(staff, `Print the acknowledgement letter (${acknowledge.reference})`);
    await expectHeading(staff, `Acknowledgement letter for ${acknowledge.reference}`);
    await checkPage(staff, 'acknowledgement');
    const letter = await staff.locator('.involve-printed-letter').innerText();
    assert.match(letter, new RegExp(`${acknowledge.fullName}\\s+1 Post Lane\\s+Exampleton\\s+LS1 4AP`));
    assert.match(letter, new RegExp(`Thank you for applying to be a ${role.title}`));
    const code = letter.match(/Your equal opportunities code is ([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})/)?.[1];
    assert.ok(code, 'the letter gives the short code');
    assert.match(letter, /post it back to us on its own/);
    const form = await staff.locator('.involve-paper-form').innerText();
    assert.match(form, new RegExp(`Your code: ${code}`));
    assert.ok(!form.includes(acknowledge.fullName), 'the paper form never carries the name');
    assert.ok(!form.includes('Post Lane'), 'nor the address');
    for (const question of ['What is your age?', 'What is your sex?', 'What is your ethnic group?']) {
      assert.ok(form.includes(question), `the form asks ${question}`);
    }
    assert.equal(await staff.locator('.involve-paper-form .involve-tickbox').count() > 40, true, 'a box to tick for each answer');
    assert.match(await staff.locator('main').innerText(), /your browser's print command/);
    assert.equal(await staff.getByRole('button', { name: 'Print this letter' }).isVisible(), true);
    assert.equal(await staff.locator('.involve-paper-form').evaluate(s => getComputedStyle(s).breakBefore), 'auto');
    await staff.emulateMedia({ media: 'print' });
    assert.equal(await staff.locator('.involve-paper-form').evaluate(s => getComputedStyle(s).breakBefore), 'recto',
      'the form starts a new printed page, the front of a sheet of its own');
    await staff.emulateMedia({ media: 'screen' });
    await lookAtPrinted(staff, 'letters-acknowledgement-print.png');
    await staff.pdf({ path: `${RESULTS_DIR}letters-acknowledgement.pdf`, format: 'A4', printBackground: true });

    await press(staff, 'Mark as posted');
    await expectHeading(staff, `Application ${acknowledge.reference}`);
    assert.match(await staff.locator('main').innerText(), /The letter is marked as posted/);
    await checkPage(staff, 'acknowledgement-posted');
    await visit(staff, '/staff/applications/unacknowledged');
    assert.ok(!(await staff.locator('main').innerText()).includes(acknowledge.reference), 'acknowledged by post');

    // The interview letter, from the interview board's task to book by post.
    await visit(staff, `/staff/interviews/${role.id}`);
    const d = new Date(week.getTime() + 24 * 3600 * 1000);
    await staff.fill('#date-day', String(d.getUTCDate()));
    await staff.fill('#date-month', String(d.getUTCMonth() + 1));
    await staff.fill('#date-year', String(d.getUTCFullYear()));
    await staff.fill('#startTime', '10:30');
    await staff.fill('#minutes', '45');
    await press(staff, 'Add time');
    await press(staff, 'Send invitations');
    assert.match(await staff.locator('main').innerText(), /To book by telephone or post/);
    await follow(staff, `Print the interview letter (${invite.reference})`);
    await expectHeading(staff, `Interview letter for ${invite.reference}`);
    await checkPage(staff, 'interview');
    const interview = await staff.locator('.involve-printed-letter').innerText();
    assert.match(interview, new RegExp(`${invite.fullName}\\s+2 Post Lane`));
    assert.match(interview, /We would like to invite you to an interview/);
    assert.match(interview, /at 10:30am \(45 minutes\)/);
    assert.match(interview, /Please call or write to us to choose a time/);
    assert.equal(await staff.locator('.involve-paper-form').count(), 0);
    await lookAtPrinted(staff, 'letters-interview-print.png');
    await press(staff, 'Mark as posted');
    assert.match(await staff.locator('main').innerText(), /The letter is marked as posted/);

    // The outcome letter, from the outcome task.
    await visit(staff, `/staff/outcomes/${role.id}`);
    await follow(staff, 'Send unsuccessful outcomes');
    await press(staff, 'Send outcomes');
    await follow(staff, `Print the outcome letter (${refuse.reference})`);
    await expectHeading(staff, `Outcome letter for ${refuse.reference}`);
    await checkPage(staff, 'outcome');
    const outcome = await staff.locator('.involve-printed-letter').innerText();
    assert.match(outcome, new RegExp(`${refuse.fullName}\\s+3 Post Lane`));
    assert.match(outcome, /We are sorry to tell you that we cannot invite you to an interview this time/);
    assert.match(outcome, /If you would like feedback on your application/);
    await lookAtPrinted(staff, 'letters-outcome-print.png');
    await press(staff, 'Mark as posted');
    assert.match(await staff.locator('main').innerText(), /The letter is marked as posted/);

    // Someone on the role's panel gets the letter without the form, and cannot open the form alone.
    await putPanel(role.id, [{ id: 'local-sam-staff', name: 'Sam Staff', email: 'sam.staff@example.org' }]);
    await visit(staff, `/staff/applications/${acknowledge.reference}/letters/acknowledgement`);
    assert.equal(await staff.locator('.involve-paper-form').count(), 0);
    assert.match(await staff.locator('main').innerText(), /you are on the panel for this role/);
    await visit(staff, `/staff/applications/${acknowledge.reference}/letters/monitoring-form`, 403);
    assert.ok(!(await staff.locator('main').innerText()).includes(code));

    // Without JavaScript there is no print button that would do nothing: the page names the browser's print command.
    const noScript = await newPage(browser, { javaScriptEnabled: false });
    await signIn(noScript, 'Sam Staff');
    await visit(noScript, `/staff/applications/${refuse.reference}/letters/outcome`);
    assert.equal(await noScript.getByRole('button', { name: 'Print this letter' }).isVisible(), false);
    assert.match(await noScript.locator('main').innerText(), /your browser's print command/);
    await checkPage(noScript, 'outcome-without-javascript');

    // A panel member reaches no letter.
    const panel = await newPage(browser);
    await signIn(panel, 'Pat Panel');
    await visit(panel, `/staff/applications/${acknowledge.reference}/letters/acknowledgement`, 403);
    await visit(panel, `/staff/applications/${acknowledge.reference}/letters/monitoring-form`, 403);
    assert.ok(!(await panel.locator('main').innerText()).includes(code));
  });
