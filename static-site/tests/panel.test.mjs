// A panel per role, as people use it: staff choose a panel of two for a role, and a second role closes with no panel,
// so its team is asked to choose one and the member chosen is e-mailed then. The closing job e-mails each panel member
// (not the team) "ready for scoring". One member declares a conflict of interest with one applicant ("I know this
// person") and scores the others; the other member cannot see the second role's papers and scores everyone; staff see
// the declared conflict and record the shortlist. axe-core checks every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dynamoDb, expectHeading, fireSchedule, launchBrowser, linkInHtml, newPage, PANEL_PEOPLE, pageChecker, plain, press,
  putApplication, putRole, signIn, sortableTime, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit, waitForEmails, emailsTo,
} from './support.mjs';

const LEP = 'listening-culture-lived-experience-partner';
const PEOPLE = ['Wilhelmina Ashcombe', 'Thaddeus Penhallow', 'Ottoline Brackenbury'];

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const PASSED = '2025-01-15T23:59:00Z';

/**
 * A copy of the example lived experience partner role, open with its closing date passed (or, with `closesAt` later,
 * not yet closable: other tests fire the closing job at any moment), and its applications.
 */
async function closedRole(label, applicants, closesAt = PASSED) {
  const example = await dynamoDb('GetItem', { TableName: await tableName('RolesTable'), Key: { roleId: { S: LEP } } });
  const role = JSON.parse(example.Item.data.S);
  const id = `e2e-panel-${label}-${Date.now()}`;
  const teamEmail = uniqueEmail(`panel-${label}-team`);
  Object.assign(role, { id, title: `Panel ${label} ${id.slice(-6)}`, status: 'OPEN', closingDate: '2025-01-15', interviewWeekCommencing: '2025-02-03' });
  role.contact = { ...role.contact, teamEmail };
  await putRole(role, closesAt);
  for (const [i, name] of applicants.entries()) {
    const reference = `INV-P${label.toUpperCase()}${String(Date.now()).slice(-5)}${i}`;
    const answers = {
      fullName: name, email: `${name.split(' ')[0].toLowerCase()}@example.org`, phone: '07700 900123', addressLine1: '1 Any Street',
      townOrCity: 'Baxtonbury', postcode: 'BX1 1AA', contactMethod: 'email', disabilityConfident: 'no',
      livedExperience: 'I care for my mother.', networks: 'A carers\' group.', interestAreas: 'Dementia care.', priorityConnection: '',
    };
    for (const c of role.criteria) answers[`criterion-${c.id}`] = `Answer ${i + 1}: I have done this for years.`;
    await putApplication({ reference, roleId: id, applicantKey: `e2e-${reference}`, status: 'RECEIVED', answers,
      submittedAt: `2025-01-1${i}T10:00:00Z`, contactMethod: 'email', monitoringToken: `token-${reference}`,
      acknowledgement: 'EMAIL_QUEUED', enteredBy: 'applicant', progress: {} });
  }
  return { id, role, teamEmail };
}

/** The role's closing time passes now: the next closing job closes it. */
async function closingTimePasses(roleId) {
  await dynamoDb('UpdateItem', { TableName: await tableName('RolesTable'), Key: { roleId: { S: roleId } },
    UpdateExpression: 'SET closesAt = :c', ExpressionAttributeValues: { ':c': { S: sortableTime(PASSED) } } });
}

async function statuses(roleId) {
  const page = await dynamoDb('Query', { TableName: await tableName('ApplicationsTable'), ConsistentRead: true,
    KeyConditionExpression: 'roleId = :r', ExpressionAttributeValues: { ':r': { S: roleId } } });
  return page.Items.map(plain).map(i => i.status).sort();
}

/** Scores the applicant on the sheet that is open, every criterion the same, and saves. */
async function scoreOpenSheet(page, role, label) {
  for (const c of role.criteria) {
    await page.getByRole('group', { name: `Your score for criterion: ${c.statement}` }).getByLabel(label, { exact: true }).check();
  }
  await press(page, 'Save and go to the next applicant');
}

