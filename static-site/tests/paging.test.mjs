// Long lists a page at a time (issue 13, item 5): the staff partner directory and the claims waiting each show 25 on
// a page with the NHS.UK previous and next links. One partner is appointed as staff do it; 26 more are copies of that
// record stored through DynamoDB Local (as the job-scaling run copies records), each appointed a second later, so the
// directory (newest first) has two pages for the role, kept as the filter across pages. 27 claims of that partner
// wait, dated a year ahead so that, oldest first, they come after any other test's (the tests run side by side) and
// the last of them are on page 2; not approving one from page 2 comes back to page 2. The claims are deleted at the end. A tampered link gives the first page, said so. axe-core checks every page; screenshots are saved.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dynamoDb, expectHeading, launchBrowser, newPage, openArea, pageChecker, press, putApplication, putRole,
  scanFor, signIn, sortableTime, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit,
} from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const SCG = 'strategic-coproduction-group-member';

async function seedClosedRole(stamp) {
  const TableName = await tableName('RolesTable');
  const { Item } = await dynamoDb('GetItem', { TableName, Key: { roleId: { S: SCG } }, ConsistentRead: true });
  assert.ok(Item, 'the example roles are loaded');
  const role = JSON.parse(Item.data.S);
  Object.assign(role, { id: `e2e-paging-${stamp}`, title: `Paging test group member ${stamp}`, status: 'SHORTLISTING',
    closingDate: '2025-01-20', interviewWeekCommencing: '2025-02-03' });
  await putRole(role, '2025-01-20T23:59:00Z');
  return role;
}

async function seedReady(role) {
  const reference = `INV-PG${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const email = uniqueEmail('paging');
  const answers = { fullName: 'Pager Partner 00', email, phone: '07700 900123', addressLine1: '1 Example Street',
    townOrCity: 'Exampleton', postcode: 'LS1 4AP', contactMethod: 'email', acceptsPayment: 'accept', paidRolesHeld: '0',
    receivesBenefits: 'no' };
  await putApplication({ reference, roleId: role.id, applicantKey: `e2e-person-${reference}`, status: 'REFERENCES_RECEIVED',
    answers, submittedAt: '2025-01-10T10:00:00Z', contactMethod: 'email', monitoringToken: `token-${reference}`,
    acknowledgement: 'EMAIL_QUEUED', enteredBy: 'applicant', progress: {} });
  return reference;
}

/** `n` copies of a partner record, appointed a second apart after it, named "Pager Partner 01" onwards. */
async function copyPartner(item, n) {
  const TableName = await tableName('PartnersTable');
  const appointment = JSON.parse(item.data.S);
  const from = Date.parse(appointment.appointedAt);
  for (let i = 1; i <= n; i++) {
    const id = `${appointment.id}-C${String(i).padStart(2, '0')}`;
    const at = new Date(from + i * 1000).toISOString();
    const involvement = JSON.parse(item.involvement.S);
    involvement.appointmentId = id;
    involvement.name = `Pager Partner ${String(i).padStart(2, '0')}`;
    const copy = { ...item, appointmentId: { S: id }, directorySort: { S: `${sortableTime(at)}#${id}` },
      data: { S: JSON.stringify({ ...appointment, id, appointedAt: at }) }, involvement: { S: JSON.stringify(involvement) } };
    await dynamoDb('PutItem', { TableName, Item: copy });
  }
}

/**
 * `n` claims of the partner waiting for staff, sent a minute apart from a year ahead: the newest of all, so they come
 * after any claim another test (running at the same time) is waiting to see on the first page.
 */
async function seedClaims(role, appointmentId, stamp, n) {
  const TableName = await tableName('ClaimsTable');
  const from = Date.now() + 365 * 86400_000;
  const ids = [];
  for (let i = 0; i < n; i++) {
    const id = `e2e-paging-${stamp}-${String(i).padStart(2, '0')}`;
    const at = new Date(from + i * 60_000).toISOString();
    const claim = { id, appointmentId, roleId: role.id, status: 'SUBMITTED', involvement: [{ date: '2026-09-02', minutes: 180 }],
      expenses: [], journeys: [], onBehalfOf: null, createdAt: at, submittedAt: at, decidedBy: null, decidedAt: null,
      rejectionReason: null, version: 1 };
    await dynamoDb('PutItem', { TableName, Item: { claimId: { S: id }, appointmentId: { S: appointmentId }, version: { N: '1' },
      data: { S: JSON.stringify(claim) }, waitingQueue: { S: 'waiting' }, submittedAt: { S: sortableTime(at) } } });
    ids.push(id);
  }
  return ids;
}

const partnerRows = async page => page.locator('tr', { hasText: /Pager Partner \d\d/ }).count();

