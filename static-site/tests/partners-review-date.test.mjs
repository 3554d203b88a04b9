// A role reviewed on a date rather than held for a term (issue 9, item 5; DOMAIN.md: "until March 2025, then
// reviewed"), as people would do it. The role is a copy of the example SCG role with no term and a review date 60 days
// from today; the partner started a year ago (recorded late). The daily tenure job asks the partner and the team about
// the review date, the partner answers from the e-mail's link, and staff record their answer and carry the role on to
// the next review, a year later. axe-core checks every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dynamoDb, expectHeading, fireSchedule, launchBrowser, linkInHtml, newPage, pageChecker, press, putApplication, putRole,
  signIn, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit, waitForEmails,
} from './support.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const SCG = 'strategic-coproduction-group-member';
const TEAM = 'involvement-team@example.org'; // the example roles' team mailbox

/** Today in the UK, as a UTC midnight Date. */
function ukToday() {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
    .formatToParts(new Date());
  const get = type => Number(parts.find(p => p.type === type).value);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day')));
}

function plusYears(d, years) {
  const out = new Date(d);
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

const iso = d => d.toISOString().slice(0, 10);
const display = d => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(d);

test('a role with a review date: asked before it, answered from the link, carried on to the next review',
  { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
    const stamp = `${Date.now()}`;
    const today = ukToday();
    const reviewDate = new Date(today.getTime() + 60 * 86400_000);
    const nextReview = plusYears(reviewDate, 1);
    const start = plusYears(today, -1);

    const TableName = await tableName('RolesTable');
    const { Item } = await dynamoDb('GetItem', { TableName, Key: { roleId: { S: SCG } }, ConsistentRead: true });
    assert.ok(Item, 'the example roles are loaded');
    const role = JSON.parse(Item.data.S);
    Object.assign(role, { id: `e2e-review-${stamp}`, title: `Review test member ${stamp}`, status: 'SHORTLISTING',
      closingDate: '2024-01-20', interviewWeekCommencing: '2024-02-05',
      tenure: { initialYears: 0, extensionYears: 0, extensionsAllowed: 0, maximumYears: 4, reviewDate: iso(reviewDate) } });
    await putRole(role, '2024-01-20T23:59:00Z');

    const reference = `INV-REVD-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
    const email = uniqueEmail('review-date');
    const name = `Partner Review ${stamp.slice(-5)}`;
    await putApplication({ reference, roleId: role.id, applicantKey: `e2e-person-${reference}`, status: 'REFERENCES_RECEIVED',
      answers: { fullName: name, email, phone: '07700 900123', addressLine1: '1 Example Street', townOrCity: 'Exampleton',
        postcode: 'LS1 4AP', contactMethod: 'email', acceptsPayment: 'accept', paidRolesHeld: '0', receivesBenefits: 'no' },
      submittedAt: '2024-01-10T10:00:00Z', contactMethod: 'email', monitoringToken: `token-${reference}`,
      acknowledgement: 'EMAIL_QUEUED', enteredBy: 'applicant', progress: {} });
    const checkPage = pageChecker('partners-review-date');

    // Staff appoint them, with the start a year ago.
    const staff = await newPage(browser);
    await signIn(staff, 'Sam Staff');
    await visit(staff, `/staff/partners/${role.id}/${reference}`);
    await staff.fill('#start-day', String(start.getUTCDate()));
    await staff.fill('#start-month', String(start.getUTCMonth() + 1));
    await staff.fill('#start-year', String(start.getUTCFullYear()));
    await press(staff, 'Appoint');
    await expectHeading(staff, name);

    // The daily job asks the partner and the team about the review date (twice run, once asked).
    await fireSchedule('TenureReviewFunction');
    await fireSchedule('TenureReviewFunction');
    const [ask] = await waitForEmails(email, `Your role as ${role.title} is due to be reviewed`);
    assert.match(ask.body.text, new RegExp(`Your role as ${role.title} is due to be reviewed on ${display(reviewDate)}\\.`));
    assert.match(ask.body.text, new RegExp(`If you carry on, your next review will be on ${display(nextReview)}\\.`));
    assert.ok(linkInHtml(ask.body.html, 'Go to your involvement'), 'the letter carries the your-involvement link');
    const [teamAsk] = await waitForEmails(TEAM, `Role review: ${reference}`);
    assert.match(teamAsk.body.text, new RegExp(`is due to be reviewed on ${display(reviewDate)}`));
    assert.ok(linkInHtml(teamAsk.body.html, 'See their partner record').endsWith(`/staff/partners/${role.id}/${reference}`));

    // The partner answers from the e-mail's link.
    const partner = await newPage(browser);
    await visit(partner, new URL(linkInHtml(ask.body.html, 'Tell us if you would like to carry on')).pathname);
    await expectHeading(partner, 'Would you like to carry on?');
    assert.match(await partner.locator('main').innerText(), new RegExp(`is due to be reviewed on ${display(reviewDate)}`));
    await checkPage(partner, 'question');
    await partner.getByLabel('Yes, I would like to carry on').check();
    await press(partner, 'Send answer');
    await expectHeading(partner, 'Your involvement');
    assert.match(await partner.locator('main').innerText(), /We have told the team you would like to carry on/);
    await checkPage(partner, 'answered');

    // Staff, from the record: the review date and the next one, their answer, and carrying on.
    await visit(staff, `/staff/partners/${role.id}/${reference}`);
    await staff.getByRole('link', { name: 'Tenure review and extension' }).click();
    await staff.waitForLoadState('load');
    await expectHeading(staff, 'Tenure review');
    let main = await staff.locator('main').innerText();
    assert.match(main, new RegExp(`Review date\\s+${display(reviewDate)}`));
    assert.match(main, new RegExp(`Next review if they carry on\\s+${display(nextReview)}`));
    assert.match(main, /The partner says\s+Would like to carry on/);
    assert.doesNotMatch(main, /Extend the term/);
    await checkPage(staff, 'review');
    await staff.getByLabel('Yes, we recommend they carry on').check();
    await press(staff, 'Send answer');
    await press(staff, 'Carry on to the next review');
    main = await staff.locator('main').innerText();
    assert.match(main, /The role carries on to the next review\./);
    assert.match(main, new RegExp(`Review date\\s+${display(nextReview)}`));
    assert.equal(await staff.getByRole('button', { name: 'Carry on to the next review' }).count(), 0,
      'no carrying on again before the next review is asked');
    await checkPage(staff, 'carried-on');
    const [carried] = await waitForEmails(email, `You are carrying on as ${role.title}`);
    assert.match(carried.body.text, new RegExp(`Your next review will be on ${display(nextReview)}\\.`));
    assert.ok(linkInHtml(carried.body.html, 'Go to your involvement'));
    assert.equal((await waitForEmails(email, 'is due to be reviewed')).length, 1);
  });
