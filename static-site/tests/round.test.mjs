// A whole recruitment round, as people run it, with nothing seeded: a member of staff publishes a role; two people
// apply on the public site (both naming referees); the closing job closes the role and the panel is e-mailed; a panel
// member scores the anonymised applications; staff record the shortlist; staff set an interview time and invite; the
// invited applicant books from the e-mail; staff record a successful interview; both referees answer from their
// e-mails; staff appoint the partner (tenure from the role's 2 years, 4 at most) and send the other applicant their
// outcome. Every applicant hears by e-mail, and the partner record holds the right dates.
//
// The second test closes every loop of a round with one place: one invited applicant withdraws through the link in their
// invitation, one never books and staff record that they did not attend, one referee is replaced (the new referee
// answers through their link, the old link says it is no longer needed), one reference is marked unsatisfactory, one
// successful applicant goes on the reserve list, and the role becomes FILLED only once every applicant has been told.
//
// One thing is done behind the system's back, because a test cannot wait a month: once both have applied, the role's
// closing date is moved to yesterday in DynamoDB Local, as the days passing would.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dynamoDb, expectHeading, fillDate, fireSchedule, launchBrowser, linkInHtml, newPage, openArea, pageChecker, plain,
  press, putPanel, putRole, scanFor, signIn, tableName, TEST_TIMEOUT_MS, uniqueEmail, visit, waitForEmails,
} from './support.mjs';
import { choose, fillIn, fillSections, newApplicant, sendApplication, startApplication } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const DAY = 24 * 3600 * 1000;
const CRITERIA = [
  'E: Recent lived experience as a person using health services, or as a carer of someone who does',
  'E: Experience of representing people who use services, carers and their communities',
  'E: Skills in developing organisation and system culture change',
  'E: A good understanding of, and commitment to, equality, diversity and inclusion',
  'D: Awareness of continuous improvement approaches',
];

/** The Monday on or after the given time: an interview week commences on a Monday. */
function mondayOnOrAfter(ms) {
  return ms + ((8 - new Date(ms).getUTCDay()) % 7) * DAY;
}

function dateParts(ms) {
  const d = new Date(ms);
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}

