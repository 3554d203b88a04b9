// Unlinkable monitoring answers, the equality report and the audit trail viewer (issue 11, items 5 to 7). Twelve
// applicants who get no e-mail are seeded; each answers the equal opportunities form through the link staff pass on
// (the link is worked out from the application, not stored on it). Staff then open the equality report, where small
// counts are suppressed, download it as CSV, and look up an application's audit trail. axe-core on every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  BASE_URL, dynamoDb, expectHeading, launchBrowser, newPage, openArea, pageChecker, press, putApplication, putRole,
  scanFor, signIn, sortableTime, tableName, TEST_TIMEOUT_MS, visit,
} from './support.mjs';
import { SCG } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const QUESTIONS = ['ageBand', 'sex', 'genderSameAsBirth', 'sexualOrientation', 'ethnicGroup', 'religion', 'disability',
  'caring', 'region'];

async function seedRound(stamp) {
  const { Item } = await dynamoDb('GetItem', { TableName: await tableName('RolesTable'), Key: { roleId: { S: SCG.id } },
    ConsistentRead: true });
  assert.ok(Item, 'the example roles are loaded');
  const role = JSON.parse(Item.data.S);
  Object.assign(role, { id: `e2e-equality-${stamp}`, title: `Equality test member ${stamp}`,
    programme: `Equality test programme ${stamp}`, status: 'SHORTLISTING', closingDate: '2025-01-20' });
  await putRole(role, '2025-01-20T23:59:00Z');
  const references = [];
  for (let i = 0; i < 12; i += 1) {
    const reference = `INV-EQ${stamp.slice(-2)}-${String(1000 + i)}`;
    const answers = { fullName: `Equality Person ${i}`, phone: '07700 900123', addressLine1: '1 Example Street',
      townOrCity: 'Exampleton', postcode: 'LS1 4AP', contactMethod: 'telephone' };
    await putApplication({ reference, roleId: role.id, applicantKey: `e2e-equality-${reference}`,
      status: i < 11 ? 'NOT_SHORTLISTED' : 'RECEIVED', answers, submittedAt: '2025-01-10T10:00:00Z',
      contactMethod: 'telephone', acknowledgement: 'STAFF_TO_CONTACT', enteredBy: 'applicant', progress: {} });
    // Not yet acknowledged (as DynamoApplicationStore leaves it): staff pass the link on when they get in touch.
    await dynamoDb('UpdateItem', { TableName: await tableName('ApplicationsTable'),
      Key: { roleId: { S: role.id }, applicantKey: { S: `e2e-equality-${reference}` } },
      UpdateExpression: 'SET ackOutstanding = :o', ExpressionAttributeValues: { ':o': { S: 'OUTSTANDING' } } });
    references.push(reference);
  }
  return { role, references };
}

