// Shortlisting, as people do it: a role closes with three applications (seeded in DynamoDB Local in the shape the
// application store writes, with fictional applicants whose names must never reach the panel), the closing job
// prepares the panel's anonymised papers, a panel member scores every applicant and sees everyone's scores, and a
// member of staff records the shortlist: leaving out the Disability Confident applicant is refused, then the
// shortlist is recorded, the applications move on and the team is e-mailed a link to arrange interviews.
// axe-core checks every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, dynamoDb, expectHeading, launchBrowser, linkInHtml, newPage, pageChecker, plain, press, putApplication,
  putRole, signIn, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit, waitForEmails, postFromSite, putPanel, PANEL_PEOPLE,
} from './support.mjs';

const LEP = 'listening-culture-lived-experience-partner';
const PEOPLE = [
  { name: 'Zebedee Quillfeather', email: 'zebedee.quillfeather@example.org', phone: '07700 900417', address: '42 Wrenfield Crescent', postcode: 'BX7 4QW', dc: 'no' },
  { name: 'Orlaith Vantongeren', email: 'orlaith.vantongeren@example.org', phone: '07700 900583', address: '9 Marrowbone Lane', postcode: 'QH3 8ZD', dc: 'yes' },
  { name: 'Perpetua Sandalwick', email: 'perpetua.sandalwick@example.org', phone: '07700 900826', address: '3 Heronsgate Row', postcode: 'DM5 2RX', dc: 'no' },
];
/** Everything of theirs a panel member must never see. */
const TRACES = PEOPLE.flatMap(p => [p.name, ...p.name.split(' '), p.email, p.phone, p.address, p.postcode]).concat(['Zorblaxian']);

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** A copy of the example lived experience partner role, open, with a closing date already passed, and its team mailbox. */
async function closedRoleWithApplications() {
  const roles = await tableName('RolesTable');
  const example = await dynamoDb('GetItem', { TableName: roles, Key: { roleId: { S: LEP } } });
  const role = JSON.parse(example.Item.data.S);
  const id = `e2e-shortlisting-${Date.now()}`;
  const teamEmail = uniqueEmail('shortlisting-team');
  Object.assign(role, { id, title: `Lived experience partner ${id.slice(-6)}`, status: 'OPEN', closingDate: '2025-01-15', interviewWeekCommencing: '2025-02-03' });
  role.contact = { ...role.contact, teamEmail };
  await putRole(role, '2025-01-15T23:59:00Z');
  await putPanel(id, [PANEL_PEOPLE.pat]);

  const references = [];
  for (const [i, p] of PEOPLE.entries()) {
    const reference = `INV-E2E${String(Date.now()).slice(-5)}${i}`;
    references.push(reference);
    const answers = {
      fullName: p.name, email: p.email, phone: p.phone, addressLine1: p.address, townOrCity: 'Baxtonbury', postcode: p.postcode,
      contactMethod: 'email', disabilityConfident: p.dc,
      livedExperience: `My name is ${p.name}. I care for my father near ${p.postcode}.`,
      networks: 'A carers\' network.', interestAreas: 'Dementia care.', priorityConnection: i === 0 ? 'I volunteer with an LGBT+ group.' : '',
      ethnicGroup: 'Zorblaxian heritage',
    };
    for (const c of role.criteria) answers[`criterion-${c.id}`] = `I am ${p.name.split(' ')[0]}. I have done this for years: call ${p.phone}.`;
    const submittedAt = `2025-01-1${i}T10:00:00Z`;
    const application = { reference, roleId: id, applicantKey: `e2e-${reference}`, status: 'RECEIVED', answers, submittedAt,
      contactMethod: 'email', monitoringToken: `token-${reference}`, acknowledgement: 'EMAIL_QUEUED', enteredBy: 'applicant', progress: {} };
    await putApplication(application);
  }
  return { id, role, teamEmail, references };
}