/** "1 September 2028": how pages and e-mails show a date. */
function shown(date) {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

async function statusOf(roleId, reference) {
  const { Items } = await dynamoDb('Query', { TableName: await tableName('ApplicationsTable'), ConsistentRead: true,
    KeyConditionExpression: 'roleId = :r', ExpressionAttributeValues: { ':r': { S: roleId } } });
  const item = Items.map(plain).find(i => i.reference === reference);
  assert.ok(item, `application ${reference} is stored`);
  return item.status;
}

/** Time passes: the role's closing date becomes yesterday, in the shape the role catalogue stores. */
async function closingDatePasses(roleId) {
  const { Item } = await dynamoDb('GetItem', { TableName: await tableName('RolesTable'), Key: { roleId: { S: roleId } }, ConsistentRead: true });
  const role = JSON.parse(Item.data.S);
  role.closingDate = new Date(Date.now() - DAY).toISOString().slice(0, 10);
  await putRole(role, `${role.closingDate}T22:59:00Z`);
  // Put back what the role's item held beside it: the panel staff chose.
  if (Item.panel) await putPanel(roleId, JSON.parse(Item.panel.S).members);
}

async function apply(person, role, checkPage) {
  const page = await newPage(browser);
  const startedAt = await startApplication(page, role);
  await fillSections(page, person, { checkPage });
  const reference = await sendApplication(page, startedAt, person);
  await page.context().close();
  return reference;
}

async function writeReference(link, checkPage, name) {
  const page = await newPage(browser);
  await visit(page, link);
  await fillIn(page, 'How do you know the applicant?', 'I chair the carers\' forum they belong to.');
  await fillIn(page, 'How long have you known them?', '3 years');
  await fillIn(page, 'What would they bring to a role like this?', 'They make sure quiet voices are heard.');
  await choose(page, 'Do you know of any reason why they should not be appointed?', 'No');
  await page.getByRole('checkbox', { name: /I confirm that what I have written is true/ }).check();
  if (checkPage) await checkPage(page, name);
  await press(page, 'Send reference');
  await expectHeading(page, 'Reference sent');
  await page.context().close();
}

/** Staff create and publish a role with `places` places; returns the role and its interview week. */
async function publishRole(staff, checkPage, { title, teamEmail, places = 1 }) {
  await openArea(staff, 'Roles');
  await staff.getByRole('link', { name: 'Create a role' }).click();
  await staff.waitForLoadState('load');
  await staff.fill('#title', title);
  await staff.fill('#programme', 'Patient voice group');
  await staff.fill('#organisation', 'Example NHS Trust');
  await staff.fill('#summary', 'Help us shape how our services listen to patients and carers.');
  await staff.fill('#whatTheRoleDoes', 'Join a monthly meeting\nReview plans with us');
  await staff.fill('#whoWeAreLookingFor', 'People with lived experience of our services');
  await staff.fill('#places', String(places));
  await staff.fill('#priorityPlaces', '1');
  await staff.fill('#priorityCommunities', 'Refugees and people seeking asylum');
  await staff.fill('#criteria', CRITERIA.join('\n'));
  const interviewWeek = mondayOnOrAfter(Date.now() + 45 * DAY);
  await fillDate(staff, 'closingDate', dateParts(Date.now() + 30 * DAY));
  await fillDate(staff, 'interviewWeek', dateParts(interviewWeek));
  await staff.fill('#meetings', 'Monthly 1-hour meeting');
  await staff.fill('#timeAsked', 'Up to 4 hours a month');
  await staff.getByLabel('A fixed amount each month').check();
  await staff.fill('#monthlyPounds', '75');
  await staff.fill('#monthlyHoursIncluded', '4');
  await staff.fill('#contactName', 'Patient voice team');
  await staff.fill('#contactEmail', 'patient-voice@example.org');
  await staff.fill('#teamEmail', teamEmail);
  await staff.fill('#benefitsAdviceEmail', 'benefits-advice@example.org');
  await press(staff, 'Save as draft');
  assert.equal(await staff.locator('.nhsuk-error-summary').count(), 0, await staff.locator('main').innerText());
  await expectHeading(staff, title);
  const roleId = new URL(staff.url()).pathname.split('/').pop();
  await press(staff, 'Publish role');
  assert.match(await staff.locator('main').innerText(), /Role published/);
  if (checkPage) await checkPage(staff, 'published');
  // Staff choose the role's shortlisting panel: Pat Panel, who scores when the role closes.
  await staff.getByRole('link', { name: 'Choose the panel' }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, 'Choose the shortlisting panel');
  await staff.getByLabel('Pat Panel (pat.panel@example.org)').check();
  await press(staff, 'Save the panel');
  assert.match(await staff.locator('main').innerText(), /The panel is saved/);
  return { role: { id: roleId, title }, interviewWeek };
}

/** The closing date passes, the closing job tells the role's panel member, who scores everyone: `strong` well. */
async function closeAndScore(role, applicants, strong, checkPage) {
  await closingDatePasses(role.id);
  await fireSchedule('ClosingJobFunction');
  const [panelEmail] = await waitForEmails('pat.panel@example.org', `Ready for scoring: ${role.title}`);
  const scoreLink = linkInHtml(panelEmail.body.html, 'Score the applications');
  const panel = await newPage(browser);
  await signIn(panel, 'Pat Panel');
  await visit(panel, new URL(scoreLink).pathname);
  await expectHeading(panel, role.title);
  if (checkPage) await checkPage(panel, 'panel-applicants');
  await panel.locator('tbody tr').first().getByRole('link').click();
  await panel.waitForLoadState('load');
  for (let n = 1; n <= applicants.length; n += 1) {
    const text = await panel.locator('main').innerText();
    for (const person of applicants) {
      for (const name of [person.fullName, person.email, person.phone]) {
        assert.ok(!text.includes(name), `the panel never sees ${name}`);
      }
    }
    const isStrong = strong.some(p => text.includes(Object.values(p.criteria)[0]));
    for (const c of CRITERIA) {
      await panel.getByRole('group', { name: `Your score for criterion: ${c.slice(3)}` })
        .getByLabel(isStrong ? '4 - Meets it very well' : '1 - Some evidence, not enough', { exact: true }).check();
    }
    if (n === 1 && checkPage) await checkPage(panel, 'panel-score');
    await press(panel, 'Save and go to the next applicant');
  }
  assert.match(await panel.locator('main').innerText(), /You have scored every applicant for this role/);
  await panel.context().close();
}

/** Staff record the shortlist, inviting the `invited` best-scored applicants (the page lists them best first). */
async function recordShortlist(staff, roleId, invited, checkPage) {
  await visit(staff, `/staff/shortlisting/${roleId}/shortlist`);
  await expectHeading(staff, 'Record the shortlist');
  const boxes = staff.locator('input[name^="invite-"]');
  for (let i = 0; i < invited; i += 1) await boxes.nth(i).check();
  if (checkPage) await checkPage(staff, 'shortlist');
  await press(staff, 'Record the shortlist');
  await expectHeading(staff, 'The shortlist is recorded');
}

/** Staff add one interview time per person and invite; each person books their own time from the e-mail. */
async function inviteAndBook(staff, roleId, interviewWeek, people, checkPage) {
  await visit(staff, `/staff/interviews/${roleId}`);
  const times = ['10:30', '11:30', '9:30', '8:30'].slice(0, people.length);
  for (const time of times) {
    await fillDate(staff, 'date', dateParts(interviewWeek + DAY));
    await staff.fill('#startTime', time.padStart(5, '0'));
    await staff.fill('#minutes', '45');
    await press(staff, 'Add time');
    assert.match(await staff.locator('main').innerText(), /Interview time added/);
  }
  await press(staff, 'Send invitations');
  if (checkPage) await checkPage(staff, 'invitations-sent');
  for (const [i, person] of people.entries()) {
    const [invitation] = await waitForEmails(person.email, 'Interview invitation');
    const applicant = await newPage(browser);
    await visit(applicant, linkInHtml(invitation.body.html, 'Choose your interview time'));
    await expectHeading(applicant, 'Choose your interview time');
    await applicant.getByLabel(new RegExp(`at ${times[i]}am`)).check(); // each morning time, as pages show it
    if (i === 0) await applicant.fill('#adjustments', 'Captions on video calls');
    if (i === 0 && checkPage) await checkPage(applicant, 'booking');
    await press(applicant, 'Book this time');
    assert.match(await applicant.locator('h1').innerText(), /Interview booked/);
    if (i === 0 && checkPage) await checkPage(applicant, 'booked');
    await applicant.context().close();
    await waitForEmails(person.email, 'Your interview is booked');
  }
}

/** Staff open an applicant's references page and record the interview result (`choice` is the option's words). */
async function recordResult(staff, roleId, reference, name, choice) {
  await visit(staff, `/staff/references/${roleId}`);
  await staff.getByRole('link', { name: new RegExp(reference) }).click();
  await staff.waitForLoadState('load');
  await expectHeading(staff, name);
  await choose(staff, 'What was the result of the interview?', choice);
  await press(staff, 'Record result');
}

async function roleStatus(roleId) {
  const { Item } = await dynamoDb('GetItem', { TableName: await tableName('RolesTable'), Key: { roleId: { S: roleId } }, ConsistentRead: true });
  return Item.status.S;
}

test('a whole round: publish, apply, close, score, shortlist, interview, references, appoint, outcomes',
  { timeout: TEST_TIMEOUT_MS * 5 }, async () => {
    const checkPage = pageChecker('round');
    const stamp = Date.now();
    const teamEmail = uniqueEmail('round-team');

    // ---------- staff publish a role ----------
    const staff = await newPage(browser);
    await signIn(staff, 'Sam Staff');
    const { role, interviewWeek } = await publishRole(staff, checkPage, { title: `Patient voice partner ${stamp}`, teamEmail });
    const { id: roleId, title } = role;

    // ---------- two people apply ----------
    const chosen = newApplicant('round-chosen', { fullName: 'Ama Roundtrip' });
    const other = newApplicant('round-other', {
      fullName: 'Bex Otherway',
      criteria: Object.fromEntries(Object.keys(chosen.criteria).map(c => [c, 'I am keen to learn about this.'])),
      priorityConnection: '',
    });
    const [chosenRef, otherRef] = await Promise.all([apply(chosen, role, checkPage), apply(other, role)]);
    for (const person of [chosen, other]) await waitForEmails(person.email, 'We have received your application');

    // ---------- the closing date passes; the closing job tells the panel; a panel member scores ----------
    await closeAndScore(role, [chosen, other], [chosen], checkPage);

    // ---------- staff record the shortlist: the stronger application is invited ----------
    await recordShortlist(staff, roleId, 1, checkPage);
    assert.equal(await statusOf(roleId, chosenRef), 'INVITED_TO_INTERVIEW');
    assert.equal(await statusOf(roleId, otherRef), 'NOT_SHORTLISTED');

    // ---------- staff set an interview time and invite; the applicant books from the e-mail ----------
    await inviteAndBook(staff, roleId, interviewWeek, [chosen], checkPage);
    assert.equal(await statusOf(roleId, chosenRef), 'INTERVIEW_BOOKED');

    // ---------- staff record a successful interview; both referees are asked ----------
    await recordResult(staff, roleId, chosenRef, chosen.fullName, 'Successful: ask for references');
    assert.match(await staff.locator('main').innerText(), /We have emailed each referee for a reference/);
    await checkPage(staff, 'interview-recorded');

    // ---------- both referees answer from their e-mails ----------
    for (const [i, referee] of chosen.referees.entries()) {
      const [request] = await waitForEmails(referee.email, 'Reference request for');
      await writeReference(linkInHtml(request.body.html, 'Write a reference'), i === 0 ? checkPage : null, 'reference');
    }
    await waitForEmails(teamEmail, `ready to appoint, application ${chosenRef}`);
    assert.equal(await statusOf(roleId, chosenRef), 'REFERENCES_RECEIVED');

    // ---------- staff appoint the partner ----------
    await openArea(staff, 'Partners');
    await staff.getByRole('link', { name: title }).click();
    await staff.waitForLoadState('load');
    await staff.getByRole('link', { name: `Appoint ${chosen.fullName}` }).click();
    await staff.waitForLoadState('load');
    const start = new Date(Date.UTC(new Date(interviewWeek).getUTCFullYear(), new Date(interviewWeek).getUTCMonth() + 1, 1));
    await fillDate(staff, 'start', dateParts(start.getTime()));
    await press(staff, 'Appoint');
    await expectHeading(staff, chosen.fullName);
    const termEnds = new Date(Date.UTC(start.getUTCFullYear() + 2, start.getUTCMonth(), 1));
    const latestEnd = new Date(Date.UTC(start.getUTCFullYear() + 4, start.getUTCMonth(), 1));
    const record = await staff.locator('main').innerText();
    assert.match(record, new RegExp(`Starts\\s+${shown(start)}`));
    assert.match(record, new RegExp(`Term ends\\s+${shown(termEnds)}`));
    assert.match(record, new RegExp(`Latest end\\s+${shown(latestEnd)}`));
    await checkPage(staff, 'partner-record');
    const [partner] = (await scanFor('PartnersTable', 'roleId', roleId)).map(plain);
    assert.ok(partner, 'the partner record is stored');
    assert.ok(JSON.stringify(partner).includes(termEnds.toISOString().slice(0, 10)), 'the stored record ends the term 2 years after the start');
    assert.ok(JSON.stringify(partner).includes(latestEnd.toISOString().slice(0, 10)), 'and can never pass 4 years');

    // ---------- staff send the other applicant their outcome ----------
    await visit(staff, `/staff/outcomes/${roleId}`);
    await staff.getByRole('link', { name: 'Send unsuccessful outcomes' }).click();
    await staff.waitForLoadState('load');
    await press(staff, 'Send outcomes');
    await checkPage(staff, 'outcomes-sent');

    // ---------- every applicant has heard ----------
    const [welcome] = await waitForEmails(chosen.email, 'Welcome: you have been appointed');
    assert.ok(welcome.body.text.includes(`Your term ends on ${shown(termEnds)}`));
    const [letter] = await waitForEmails(other.email, 'The outcome of your application');
    assert.match(letter.body.text, /Thank you for applying/);
    await visit(staff, '/staff/outcomes');
    assert.ok(!(await staff.locator('main').innerText()).includes(otherRef), 'nobody of this role is left without an outcome');
    await staff.context().close();
  });

test('every loop closes: one withdraws, one never books, a referee replaced, a reference unsatisfactory, a reserve, and FILLED only once everyone is told',
  { timeout: TEST_TIMEOUT_MS * 8 }, async () => {
    const checkPage = pageChecker('loops');
    const teamEmail = uniqueEmail('loops-team');
    const staff = await newPage(browser);
    await signIn(staff, 'Sam Staff');
    const { role, interviewWeek } = await publishRole(staff, null, { title: `Carer voice partner ${Date.now()}`, teamEmail, places: 1 });
    const roleId = role.id;

    // ---------- six people apply: five strong, one not yet ----------
    const ama = newApplicant('loops-ama', { fullName: 'Ama Replacedreferee' });
    const bo = newApplicant('loops-bo', { fullName: 'Bo Lastchecks' });
    const cy = newApplicant('loops-cy', { fullName: 'Cy Reservelist' });
    const dee = newApplicant('loops-dee', {
      fullName: 'Dee Notyet',
      criteria: Object.fromEntries(Object.keys(ama.criteria).map(c => [c, 'I am keen to learn about this.'])),
      priorityConnection: '',
    });
    const eve = newApplicant('loops-eve', { fullName: 'Eve Withdraws' });
    const fin = newApplicant('loops-fin', { fullName: 'Fin Neverbooks' });
    const [amaRef, boRef, cyRef, deeRef, eveRef, finRef] = await Promise.all([ama, bo, cy, dee, eve, fin].map(p => apply(p, role)));
    await closeAndScore(role, [ama, bo, cy, dee, eve, fin], [ama, bo, cy, eve, fin]);
    await recordShortlist(staff, roleId, 5);
    assert.equal(await statusOf(roleId, deeRef), 'NOT_SHORTLISTED');
    await inviteAndBook(staff, roleId, interviewWeek, [ama, bo, cy]);

    // ---------- Eve withdraws through the link in her invitation; Fin never books, and staff record it ----------
    const [eveInvitation] = await waitForEmails(eve.email, 'Interview invitation');
    const leaving = await newPage(browser);
    await visit(leaving, new URL(linkInHtml(eveInvitation.body.html, 'Withdraw my application')).pathname);
    await expectHeading(leaving, 'Withdraw your application');
    await press(leaving, 'Yes, withdraw my application');
    await expectHeading(leaving, 'Your application has been withdrawn');
    await leaving.context().close();
    await waitForEmails(eve.email, 'You have withdrawn your application');
    assert.equal(await statusOf(roleId, eveRef), 'WITHDRAWN');
    await waitForEmails(fin.email, 'Interview invitation');
    await visit(staff, `/staff/interviews/${roleId}`);
    await staff.getByRole('button', { name: `Did not attend ${finRef}` }).click();
    await staff.waitForLoadState('load');
    assert.match(await staff.locator('main').innerText(), /Recorded that they did not attend/);
    const [finLetter] = await waitForEmails(fin.email, 'Your interview for');
    assert.match(finLetter.body.text, /We are sorry we did not see you/);
    assert.equal(await statusOf(roleId, finRef), 'DID_NOT_ATTEND');

    // ---------- Bo is successful, but their first reference is unsatisfactory ----------
    await recordResult(staff, roleId, boRef, bo.fullName, 'Successful: ask for references');
    assert.match(await staff.locator('main').innerText(), /We have emailed each referee for a reference/);
    const [boRequest] = await waitForEmails(bo.referees[0].email, 'Reference request for');
    await writeReference(linkInHtml(boRequest.body.html, 'Write a reference'), null, 'bo-reference');
    await visit(staff, `/staff/references/${roleId}/${boRef}`);
    await staff.getByRole('link', { name: /Mark this reference unsatisfactory \(First referee/ }).click();
    await staff.waitForLoadState('load');
    await expectHeading(staff, 'Mark the first reference unsatisfactory');
    await press(staff, 'Mark unsatisfactory and end the application');
    assert.match(await staff.locator('.nhsuk-error-summary').innerText(), /Enter why the reference is unsatisfactory/);
    await checkPage(staff, 'unsatisfactory-errors');
    await fillIn(staff, 'Why is the reference unsatisfactory?', 'The referee raised a safeguarding concern.');
    await press(staff, 'Mark unsatisfactory and end the application');
    assert.match(await staff.locator('main').innerText(), /Reference marked unsatisfactory/);
    assert.match(await staff.locator('main').innerText(), /Reason \(for staff only\): The referee raised a safeguarding concern/);
    await checkPage(staff, 'unsatisfactory-marked');
    assert.equal(await statusOf(roleId, boRef), 'NOT_APPOINTED');

    // ---------- the place is free again: Ama is successful, and her first referee is replaced ----------
    await recordResult(staff, roleId, amaRef, ama.fullName, 'Successful: ask for references');
    assert.match(await staff.locator('main').innerText(), /We have emailed each referee for a reference/);
    const [oldRequest] = await waitForEmails(ama.referees[0].email, 'Reference request for');
    const oldLink = linkInHtml(oldRequest.body.html, 'Write a reference');
    await staff.getByRole('link', { name: /Replace this referee \(First referee/ }).click();
    await staff.waitForLoadState('load');
    await expectHeading(staff, 'Replace the first referee');
    await checkPage(staff, 'replace-referee');
    const newReferee = { name: 'Sol Newreferee', email: uniqueEmail('loops-ama-referee3') };
    await fillIn(staff, 'New referee\'s full name', newReferee.name);
    await fillIn(staff, 'New referee\'s email address', newReferee.email);
    await fillIn(staff, 'How does the applicant know them?', 'Runs the carers\' group she goes to');
    await fillIn(staff, 'How long has the applicant known them?', '5 years');
    await press(staff, 'Replace referee and send the request');
    assert.match(await staff.locator('main').innerText(), /Referee replaced/);
    assert.match(await staff.locator('main').innerText(), /First referee: Sol Newreferee/);
    await checkPage(staff, 'referee-replaced');

    const oldReferee = await newPage(browser);
    await visit(oldReferee, new URL(oldLink).pathname, 410);
    await expectHeading(oldReferee, 'This reference is no longer needed');
    await checkPage(oldReferee, 'old-link');
    await oldReferee.context().close();
    const [newRequest] = await waitForEmails(newReferee.email, 'Reference request for');
    assert.ok(newRequest.body.text.includes(`Dear ${newReferee.name},`));
    await writeReference(linkInHtml(newRequest.body.html, 'Write a reference'), checkPage, 'new-referee');
    const [secondRequest] = await waitForEmails(ama.referees[1].email, 'Reference request for');
    await writeReference(linkInHtml(secondRequest.body.html, 'Write a reference'), null, 'second-referee');
    await waitForEmails(teamEmail, `ready to appoint, application ${amaRef}`);
    assert.equal(await statusOf(roleId, amaRef), 'REFERENCES_RECEIVED');

    // ---------- Cy is successful when no place is left: the reserve list ----------
    await recordResult(staff, roleId, cyRef, cy.fullName, 'Successful: ask for references');
    assert.match(await staff.locator('.nhsuk-error-summary').innerText(), /Every place on this role is taken/);
    await checkPage(staff, 'no-place-left');
    await choose(staff, 'What was the result of the interview?', 'Successful, but no place is left: put them on the reserve list');
    await press(staff, 'Record result');
    assert.match(await staff.locator('main').innerText(), /on the reserve list/);
    await checkPage(staff, 'reserve');
    const [reserveLetter] = await waitForEmails(cy.email, 'Your interview for');
    assert.match(reserveLetter.body.text, /reserve list/);
    assert.equal(await statusOf(roleId, cyRef), 'RESERVE');

    // ---------- staff appoint Ama ----------
    await openArea(staff, 'Partners');
    await staff.getByRole('link', { name: role.title }).click();
    await staff.waitForLoadState('load');
    await staff.getByRole('link', { name: `Appoint ${ama.fullName}` }).click();
    await staff.waitForLoadState('load');
    const start = new Date(Date.UTC(new Date(interviewWeek).getUTCFullYear(), new Date(interviewWeek).getUTCMonth() + 1, 1));
    await fillDate(staff, 'start', dateParts(start.getTime()));
    await press(staff, 'Appoint');
    await expectHeading(staff, ama.fullName);

    // ---------- the outcomes page says what to do for each; the unsuccessful are told ----------
    await visit(staff, `/staff/outcomes/${roleId}`);
    const outcomesPage = await staff.locator('main').innerText();
    assert.match(outcomesPage, /Offer them a place, or close the reserve list/);
    await checkPage(staff, 'outcomes-role');
    await staff.getByRole('link', { name: 'Send unsuccessful outcomes' }).click();
    await staff.waitForLoadState('load');
    await expectHeading(staff, 'Send 2 unsuccessful outcomes?');
    await press(staff, 'Send outcomes');
    assert.equal(await roleStatus(roleId), 'SHORTLISTING', 'Cy has not been told, so the role is not filled');
    await visit(staff, '/staff/outcomes');
    assert.ok((await staff.locator('main').innerText()).includes(cyRef), 'the reserve is still waiting');
    await checkPage(staff, 'without-outcome');

    // ---------- no place came up: the reserve list is closed, and now everyone has been told ----------
    await visit(staff, `/staff/outcomes/${roleId}`);
    await press(staff, 'Close the reserve list and send their outcomes');
    assert.match(await staff.locator('main').innerText(), /Reserve list closed: 1 email/);
    await checkPage(staff, 'reserve-closed');
    assert.equal(await roleStatus(roleId), 'FILLED');

    const [boLetter] = await waitForEmails(bo.email, 'The outcome of your application');
    assert.match(boLetter.body.text, /We make some last checks before anyone joins us/);
    assert.ok(!boLetter.body.text.includes('safeguarding'), 'the reason stays with staff');
    const [cyLetter] = await waitForEmails(cy.email, 'The outcome of your application');
    assert.match(cyLetter.body.text, /no place has come up/);
    const [deeLetter] = await waitForEmails(dee.email, 'The outcome of your application');
    assert.match(deeLetter.body.text, /we cannot invite you to an interview this time/);
    await waitForEmails(ama.email, 'Welcome: you have been appointed');
    await visit(staff, '/staff/outcomes');
    const left = await staff.locator('main').innerText();
    for (const ref of [amaRef, boRef, cyRef, deeRef, eveRef, finRef]) assert.ok(!left.includes(ref), `${ref} has been told`);
    await staff.context().close();
  });
