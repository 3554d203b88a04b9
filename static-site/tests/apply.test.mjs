// A person applies for the Listening Culture role from the list of roles to the equal-opportunities form,
// then the stored records are checked: monitoring answers kept apart, with nothing that identifies anyone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allKeys, expectHeading, launchBrowser, linkInHtml, newPage, pageChecker, plain, press, scanFor, TEST_TIMEOUT_MS, visit, waitForEmails,
} from './support.mjs';
import { answersShown, assertHelpBox, fillMonitoring, fillSections, LEP, MONITORING_ANSWERS, newApplicant, REFERENCE, sendApplication } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a person applies, gets the acknowledgement, and fills in the separate monitoring form', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  // Pages with axe-core's best-practice rules too; an e-mail is not a page (no landmarks), so WCAG only.
  const checkPage = pageChecker('apply', { bestPractice: true });
  const checkEmail = pageChecker('apply-email');
  const applicant = newApplicant('apply');

  await visit(page, '/roles');
  await expectHeading(page, 'Open roles');
  await checkPage(page, 'roles');
  await page.getByRole('link', { name: LEP.title, exact: true }).click();
  await expectHeading(page, LEP.title);
  assert.match(await page.locator('main').innerText(), /Applications close on .+ at 11:59pm/);
  await checkPage(page, 'role');

  await press(page, 'Start now');
  const startedAt = Date.now(); // the draft exists now: the server counts from no later than this
  assert.match(page.url(), new RegExp(`/roles/${LEP.id}/apply/who-can-apply$`));
  // Every page of the form offers help.
  await fillSections(page, applicant, { checkPage: async (p, name) => { await checkPage(p, name); await assertHelpBox(p); } });

  await expectHeading(page, 'Check your answers before sending your application');
  await checkPage(page, 'check-answers');
  await assertHelpBox(page);
  const shown = await answersShown(page);
  const expected = {
    'Full name': applicant.fullName,
    'Email address': applicant.email,
    'UK phone number': applicant.phone,
    'Postcode': 'LS1 4AP',
    'How would you like us to contact you?': 'Email',
    'Do you want to use the Disability Confident scheme?': 'No',
    'Do any of these apply to you?': 'None of these',
    'How many paid patient and public voice roles do you hold now?': '0',
    'Tell us about your lived experience': applicant.livedExperience,
    'Will you accept the involvement payment?': applicant.acceptsPayment,
    'Do you receive state benefits?': 'Prefer not to say',
    'I will keep private anything I am told is confidential': 'Agreed',
    'Address line 2 (optional)': 'Not answered',
    ...applicant.criteria,
  };
  for (const [question, answer] of Object.entries(expected)) {
    assert.equal(shown.get(question), answer, `Check your answers shows "${question}"`);
  }

  const reference = await sendApplication(page, startedAt, applicant);
  assert.match(reference, REFERENCE);
  await checkPage(page, 'confirmation');
  assert.ok((await page.locator('main').innerText()).includes(`We have sent a message to ${applicant.email}.`),
    'the page says where the message went');
  // The role's contact details, phone as the team wrote it, so "get in touch" has somewhere to go.
  await assertHelpBox(page);

  // The acknowledgement, read as the applicant would.
  const [ack] = await waitForEmails(applicant.email, 'We have received your application');
  assert.equal(ack.subject, `We have received your application: ${LEP.title}`);
  assert.ok(ack.body.html && ack.body.text, 'the acknowledgement has both an HTML and a text part');
  assert.ok(ack.body.html.includes(reference) && ack.body.text.includes(reference), 'both parts quote the reference');
  assert.ok(ack.body.html.includes('Dear Ama &quot;Amy&quot; O&#39;Reilly-Test,'), 'the HTML part shows the name escaped');
  assert.ok(!ack.body.html.includes(applicant.fullName), 'the HTML part never holds the name unescaped');
  assert.ok(ack.body.text.includes(`Dear ${applicant.fullName},`), 'the text part shows the name as typed');
  assert.ok(ack.body.text.includes('contact Sam Example at involvement-team@example.org or call 01632 960 001.'),
    'the acknowledgement gives the contact\'s e-mail and phone');

  assert.ok(!/&(#\d+|[a-z]+);/.test(ack.body.text), 'the text part holds no HTML entities');
  await page.goto('about:blank'); // a page of its own: the site's Content-Security-Policy would block the e-mail's inline styles
  await page.setContent(ack.body.html);
  await checkEmail(page, 'acknowledgement-email');

  const link = linkInHtml(ack.body.html, 'Fill in the equal opportunities form');
  const token = new URL(link).searchParams.get('token');
  assert.ok(token, 'the link carries the monitoring token');
  assert.ok(ack.body.text.includes(link), 'the text part has the same link');
  // Beside the link, the short code a person can type on the public equal opportunities page (issue 14).
  const typed = ack.body.text.match(/Or go to (\S+) and type this code: ([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})/);
  assert.ok(typed, 'the acknowledgement gives the equal opportunities short code too');
  assert.equal(typed[1], `${new URL(link).origin}/equal-opportunities`, 'the code is typed on the public page');
  assert.ok(ack.body.html.includes(typed[2]), 'the HTML part gives the same code');

  // The answers are kept under a key only the form and the equality report can work out; note those already there.
  // Other test files send the usual answers for this role at the same time (they run three at once): a region only this
  // test gives tells its item apart, since nothing in an item says who sent it.
  const ANSWERS = { ...MONITORING_ANSWERS, 'Where do you live?': ['region', 'North East England', 'north-east-england'] };
  const earlier = new Set((await scanFor('MonitoringTable', 'roleId', LEP.id)).map(item => item.answerKey.S));
  await visit(page, link);
  await expectHeading(page, 'Equal opportunities monitoring');
  await checkPage(page, 'monitoring');
  await fillMonitoring(page, ANSWERS);
  await press(page, 'Send answers');
  await expectHeading(page, 'Thank you');
  await checkPage(page, 'monitoring-thanks');

  // Monitoring answers: the role, the answers and their key; nothing that says who gave them, not even the token.
  const added = (await scanFor('MonitoringTable', 'roleId', LEP.id)).filter(item => !earlier.has(item.answerKey.S)
    && Object.values(ANSWERS).every(([name, , value]) => plain(item).answers[name] === value));
  assert.equal(added.length, 1, 'the MonitoringTable holds one new item for these answers');
  const [monitoring] = added;
  assert.deepEqual(Object.keys(monitoring).sort(), ['answerKey', 'answers', 'roleId']);
  assert.ok(!JSON.stringify(monitoring).includes(token), 'the monitoring item does not hold the link\'s token');
  const answers = plain(monitoring).answers;
  for (const [name, , value] of Object.values(ANSWERS)) assert.equal(answers[name], value, `monitoring answer ${name}`);
  assert.equal(plain(monitoring).roleId, LEP.id);
  const monitoringText = JSON.stringify(monitoring).toLowerCase();
  for (const identifying of [applicant.email, 'reilly', applicant.phone, 'ls1 4ap', reference.toLowerCase()]) {
    assert.ok(!monitoringText.includes(identifying.toLowerCase()), `the monitoring item must not hold ${identifying}`);
  }
  for (const key of ['fullName', 'email', 'phone', 'postcode', 'reference', 'applicantKey']) {
    assert.ok(!allKeys(plain(monitoring)).has(key), `the monitoring item must not have a ${key}`);
  }

  // The application: no monitoring answer anywhere in it.
  const [application] = await scanFor('ApplicationsTable', 'reference', reference);
  assert.ok(application, 'the ApplicationsTable holds the application by its reference');
  const applicationKeys = allKeys(plain(application));
  for (const name of Object.values(MONITORING_ANSWERS).map(([key]) => key)) {
    assert.ok(!applicationKeys.has(name), `the application must not hold the monitoring answer ${name}`);
  }
  const applicationText = JSON.stringify(application);
  assert.ok(!applicationText.includes(token), 'the application does not hold the monitoring token');
  assert.ok(!applicationText.includes(monitoring.answerKey.S), 'nor the answers\' key');
  for (const value of ['white-irish', 'yorkshire-and-the-humber', 'no-religion', '35-to-44']) {
    assert.ok(!applicationText.includes(value), `the application must not hold the monitoring value ${value}`);
  }
  await page.context().close();
});