test('staff choose a panel of two; one member declares a conflict; the other cannot see another role; the shortlist is recorded',
  { timeout: TEST_TIMEOUT_MS * 3 }, async () => {
    // A closes only once its panel is chosen, so a closing job fired meanwhile by another test finds it still open.
    const a = await closedRole('a', PEOPLE, '2099-01-15T23:59:00Z');
    const b = await closedRole('b', ['Cressida Fairweather']);
    const check = pageChecker('panel');

    // ---------- staff choose role A's panel: Pat and Alex ----------
    const staff = await newPage(browser);
    await signIn(staff, 'Sam Staff');
    await visit(staff, `/staff/roles/${a.id}`);
    await staff.getByRole('link', { name: 'Choose the panel' }).click();
    await staff.waitForLoadState('load');
    await expectHeading(staff, 'Choose the shortlisting panel');
    await check(staff, 'choose');
    await press(staff, 'Save the panel');
    assert.match(await staff.title(), /^Error: /, 'choosing nobody is refused');
    assert.match(await staff.locator('.nhsuk-error-summary').innerText(), /Choose at least one panel member/);
    await check(staff, 'choose-nobody');
    await staff.getByLabel(`${PANEL_PEOPLE.pat.name} (${PANEL_PEOPLE.pat.email})`).check();
    await staff.getByLabel(`${PANEL_PEOPLE.alex.name} (${PANEL_PEOPLE.alex.email})`).check();
    await press(staff, 'Save the panel');
    assert.match(await staff.locator('main').innerText(), /The panel is saved/);
    await check(staff, 'chosen');
    await closingTimePasses(a.id);

    // ---------- the roles close: A's panel members are e-mailed, B's team is asked to choose a panel ----------
    await fireSchedule('ClosingJobFunction');
    const [toPat] = await waitForEmails(PANEL_PEOPLE.pat.email, `Ready for scoring: ${a.role.title}`);
    const [toAlex] = await waitForEmails(PANEL_PEOPLE.alex.email, `Ready for scoring: ${a.role.title}`);
    const papersOfA = new URL(linkInHtml(toPat.body.html, 'Score the applications')).pathname;
    assert.equal(papersOfA, `/staff/shortlisting/${a.id}`);
    assert.equal(new URL(linkInHtml(toAlex.body.html, 'Score the applications')).pathname, papersOfA);
    assert.equal((await emailsTo(a.teamEmail)).filter(e => /Ready for scoring|Choose a panel/.test(e.subject)).length, 0,
      'the team mailbox is not the panel');
    const [choose] = await waitForEmails(b.teamEmail, `Choose a panel: ${b.role.title}`);
    const choosePage = new URL(linkInHtml(choose.body.html, 'Choose the panel')).pathname;
    assert.equal(choosePage, `/staff/roles/${b.id}/panel`);

    // Staff choose B's panel from the e-mail's link: Pat only, who is e-mailed now.
    await visit(staff, choosePage);
    assert.match(await staff.locator('main').innerText(), /Anyone you add now is e-mailed a link/);
    await staff.getByLabel(`${PANEL_PEOPLE.pat.name} (${PANEL_PEOPLE.pat.email})`).check();
    await press(staff, 'Save the panel');
    assert.match(await staff.locator('main').innerText(), /New panel members have been e-mailed/);
    await waitForEmails(PANEL_PEOPLE.pat.email, `Ready for scoring: ${b.role.title}`);

    // ---------- Pat declares a conflict with the first applicant and scores the other two ----------
    const pat = await newPage(browser);
    await signIn(pat, 'Pat Panel');
    await visit(pat, papersOfA);
    await expectHeading(pat, a.role.title);
    await pat.locator('tbody tr').first().getByRole('link').click();
    await pat.waitForLoadState('load');
    await check(pat, 'sheet-with-conflict-form');
    await pat.getByLabel('What is the conflict? (optional)').fill('I know this person');
    await press(pat, 'Tell us about a conflict of interest');
    assert.match(await pat.locator('main').innerText(), /Your conflict of interest is recorded/);
    assert.match(await pat.locator('tbody tr').first().innerText(), /Conflict of interest/);
    await check(pat, 'papers-after-conflict');
    await pat.locator('tbody tr').nth(1).getByRole('link').click();
    await pat.waitForLoadState('load');
    await scoreOpenSheet(pat, a.role, '3 - Meets it well');
    assert.match(await pat.locator('main').innerText(), /Applicant 3 of 3/, 'the next applicant they may score');
    await scoreOpenSheet(pat, a.role, '2 - Meets the criterion');
    assert.match(await pat.locator('main').innerText(), /You have scored every applicant for this role/);
    await pat.context().close();

    // ---------- Alex is on A's panel, not B's: B's papers are refused; Alex scores all of A ----------
    const alex = await newPage(browser);
    await signIn(alex, 'Alex Allroles');
    const refused = await alex.goto(`/staff/shortlisting/${b.id}`);
    assert.equal(refused.status(), 403);
    assert.match(await alex.locator('main').innerText(), /You are not on the shortlisting panel for this role/);
    assert.ok(!(await alex.content()).includes('Cressida'), 'nothing of the role\'s applicants');
    await check(alex, 'refused');
    await visit(alex, papersOfA);
    await alex.locator('tbody tr').first().getByRole('link').click();
    await alex.waitForLoadState('load');
    for (let n = 1; n <= 3; n += 1) await scoreOpenSheet(alex, a.role, n === 1 ? '4 - Meets it very well' : '2 - Meets the criterion');
    assert.match(await alex.locator('main').innerText(), /You have scored every applicant for this role/);
    await alex.context().close();

    // ---------- staff see the conflict and record the shortlist ----------
    await visit(staff, `/staff/shortlisting/${a.id}/shortlist`);
    await expectHeading(staff, 'Record the shortlist');
    const main = await staff.locator('main').innerText();
    assert.match(main, /Conflicts of interest/);
    assert.match(main, /Pat Panel/);
    assert.match(main, /I know this person/);
    assert.match(main, /Panel: Alex Allroles, Pat Panel\./);
    await check(staff, 'shortlist-with-conflict');
    await staff.locator('input[name^="invite-"]').first().check();
    await press(staff, 'Record the shortlist');
    await expectHeading(staff, 'The shortlist is recorded');
    await check(staff, 'recorded');
    const after = await statuses(a.id);
    assert.equal(after.filter(s => s === 'INVITED_TO_INTERVIEW').length, 1);
    assert.equal(after.filter(s => s === 'NOT_SHORTLISTED').length, 2);
    await staff.context().close();
  });
