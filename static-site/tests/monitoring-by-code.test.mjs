// The telephone route's equal opportunities questions, by short code (issue 14, item 5). Ten applicants on a fresh
// role have answered through their own links; a member of staff then enters an eleventh application taken over the
// telephone and reads its short code from the application page. The applicant gives their answers by telephone to a
// colleague outside the role's panel, who enters them with the code; the code then works no more, on the staff page
// or the public start page, and the equality report counts the answers with the others. A panel member cannot reach
// the staff page. The codes table keeps no code and no reference. axe-core on every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dynamoDb, expectHeading, launchBrowser, newPage, openArea, pageChecker, press, putApplication, putRole, scanFor,
  signIn, tableName, TEST_TIMEOUT_MS, visit,
} from './support.mjs';
import { SCG } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const QUESTIONS = ['ageBand', 'sex', 'genderSameAsBirth', 'sexualOrientation', 'ethnicGroup', 'religion', 'disability',
  'caring', 'region'];
const radio = (page, name, value) => page.check(`input[name="${name}"][value="${value}"]`);

/** A fresh open role in a programme of its own, with ten applicants who get no e-mail. */
async function seedRole(stamp) {
  const { Item } = await dynamoDb('GetItem', { TableName: await tableName('RolesTable'), Key: { roleId: { S: SCG.id } },
    ConsistentRead: true });
  assert.ok(Item, 'the example roles are loaded');
  const role = JSON.parse(Item.data.S);
  Object.assign(role, { id: `e2e-code-${stamp}`, title: `Code test member ${stamp}`,
    programme: `Code test programme ${stamp}`, status: 'OPEN', closingDate: '2099-01-20' });
  await putRole(role, '2099-01-20T23:59:00Z');
  const references = [];
  for (let i = 0; i < 10; i += 1) {
    const reference = `INV-CD${stamp.slice(-2)}-${String(2000 + i)}`;
    const answers = { fullName: `Code Person ${i}`, phone: '07700 900123', addressLine1: '1 Example Street',
      townOrCity: 'Exampleton', postcode: 'LS1 4AP', contactMethod: 'telephone' };
    await putApplication({ reference, roleId: role.id, applicantKey: `e2e-code-${reference}`, status: 'RECEIVED',
      answers, submittedAt: '2025-01-10T10:00:00Z', contactMethod: 'telephone', acknowledgement: 'STAFF_TO_CONTACT',
      enteredBy: 'applicant', progress: {} });
    await dynamoDb('UpdateItem', { TableName: await tableName('ApplicationsTable'),
      Key: { roleId: { S: role.id }, applicantKey: { S: `e2e-code-${reference}` } },
      UpdateExpression: 'SET ackOutstanding = :o', ExpressionAttributeValues: { ':o': { S: 'OUTSTANDING' } } });
    references.push(reference);
  }
  return { role, references };
}

/** The entry form as staff fill it while talking to the applicant on the telephone. */
async function fillTelephoneApplication(page, fullName) {
  await radio(page, 'receivedBy', 'telephone');
  await page.fill('#fullName', fullName);
  await page.fill('#phone', `07700 900${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`);
  await page.fill('#addressLine1', '1 Example Street');
  await page.fill('#townOrCity', 'Exampleton');
  await page.fill('#postcode', 'LS1 4AP');
  await radio(page, 'contactMethod', 'telephone');
  await radio(page, 'disabilityConfident', 'no');
  await page.check('input[name="eligibilityNone"]');
  await page.fill('#paidRolesHeld', '0');
  for (const box of await page.locator('textarea[name^="criterion-"]').all()) await box.fill('I have done this as a carer for ten years.');
  for (const box of await page.locator('textarea:visible').all()) if (!(await box.inputValue())) await box.fill('Mental health and carers.');
  await radio(page, 'acceptsPayment', 'accept');
  await radio(page, 'receivesBenefits', 'no');
  for (const n of [1, 2]) {
    await page.fill(`#referee${n}Name`, `Referee Number${n}`);
    await page.fill(`#referee${n}Relationship`, 'We volunteer together at the carers\' group');
    await page.fill(`#referee${n}KnownFor`, '3 years');
    await page.fill(`#referee${n}Email`, `referee${n}@example.org`);
    await page.fill(`#referee${n}Phone`, `01632 960 31${n}`);
  }
  await page.check('#privacyAgreed');
  await page.check('#confidentialityAgreed');
}

