// Paying partners (issue 10), as people would do it, for what is built: a partner claims a car journey, a rail fare
// and five days' time from the "your involvement" link in their welcome e-mail (a half-made claim is kept, a bad line
// shows the error summary and loses nothing), sends it; staff with approve-claims see it waiting with the guideline's
// 2-days warning, approve it, the partner is told (with the benefits-advice line) and the payments queue calculates
// one payment record. The role and applicant are seeded through DynamoDB Local, as partners-year.test.mjs does; the
// partner started 6 days ago, so every claimed date is in their time in the role. axe-core checks every page.
// The rail fare gets a receipt: the form posts the file straight to the receipts bucket (S3Mock locally); a file named
// .pdf that is not one is refused by its content, a PNG is kept, and staff open it through a short-lived link.
// Then the monthly payroll job (fired as its schedule would) exports it; finance are e-mailed a link to the finance
// page, download the CSV (the partner's payroll reference, involvement and expenses apart) and mark it paid; the
// partner gets their statement.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dynamoDb, expectHeading, fireSchedule, launchBrowser, linkInHtml, newPage, openArea, pageChecker, press, putApplication, putRole,
  signIn, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit, waitForEmails,
} from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const SCG = 'strategic-coproduction-group-member';

function ukToday() {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
    .formatToParts(new Date());
  const get = type => Number(parts.find(p => p.type === type).value);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day')));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** The payroll month whose export is due today: this month from its export day (the template's 20), else the last. */