test('the partner directory and the claims waiting show 25 a page, with previous and next links', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
  const stamp = `${Date.now()}`;
  const role = await seedClosedRole(stamp);
  const reference = await seedReady(role);
  const checkPage = pageChecker('paging');
  const page = await newPage(browser);
  await signIn(page, 'Sam Staff');

  // One partner appointed as staff do it, then 26 copies of the record: 27 in the role.
  await visit(page, `/staff/partners/${role.id}/${reference}`);
  await page.fill('#start-day', '1');
  await page.fill('#start-month', '9');
  await page.fill('#start-year', '2026');
  await press(page, 'Appoint');
  await expectHeading(page, 'Pager Partner 00');
  const [item] = await scanFor('PartnersTable', 'roleId', role.id);
  assert.ok(item.directorySort, 'the record is in the directory index');
  await copyPartner(item, 26);

  // The directory, filtered to the role: newest first, 25 on the first page.
  await openArea(page, 'Partners');
  await page.getByLabel('Role', { exact: true }).selectOption(role.id);
  await press(page, 'Show partners');
  let main = await page.locator('main').innerText();
  assert.match(main, /Newest appointments first, 25 to a page\./);
  assert.match(main, /Partners on this page: 25/);
  assert.equal(await partnerRows(page), 25);
  assert.match(main, /Pager Partner 26[\s\S]*Pager Partner 02/, 'newest first');
  assert.doesNotMatch(main, /Pager Partner 01\b/);
  const pagination = page.getByRole('navigation', { name: 'Pages of partners' });
  assert.equal(await pagination.getByRole('link', { name: /Previous/ }).count(), 0, 'no previous page on the first');
  await checkPage(page, 'partners-page-1');

  await pagination.getByRole('link', { name: /Next/ }).click();
  await page.waitForLoadState('load');
  assert.match(page.url(), new RegExp(`role=${role.id}&after=`), 'the filter is kept');
  main = await page.locator('main').innerText();
  assert.match(main, /Partners on this page: 2/);
  assert.match(main, /Pager Partner 01[\s\S]*Pager Partner 00/);
  assert.equal(await page.getByLabel('Role', { exact: true }).inputValue(), role.id, 'the filter shows as chosen');
  await checkPage(page, 'partners-page-2');

  await page.getByRole('navigation', { name: 'Pages of partners' }).getByRole('link', { name: /Previous/ }).click();
  await page.waitForLoadState('load');
  assert.match(await page.locator('main').innerText(), /Partners on this page: 25[\s\S]*Pager Partner 26/);

  // A tampered link: the first page, said so.
  await visit(page, `/staff/partners?role=${role.id}&after=not-a-real-page`);
  main = await page.locator('main').innerText();
  assert.match(main, /That page of partners has changed since the link was made, so this is the first page\./);
  assert.match(main, /Pager Partner 26/);
  await checkPage(page, 'partners-tampered');

  // 27 claims waiting, oldest first: 25 on the first page. They are taken away again at the end, whatever happens, so
  // the tests after this one find the queue as they left it.
  const claims = await seedClaims(role, item.appointmentId.S, stamp, 27);
  try {
    await openArea(page, 'Claims');
    await expectHeading(page, 'Claims waiting for a decision');
    main = await page.locator('main').innerText();
    assert.match(main, /Oldest first, 25 to a page\./);
    assert.match(main, /Claims on this page: 25/);
    assert.equal(await page.getByRole('navigation', { name: 'Pages of claims' }).getByRole('link', { name: /Previous/ }).count(), 0);
    await checkPage(page, 'claims-page-1');
    await page.getByRole('navigation', { name: 'Pages of claims' }).getByRole('link', { name: /Next/ }).click();
    await page.waitForLoadState('load');
    const secondPage = page.url();
    assert.match(secondPage, /\/staff\/claims\?after=/);
    for (const last of claims.slice(25)) assert.equal(await page.locator(`a[href^="/staff/claims/${last}?after="]`).count(), 1, 'the newest on page 2');
    assert.equal(await page.getByRole('navigation', { name: 'Pages of claims' }).getByRole('link', { name: /Previous/ }).count(), 1);
    await checkPage(page, 'claims-page-2');

    // Deciding a claim from page 2 comes back to page 2, with what is left there.
    await page.locator(`a[href^="/staff/claims/${claims[26]}"]`).click();
    await page.waitForLoadState('load');
    await checkPage(page, 'claim-from-page-2');
    // Not approved (a rejection pays nothing, so the payroll test exports only its own).
    await page.getByLabel('Why are you not approving it?').fill('This was not one of our meetings.');
    await press(page, 'Do not approve this claim');
    assert.match(page.url(), /done=rejected&after=/);
    assert.equal(new URL(page.url()).searchParams.get('after'), new URL(secondPage).searchParams.get('after'));
    main = await page.locator('main').innerText();
    assert.match(main, /Claim not approved/);
    assert.equal(await page.locator(`a[href^="/staff/claims/${claims[26]}"]`).count(), 0, 'the decided claim has gone');
    assert.equal(await page.locator(`a[href^="/staff/claims/${claims[25]}"]`).count(), 1, 'the rest of page 2 is there');
    await checkPage(page, 'claims-after-decision');
  } finally {
    const TableName = await tableName('ClaimsTable');
    for (const claimId of claims) await dynamoDb('DeleteItem', { TableName, Key: { claimId: { S: claimId } } });
  }
});