test('an application taken by telephone has its equal opportunities answers entered by code and counted',
  { timeout: TEST_TIMEOUT_MS * 3 }, async () => {
    const stamp = `${Date.now()}`;
    const { role, references } = await seedRole(stamp);
    const checkPage = pageChecker('monitoring-by-code');
    const staff = await newPage(browser);
    await signIn(staff, 'Sam Staff');
    const applicant = await newPage(browser);

    // Ten applicants answer through the link staff pass on: all women.
    for (const reference of references) {
      await visit(staff, `/staff/applications/${reference}`);
      const link = (await staff.locator('main').innerText()).match(/https?:\/\/\S+\/monitoring\?\S+/)?.[0];
      assert.ok(link, `staff see ${reference}'s monitoring link`);
      await visit(applicant, new URL(link).pathname + new URL(link).search);
      for (const q of QUESTIONS) await radio(applicant, q, 'prefer-not-to-say');
      await radio(applicant, 'sex', 'female');
      await press(applicant, 'Send answers');
      await expectHeading(applicant, 'Thank you');
    }

    // An eleventh applicant telephones; staff enter the application and read out its code.
    await visit(staff, `/staff/roles/${role.id}/applications/new`);
    await fillTelephoneApplication(staff, `Robin Caller ${stamp}`);
    await press(staff, 'Save application');
    assert.match(await staff.locator('h1').innerText(), /^Application INV-/);
    const reference = new URL(staff.url()).pathname.split('/').pop();
    const code = (await staff.locator('.involve-monitoring-code').innerText()).trim();
    assert.match(code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/, 'eight letters and digits, none that look alike');
    assert.match(await staff.locator('main').innerText(), /Equal opportunities code/);
    await checkPage(staff, 'application-with-code');

    // The codes table keeps an HMAC of the code with the role and the link's token: no code, no reference.
    const entries = await scanFor('MonitoringCodesTable', 'roleId', role.id);
    assert.equal(entries.length, 1);
    const kept = JSON.stringify(entries);
    assert.ok(!kept.includes(code.replace('-', '')) && !kept.includes(code), 'the code itself is not kept');
    assert.ok(!kept.includes(reference), 'nor the application');

    // A colleague outside the panel enters the answers the applicant gives by telephone, mistyping the code first.
    const colleague = await newPage(browser);
    await signIn(colleague, 'Sam Staff');
    await visit(colleague, '/staff/monitoring-answers');
    await expectHeading(colleague, 'Enter equal opportunities answers');
    await checkPage(colleague, 'staff-code');
    await colleague.getByLabel('The applicant\'s code').fill('ABCD-EFGH');
    await press(colleague, 'Continue');
    assert.match(await colleague.title(), /^Error: /);
    assert.match(await colleague.locator('.nhsuk-error-summary').innerText(), /We cannot use that code/);
    await checkPage(colleague, 'staff-code-error');
    await colleague.getByLabel('The applicant\'s code').fill(code.toLowerCase().replace('-', ' '));
    await press(colleague, 'Continue');
    await expectHeading(colleague, 'Equal opportunities monitoring');
    await checkPage(colleague, 'staff-form');
    for (const q of QUESTIONS) await radio(colleague, q, 'prefer-not-to-say');
    await radio(colleague, 'sex', 'female');
    await press(colleague, 'Save the answers');
    await expectHeading(colleague, 'Answers saved');
    await checkPage(colleague, 'staff-saved');

    // The code works once: not again on the staff page, nor on the public start page.
    await visit(colleague, '/staff/monitoring-answers');
    await colleague.getByLabel('The applicant\'s code').fill(code);
    await press(colleague, 'Continue');
    assert.match(await colleague.locator('.nhsuk-error-summary').innerText(), /We cannot use that code/);
    await visit(applicant, '/equal-opportunities');
    await expectHeading(applicant, 'Equal opportunities questions');
    await checkPage(applicant, 'public-start');
    await applicant.getByLabel('Your code').fill(code);
    await press(applicant, 'Continue');
    assert.match(await applicant.locator('.nhsuk-error-summary').innerText(), /We cannot use that code/);
    await checkPage(applicant, 'public-start-error');

    // The answers are kept as the links' are, and the equality report counts all eleven.
    const answers = await scanFor('MonitoringTable', 'roleId', role.id);
    assert.equal(answers.length, 11);
    for (const item of answers) assert.deepEqual(Object.keys(item).sort(), ['answerKey', 'answers', 'roleId']);
    assert.ok(!JSON.stringify(answers).includes(entries[0].token.S), 'the answers do not hold the code\'s token');
    await openArea(staff, 'Equality report');
    await staff.getByRole('link', { name: role.title, exact: true }).click();
    await staff.waitForLoadState('load');
    await expectHeading(staff, `Equality report: ${role.title}`);
    const sex = staff.getByRole('table', { name: 'Answers to "What is your sex?" by stage' });
    // All eleven answered; "Female 11" beside that total would show that no one gave another answer (each a count
    // below 10), so it is not shown either.
    assert.match(await sex.getByRole('row', { name: /^Everyone who answered/ }).innerText(), /^Everyone who answered\s+11\s/);
    assert.match(await sex.getByRole('row', { name: /^Female/ }).innerText(), /^Female\s+not shown\s/);

    // A panel member cannot reach the page.
    const panel = await newPage(browser);
    await signIn(panel, 'Pat Panel');
    const refused = await panel.goto('/staff/monitoring-answers');
    assert.equal(refused.status(), 403);
    for (const p of [staff, applicant, colleague, panel]) await p.context().close();
  });

test('the public start page asks for the code and refuses one never issued the same way', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('monitoring-by-code-public');
  await visit(page, '/equal-opportunities');
  await press(page, 'Continue');
  assert.match(await page.locator('.nhsuk-error-summary').innerText(), /Enter your code/);
  await checkPage(page, 'empty');
  await page.getByLabel('Your code').fill('ZZZZ-ZZZZ');
  await press(page, 'Continue');
  assert.match(await page.locator('.nhsuk-error-summary').innerText(), /We cannot use that code/);
  await page.context().close();
});