function payrollMonth(today, exportDay = 20) {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - (today.getUTCDate() >= exportDay ? 0 : 1), 1));
  return { id: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`, name: `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` };
}

const daysBefore = (d, n) => new Date(d.getTime() - n * 86400_000);
const parts = d => ({ day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) });

async function fillDate(page, d) {
  const { day, month, year } = parts(d);
  await page.fill('#date-day', day);
  await page.fill('#date-month', month);
  await page.fill('#date-year', year);
}

/** A small real PNG (1 by 1 pixel). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * Uploads a receipt as a person would, with the plain form (no script), straight to the receipts bucket. S3 then sends
 * the browser back to the form's success_action_redirect with the bucket, key and etag; S3Mock answers 200 instead,
 * so the test follows that redirect as S3 would send it.
 */
async function uploadReceipt(page, file, expectedStatus) {
  const form = page.locator('form[enctype="multipart/form-data"]');
  const fields = Object.fromEntries(await form.locator('input[type=hidden]').evaluateAll(
    inputs => inputs.map(i => [i.name, i.value])));
  await page.setInputFiles('#file', file);
  const stored = page.waitForResponse(r => r.request().method() === 'POST' && r.url().endsWith('/receiptsbucket'));
  await page.getByRole('button', { name: 'Upload receipt', exact: true }).click();
  assert.ok((await stored).status() < 300, 'the bucket took the file');
  const back = new URL(fields.success_action_redirect);
  back.searchParams.set('bucket', 'receiptsbucket');
  back.searchParams.set('key', fields.key);
  back.searchParams.set('etag', '"local"');
  return visit(page, back.pathname + back.search, expectedStatus);
}

async function follow(page, name) {
  await page.getByRole('link', { name }).click();
  await page.waitForLoadState('load');
}

test('a partner claims from the e-mail link and staff approve it with the 2-days warning; the queue pays it once',
  { timeout: TEST_TIMEOUT_MS * 3 }, async () => {
    const stamp = `${Date.now()}`;
    const checkPage = pageChecker('payments');
    const today = ukToday();

    const TableName = await tableName('RolesTable');
    const { Item } = await dynamoDb('GetItem', { TableName, Key: { roleId: { S: SCG } }, ConsistentRead: true });
    assert.ok(Item, 'the example roles are loaded');
    const role = Object.assign(JSON.parse(Item.data.S), { id: `e2e-pay-${stamp}`, title: `Payments test group member ${stamp}`,
      status: 'SHORTLISTING', closingDate: '2024-01-20', interviewWeekCommencing: '2024-02-05' });
    await putRole(role, '2024-01-20T23:59:00Z');
    const reference = `INV-PAY-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
    const name = `Partner Pay ${stamp.slice(-5)}`;
    const email = uniqueEmail('pay');
    await putApplication({ reference, roleId: role.id, applicantKey: `e2e-person-${reference}`, status: 'REFERENCES_RECEIVED',
      answers: { fullName: name, email, phone: '07700 900123', addressLine1: '1 Example Street', townOrCity: 'Exampleton',
        postcode: 'LS1 4AP', contactMethod: 'email', acceptsPayment: 'accept', paidRolesHeld: '0', receivesBenefits: 'no' },
      submittedAt: '2024-01-10T10:00:00Z', contactMethod: 'email', monitoringToken: `token-${reference}`,
      acknowledgement: 'EMAIL_QUEUED', enteredBy: 'applicant', progress: {} });

    // Staff appoint them, starting 6 days ago.
    const staff = await newPage(browser);
    await signIn(staff, 'Sam Staff');
    await visit(staff, `/staff/partners/${role.id}/${reference}`);
    const start = parts(daysBefore(today, 6));
    await staff.fill('#start-day', start.day);
    await staff.fill('#start-month', start.month);
    await staff.fill('#start-year', start.year);
    await press(staff, 'Appoint');
    await expectHeading(staff, name);

    // From the welcome e-mail's link to the claim.
    const [welcome] = await waitForEmails(email, 'Welcome: you have been appointed');
    const link = new URL(linkInHtml(welcome.body.html, 'Go to your involvement')).pathname;
    const partner = await newPage(browser);
    await visit(partner, link);
    await follow(partner, 'Claim expenses or payment');
    await expectHeading(partner, 'Claim expenses or payment');
    assert.match(await partner.locator('main').innerText(), /You have not added anything yet/);
    await checkPage(partner, 'claim-empty');

    // A journey by car; first with the miles missing: the error summary, nothing lost.
    await follow(partner, 'Add a journey by car, van, motorbike or bicycle');
    await partner.getByLabel('Car or van').check();
    await fillDate(partner, daysBefore(today, 1));
    await press(partner, 'Add this journey');
    assert.match(await partner.locator('.nhsuk-error-summary').innerText(), /Enter the miles as a number/);
    await checkPage(partner, 'journey-error');
    await partner.fill('#miles', '12.5');
    await press(partner, 'Add this journey');
    assert.match(await partner.locator('main').innerText(), /Added to your claim/);

    // A rail fare.
    await follow(partner, 'Add a cost: train, taxi, parking, food and drink, or care');
    await checkPage(partner, 'cost');
    await partner.getByLabel('Train fare (standard class)').check();
    await fillDate(partner, daysBefore(today, 1));
    await partner.fill('#amount', '23.40');
    await press(partner, 'Add this cost');

    // Its receipt: a file called .pdf that is not one is refused by its content; then a PNG photo is kept.
    await expectHeading(partner, 'Add a receipt');
    assert.match(await partner.locator('main').innerText(), /Train fare \(standard class\) on .*, £23\.40/);
    await checkPage(partner, 'receipt');
    await uploadReceipt(partner, { name: 'ticket.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Not really a PDF') }, 400);
    assert.match(await partner.locator('.nhsuk-error-summary').innerText(), /The file must be a PDF, JPEG or PNG/);
    await checkPage(partner, 'receipt-wrong-type');
    await uploadReceipt(partner, { name: 'ticket.png', mimeType: 'image/png', buffer: PNG }, 200);
    assert.match(await partner.locator('main').innerText(), /Receipt added/);
    await checkPage(partner, 'receipt-added');

    // Five days of 4 hours outside meetings: more than the guideline of 2 days a month on average.
    for (let n = 5; n >= 1; n--) {
      await follow(partner, 'Add time you gave outside meetings');
      if (n === 5) await checkPage(partner, 'time');
      await fillDate(partner, daysBefore(today, n));
      await partner.fill('#hours', '4');
      await press(partner, 'Add this time');
    }
    // The half-made claim is kept: opening the link again shows it.
    await visit(partner, `${link}/claim`);
    const overview = await partner.locator('main').innerText();
    assert.match(overview, /Car or van: 12\.5 miles/);
    assert.match(overview, /Train fare \(standard class\)/);
    assert.match(overview, /£23\.40/);
    assert.match(overview, /Change receipt/);
    assert.equal((overview.match(/Time given: 4 hours/g) ?? []).length, 5);
    await checkPage(partner, 'claim-lines');
    await press(partner, 'Send your claim');
    assert.match(await partner.locator('main').innerText(), /Your claim has been sent/);
    await checkPage(partner, 'claim-sent');

    // Staff see it waiting, with what it pays and the warning; approve it.
    await openArea(staff, 'Claims');
    await expectHeading(staff, 'Claims waiting for a decision');
    const row = staff.locator('tr', { hasText: name });
    assert.match(await row.innerText(), /more than the guideline of \d+ days \(2 days a month on average\)/);
    await checkPage(staff, 'claims-waiting');
    await row.getByRole('link', { name }).click();
    await staff.waitForLoadState('load');
    await expectHeading(staff, `Claim from ${name}`);
    const claimId = new URL(staff.url()).pathname.split('/').pop();
    const claimPage = await staff.locator('main').innerText();
    assert.match(claimPage, /Check before you approve/);
    assert.match(claimPage, /more than the guideline of \d+ days \(2 days a month on average\)/);
    assert.match(claimPage, /£750\.00|£750/); // 5 full days at £150
    assert.match(claimPage, /£29\.03/); // rail £23.40 and 12.5 miles at 45p (£5.625, to the nearest penny)
    assert.doesNotMatch(claimPage, /No receipt/);
    await checkPage(staff, 'claim');
    // The receipt, through a link that lasts 5 minutes (never a public address), served as the PNG it is.
    const receiptLink = await staff.getByRole('link', { name: /View receipt/ }).getAttribute('href');
    assert.match(receiptLink, /X-Amz-Expires=300/);
    const receipt = await staff.request.get(receiptLink);
    assert.equal(receipt.status(), 200);
    assert.equal(receipt.headers()['content-type'], 'image/png');
    assert.deepEqual(Buffer.from(await receipt.body()), PNG);
    await press(staff, 'Approve this claim');
    assert.match(await staff.locator('main').innerText(), /Claim approved/);
    await checkPage(staff, 'claims-after');

    // The partner is told, with the benefits-advice line.
    const [approved] = await waitForEmails(email, `Your claim for the ${role.title} has been approved`);
    assert.match(approved.body.text, /Involvement payment: £750/);
    assert.match(approved.body.text, /advice about benefits: email benefits-advice@example\.org/);
    assert.match(approved.body.text, /more than the guideline of \d+ days \(2 days a month on average\)/);

    // The payments queue calculates one payment record for the claim.
    const Payments = await tableName('PaymentsTable');
    let payment;
    for (let i = 0; i < 60 && !payment; i++) {
      ({ Item: payment } = await dynamoDb('GetItem', { TableName: Payments, Key: { claimId: { S: claimId } }, ConsistentRead: true }));
      if (!payment) await new Promise(r => setTimeout(r, 500));
    }
    assert.ok(payment, 'the calculator stored the payment');
    assert.match(JSON.stringify(payment), /75000/);
  
    // The monthly payroll job exports it, and finance are told.
    await fireSchedule('PayrollExportFunction');
    const month = payrollMonth(today);
    const ready = await waitForEmails('finance@example.org', `Payroll export for ${month.name} is ready`);
    const exportPath = new URL(linkInHtml(ready[ready.length - 1].body.html, 'Open the export')).pathname;
    assert.equal(exportPath, `/staff/finance/${month.id}`);
    assert.doesNotMatch(ready[0].body.text, new RegExp(name));

    // Finance find it on the finance page, download the file for payroll and mark it paid.
    const finance = await newPage(browser);
    await signIn(finance, 'Fin Finance');
    await openArea(finance, 'Payroll');
    await expectHeading(finance, 'Payroll exports');
    await checkPage(finance, 'finance-exports');
    await finance.getByRole('link', { name: new RegExp(month.name) }).first().click();
    await finance.waitForLoadState('load');
    await expectHeading(finance, `${month.name} payroll export`);
    const exportPage = await finance.locator('main').innerText();
    assert.match(exportPage, new RegExp(reference));
    assert.doesNotMatch(exportPage, new RegExp(name));
    await checkPage(finance, 'finance-export');
    const csvHref = await finance.getByRole('link', { name: 'Download the file for payroll (CSV)' }).getAttribute('href');
    const csv = await finance.request.get(new URL(csvHref, finance.url()).toString());
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-disposition'], /attachment; filename="payroll-\d{4}-\d{2}\.csv"/);
    const rows = (await csv.text()).split('\r\n');
    assert.equal(rows[0], 'payroll_reference,payment_type,taxable,amount_gbp,period_from,period_to,claim_id');
    assert.ok(rows.some(r => r.startsWith(`${reference},involvement_payment,yes,750.00,`) && r.endsWith(`,${claimId}`)), rows.join('\n'));
    assert.ok(rows.some(r => r.startsWith(`${reference},expenses,no,29.03,`)), rows.join('\n'));
    await press(finance, 'Mark as paid');
    assert.match(await finance.locator('main').innerText(), /The export has been marked as paid/);
    assert.doesNotMatch(await finance.locator('main').innerText(), /Waiting for payroll/);
    await checkPage(finance, 'finance-export-paid');

    // The partner gets their statement, with the benefits-advice line.
    const [statement] = await waitForEmails(email, `Your payment statement for ${month.name}`);
    assert.match(statement.body.text, /Involvement payments: £750/);
    assert.match(statement.body.text, /Expenses paid back: £29\.03/);
    assert.match(statement.body.text, /advice about benefits: email benefits-advice@example\.org/);
  });