async function statuses(roleId) {
  const page = await dynamoDb('Query', { TableName: await tableName('ApplicationsTable'), ConsistentRead: true,
    KeyConditionExpression: 'roleId = :r', ExpressionAttributeValues: { ':r': { S: roleId } } });
  return page.Items.map(plain).map(i => i.status).sort();
}

async function assertNoApplicantDetails(page, where) {
  const html = await page.content();
  for (const t of TRACES) assert.ok(!html.includes(t), `${t} is shown to a panel member on ${where}`);
}

test('a panel member scores anonymised applications; staff record the shortlist', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
  const { id, role, teamEmail } = await closedRoleWithApplications();
  const fired = await fetch(`${BASE_URL}/_local/schedules/ClosingJobFunction`, { method: 'POST' });
  assert.equal(fired.status, 200, 'the closing job ran');
  const panelEmail = (await waitForEmails(PANEL_PEOPLE.pat.email, `Ready for scoring: ${role.title}`))[0];
  const scoreLink = linkInHtml(panelEmail.body.html, 'Score the applications');
  assert.match(scoreLink, new RegExp(`/staff/shortlisting/${id}$`));

  // ---------- the panel member ----------
  const panel = await newPage(browser);
  const checkPanel = pageChecker('shortlisting-panel');
  await signIn(panel, 'Pat Panel');
  await checkPanel(panel, 'staff-home');
  const nav = panel.getByRole('navigation', { name: 'Staff menu' });
  assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['Shortlisting', 'Sign out'], 'shortlisting is the panel\'s only area');
  await nav.getByRole('link', { name: 'Shortlisting' }).click();
  await panel.waitForLoadState('load');
  await expectHeading(panel, 'Shortlisting');
  await checkPanel(panel, 'roles');
  await assertNoApplicantDetails(panel, 'the roles page');

  await visit(panel, new URL(scoreLink).pathname);
  await expectHeading(panel, role.title);
  await checkPanel(panel, 'applicants');
  await assertNoApplicantDetails(panel, 'the applicants page');
  assert.equal(await panel.locator('tbody tr').count(), 3, 'three anonymised applicants');

  await panel.locator('tbody tr').first().getByRole('link').click();
  await panel.waitForLoadState('load');
  // Saving with nothing chosen shows the error summary.
  await press(panel, 'Save and go to the next applicant');
  assert.match(await panel.title(), /^Error: /);
  assert.match(await panel.locator('.nhsuk-error-summary').innerText(), /Choose a score for/);
  await checkPanel(panel, 'score-errors');

  for (let n = 1; n <= 3; n += 1) {
    assert.match(await panel.locator('main').innerText(), new RegExp(`Applicant ${n} of 3`));
    await assertNoApplicantDetails(panel, `applicant ${n}`);
    const paper = await panel.locator('main').innerText();
    assert.match(paper, /\[name removed\]/, 'the applicant\'s own details are removed from their answers');
    assert.match(paper, /\[phone number removed\]/, 'each marker says what was there');
    if (n === 1) await checkPanel(panel, 'score-applicant');
    for (const c of role.criteria) {
      // Everyone meets the essentials, the first applicant best.
      await panel.getByRole('group', { name: `Your score for criterion: ${c.statement}` })
        .getByLabel(n === 1 ? '4 - Meets it very well' : '2 - Meets the criterion', { exact: true }).check();
    }
    await press(panel, 'Save and go to the next applicant');
  }
  await expectHeading(panel, role.title);
  assert.match(await panel.locator('main').innerText(), /You have scored every applicant for this role/);
  assert.match(await panel.locator('main').innerText(), /You have scored 3 of 3/);
  await checkPanel(panel, 'all-scored');

  await panel.getByRole('link', { name: 'See everyone\'s scores added up' }).click();
  await panel.waitForLoadState('load');
  await expectHeading(panel, 'Everyone\'s scores');
  assert.match(await panel.locator('main').innerText(), /Guaranteed interview \(Disability Confident\)/);
  await assertNoApplicantDetails(panel, 'the results page');
  await checkPanel(panel, 'results');
  assert.equal(await panel.getByRole('link', { name: 'Record the shortlist' }).count(), 0, 'the panel does not record the shortlist');
  const refused = await panel.request.get(`/staff/shortlisting/${id}/shortlist`, { maxRedirects: 0 });
  assert.equal(refused.status(), 403);
  await panel.context().close();

  const scoredEmail = await waitForEmails(teamEmail, 'Panel scoring: 1 panel member has finished');
  assert.match(linkInHtml(scoredEmail[0].body.html, 'See the results'), new RegExp(`/staff/shortlisting/${id}/results$`));

  // ---------- staff ----------
  const staff = await newPage(browser);
  const checkStaff = pageChecker('shortlisting-staff');
  await signIn(staff, 'Sam Staff');
  await staff.getByRole('navigation', { name: 'Staff menu' }).getByRole('link', { name: 'Shortlisting' }).click();
  await staff.waitForLoadState('load');
  // Staff are not on this role's panel: they see its scores, not its papers.
  await staff.getByRole('link', { name: `see the scores (${role.title})` }).click();
  await staff.waitForLoadState('load');
  await checkStaff(staff, 'results');
  await staff.getByRole('link', { name: 'Record the shortlist' }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, 'Record the shortlist');
  await checkStaff(staff, 'shortlist-form');
  const boxes = staff.locator('input.nhsuk-checkboxes__input[name^="invite-"]');
  assert.equal(await boxes.count(), 3);
  assert.equal(await staff.locator('input[name^="invite-"]:checked').count(), 1,
    'the Disability Confident applicant who meets every essential criterion starts ticked');
  const guaranteed = staff.locator('.nhsuk-checkboxes__item', { hasText: 'Guaranteed interview' }).locator('input');
  const others = staff.locator('.nhsuk-checkboxes__item').filter({ hasNotText: 'Guaranteed interview' }).locator('input[name^="invite-"]');
  assert.ok(await guaranteed.isChecked());
  assert.equal(await others.count(), 2);

  // Leaving them out is refused, with the reason in the error summary.
  await guaranteed.uncheck();
  await others.first().check();
  await press(staff, 'Record the shortlist');
  assert.match(await staff.title(), /^Error: /);
  assert.match(await staff.locator('.nhsuk-error-summary').innerText(), /Disability Confident scheme and meets every essential criterion/);
  assert.ok(await others.first().isChecked(), 'the ticks sent are kept');
  await checkStaff(staff, 'shortlist-refused');
  assert.deepEqual(await statuses(id), ['RECEIVED', 'RECEIVED', 'RECEIVED'], 'nothing moved');

  // Invite the best other applicant and the guaranteed one.
  await guaranteed.check();
  const guaranteedName = await guaranteed.getAttribute('name');
  const ticked = 2;
  await press(staff, 'Record the shortlist');
  await expectHeading(staff, 'The shortlist is recorded');
  await checkStaff(staff, 'recorded');
  const after = await statuses(id);
  assert.equal(after.filter(s => s === 'INVITED_TO_INTERVIEW').length, ticked);
  assert.equal(after.filter(s => s === 'NOT_SHORTLISTED').length, 3 - ticked);

  const recorded = await waitForEmails(teamEmail, 'Shortlist recorded');
  assert.match(linkInHtml(recorded[0].body.html, 'Arrange interviews'), new RegExp(`/staff/interviews/${id}$`));
  for (const t of TRACES) assert.ok(!recorded[0].body.text.includes(t), `${t} in the team e-mail`);

  // Recording again changes nothing.
  const again = await postFromSite(staff, `/staff/shortlisting/${id}/shortlist`, { form: { [`${guaranteedName}`]: 'yes' }, maxRedirects: 0 });
  assert.equal(again.status(), 303);
  assert.deepEqual(await statuses(id), after);
  await staff.context().close();
});