test('answers are kept apart, counted in the equality report with small counts suppressed, and the audit trail is read only',
  { timeout: TEST_TIMEOUT_MS * 3 }, async () => {
    const stamp = `${Date.now()}`;
    const { role, references } = await seedRound(stamp);
    const checkPage = pageChecker('equality-report');
    const staff = await newPage(browser);
    await signIn(staff, 'Sam Staff');
    const applicant = await newPage(browser);

    // Each applicant answers through the link staff pass on: eleven women and one man.
    for (const [i, reference] of references.entries()) {
      await visit(staff, `/staff/applications/${reference}`);
      const link = (await staff.locator('main').innerText()).match(/https?:\/\/\S+\/monitoring\?\S+/)?.[0];
      assert.ok(link, `staff see ${reference}'s monitoring link to pass on`);
      await visit(applicant, new URL(link).pathname + new URL(link).search);
      if (i === 0) await checkPage(applicant, 'monitoring-form');
      for (const q of QUESTIONS) await applicant.check(`input[name="${q}"][value="prefer-not-to-say"]`);
      await applicant.check(`input[name="sex"][value="${i < 11 ? 'female' : 'male'}"]`);
      await press(applicant, 'Send answers');
      await expectHeading(applicant, 'Thank you');
    }

    // The monitoring table holds the role and the answers under a key, and nothing an application holds.
    const answers = await scanFor('MonitoringTable', 'roleId', role.id);
    assert.equal(answers.length, 12);
    const applications = JSON.stringify(await scanFor('ApplicationsTable', 'roleId', role.id));
    for (const item of answers) {
      assert.deepEqual(Object.keys(item).sort(), ['answerKey', 'answers', 'roleId']);
      assert.ok(!applications.includes(item.answerKey.S), 'no application holds the answers\' key');
    }
    for (const reference of references) assert.ok(!JSON.stringify(answers).includes(reference));

    // The report: 11 women shown; one man and nobody who preferred not to say are "not shown".
    await openArea(staff, 'Equality report');
    await expectHeading(staff, 'Equality report');
    await checkPage(staff, 'index');
    await staff.getByRole('link', { name: role.title, exact: true }).click();
    await staff.waitForLoadState('load');
    await expectHeading(staff, `Equality report: ${role.title}`);
    const sex = staff.getByRole('table', { name: 'Answers to "What is your sex?" by stage' });
    assert.match(await sex.getByRole('row', { name: /^Female/ }).innerText(), /^Female\s+11\s+not shown/);
    assert.match(await sex.getByRole('row', { name: /^Male/ }).innerText(), /^Male\s+not shown\s+not shown/);
    assert.match(await sex.getByRole('row', { name: /^Everyone who answered/ }).innerText(), /^Everyone who answered\s+12\s/);
    assert.ok(!(await staff.locator('main').innerText()).match(/\t1\t/), 'the one man is never shown as a number');
    assert.equal(await staff.locator('svg[role="img"]').count(), QUESTIONS.length, 'a chart for each question');
    await checkPage(staff, 'role-report');

    // The same rules in the CSV download.
    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('link', { name: 'Download this report as a spreadsheet (CSV)' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'Role or programme,Question,Answer,Applied,Shortlisted,Interviewed,Appointed');
    assert.ok(lines.includes(`${role.title},What is your sex?,Female,11,not shown,not shown,not shown`), csv);
    assert.ok(lines.includes(`${role.title},What is your sex?,Male,not shown,not shown,not shown,not shown`));

    await staff.getByRole('link', { name: `See the report for the whole of ${role.programme}` }).click();
    await staff.waitForLoadState('load');
    await expectHeading(staff, `Equality report: ${role.programme}`);
    await checkPage(staff, 'programme-report');

    // The audit trail viewer: read only, looked up by application reference.
    const reference = references[0];
    const TableName = await tableName('AuditTable');
    for (const [n, what] of ['application entered', 'acknowledged by telephone'].entries()) {
      const at = sortableTime(Date.parse('2025-01-10T10:00:00Z') + n * 60_000);
      await dynamoDb('PutItem', { TableName, Item: { recordId: { S: `application:${reference}` },
        entryKey: { S: `${at}#e2e${n}` }, who: { S: 'local-sam-staff' }, what: { S: what }, at: { S: at },
        toState: { S: 'RECEIVED' } } });
    }
    await openArea(staff, 'Audit trail');
    await expectHeading(staff, 'Audit trail');
    await staff.getByLabel('Role id or reference').fill(reference);
    await press(staff, 'Show the audit trail');
    assert.match(await staff.locator('.nhsuk-error-summary').innerText(), /Select what you want to look up/);
    await checkPage(staff, 'audit-errors');
    await staff.getByLabel(/An application/).check();
    await staff.getByLabel('Role id or reference').fill(reference);
    await press(staff, 'Show the audit trail');
    const rows = staff.getByRole('table').getByRole('row');
    assert.match(await rows.nth(1).innerText(), /acknowledged by telephone/, 'newest first');
    assert.match(await rows.nth(2).innerText(), /application entered/);
    assert.equal(await staff.locator('main form[method="post"]').count(), 0, 'nothing to change');
    await checkPage(staff, 'audit-trail');
    assert.ok(staff.url().startsWith(`${BASE_URL}/staff/audit?`));
  });
