// A fictional applicant and the steps a person takes through the application form: every answer is given
// through the question's visible label, as a person reads it.
import assert from 'node:assert/strict';
import { expectHeading, press, uniqueEmail, visit, waitForEmails, waitForHumanPace } from './support.mjs';

// The example roles the local runtime loads (functions/handlers/.../local/ExampleRoles.java).
export const LEP = { id: 'listening-culture-lived-experience-partner', title: 'Listening Culture lived experience partner' };
export const SCG = { id: 'strategic-coproduction-group-member', title: 'Strategic Co-production Group member' };
export const CLOSED_ROLE = { id: 'maternity-services-lay-partner', title: 'Maternity services lay partner' };

/** References people can read out: INV-, then two groups of four letters and digits without vowels, 0, 1, O or I. */
export const REFERENCE = /INV-[2-9BCDFGHJKMNPQRSTVWXYZ]{4}-[2-9BCDFGHJKMNPQRSTVWXYZ]{4}/;

/** The boxes of "Do any of these apply to you?", asked first: the first four refuse, the last four mean we talk first. */
export const ELIGIBILITY = {
  board: 'I am a chair or board member of an NHS body',
  nhsEngland: 'I work for NHS England',
  healthProfessional: 'I work as a healthcare professional now',
  electedOffice: 'I am an MP or a local councillor, or I am standing for election',
  trustee: "A court or the Charity Commission took me off a charity's board (I was a charity trustee)",
  professionalBody: 'A body that checks my work, such as the General Medical Council, has stopped me working or set rules on my work',
  publicAppointment: 'My place as chair or member of a public body was ended early',
  director: 'I am banned from being a company director',
};
export const ELIGIBILITY_QUESTION = 'Do any of these apply to you?';
export const NONE_OF_THESE = 'None of these';
const TALK_FIRST = [ELIGIBILITY.trustee, ELIGIBILITY.professionalBody, ELIGIBILITY.publicAppointment, ELIGIBILITY.director];

/** Ticks (or clears) one box of a tick-all-that-apply question (the question is the fieldset's legend). */
export async function tick(page, question, box, checked = true) {
  await page.getByRole('group', { name: question, exact: true }).getByRole('checkbox', { name: box, exact: true }).setChecked(checked);
}

/** A made-up person applying for the Listening Culture role; `tag` keeps each test's e-mail address its own. */
export function newApplicant(tag, overrides = {}) {
  return {
    fullName: 'Ama "Amy" O\'Reilly-Test',
    email: uniqueEmail(tag),
    phone: '01632 960 123',
    addressLine1: '1 Example Street',
    town: 'Northfield',
    postcode: 'ls1 4ap',
    contactMethod: 'Email',
    supportNeeds: 'Papers a week before meetings, please.',
    adjustments: 'Captions on video calls.',
    otherFormat: 'Large print',
    disabilityConfident: 'No',
    eligibility: [], // the boxes ticked; none means "None of these"
    paidRolesHeld: '0',
    criteria: {
      'Recent lived experience as a person using health services, or as a carer of someone who does':
        'I have cared for my father through two years of cancer treatment at our local hospital.',
      'Experience of representing people who use services, carers and their communities':
        'I chair our surgery\'s patient participation group and report back to the carers\' forum.',
      'Skills in developing organisation and system culture change':
        'I helped a voluntary group change how it gathers and acts on feedback from families.',
      'A good understanding of, and commitment to, equality, diversity and inclusion':
        'I make sure our group hears from people whose first language is not English.',
      'Awareness of continuous improvement approaches (desirable)': 'I have used plan, do, study, act cycles at work.',
    },
    livedExperience: 'Carer for a parent with cancer; regular user of outpatient services myself.',
    networks: 'A carers\' network and a community health forum.',
    interestAreas: 'Cancer care, carers\' support and how services listen to complaints.',
    priorityConnection: 'I volunteer with a group supporting refugees to register with a GP.',
    acceptsPayment: 'Yes, I will accept the payment',
    receivesBenefits: 'Prefer not to say',
    referees: [
      { name: 'Robin Refereeone', relationship: 'My manager at the food bank where I volunteer', knownFor: '4 years',
        email: uniqueEmail(`${tag}-referee1`), phone: '01632 960 301' },
      { name: 'Kit Refereetwo', relationship: 'Chair of the carers\' forum I belong to', knownFor: '2 years',
        email: uniqueEmail(`${tag}-referee2`), phone: '01632 960 302' },
    ],
    ...overrides,
  };
}

/** Chooses one answer to a question shown as radios (the question is the fieldset's legend). */
export async function choose(page, question, answer) {
  await page.getByRole('group', { name: question, exact: true }).getByRole('radio', { name: answer, exact: true }).check();
}

export async function fillIn(page, label, value) {
  await page.getByLabel(label, { exact: true }).fill(value);
}

/** How the referees' questions name each referee ("your first referee"). */
export const REFEREE_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

/** The form's sections in order, each filled from the applicant's answers. */
export const SECTIONS = [
  { id: 'who-can-apply', title: 'Who can apply', async fill(page, a) {
    if (a.eligibility.length === 0) await tick(page, ELIGIBILITY_QUESTION, NONE_OF_THESE);
    for (const box of a.eligibility) await tick(page, ELIGIBILITY_QUESTION, box);
  } },
  // Asked only after a "talk to us first" box; every question on it may be left empty.
  { id: 'tell-us-more', title: 'Tell us more', when: a => a.eligibility.some(box => TALK_FIRST.includes(box)), async fill() {} },
  { id: 'paid-roles', title: 'Paid roles you hold now', async fill(page, a) {
    await fillIn(page, 'How many paid patient and public voice roles do you hold now?', a.paidRolesHeld);
  } },
  { id: 'about-you', title: 'About you', async fill(page, a) {
    await fillIn(page, 'Full name', a.fullName);
    await fillIn(page, 'Email address', a.email);
    await fillIn(page, 'UK phone number', a.phone);
    await fillIn(page, 'Address line 1', a.addressLine1);
    await fillIn(page, 'Town or city', a.town);
    await fillIn(page, 'Postcode', a.postcode);
    await choose(page, 'How would you like us to contact you?', a.contactMethod);
  } },
  { id: 'support', title: 'Support and adjustments', async fill(page, a) {
    await fillIn(page, 'Do you have any support needs? (optional)', a.supportNeeds);
    await fillIn(page, 'Do you need any changes or support for an interview or meetings? (optional)', a.adjustments);
    await fillIn(page, 'Would you like information in another format? (optional)', a.otherFormat);
    await choose(page, 'Do you want to use the Disability Confident scheme?', a.disabilityConfident);
  } },
  { id: 'skills-and-experience', title: 'Skills and experience', async fill(page, a) {
    for (const [criterion, answer] of Object.entries(a.criteria)) await fillIn(page, criterion, answer);
  } },
  { id: 'lived-experience', title: 'Your lived experience', async fill(page, a) {
    await fillIn(page, 'Tell us about your lived experience', a.livedExperience);
    await fillIn(page, 'Which networks or communities do you draw on? (optional)', a.networks);
    await fillIn(page, 'Which areas of health and care interest you most?', a.interestAreas);
    await fillIn(page, 'Do you have a connection with any of these communities? (optional)', a.priorityConnection);
  } },
  { id: 'payment', title: 'Involvement payment', async fill(page, a) {
    await choose(page, 'Will you accept the involvement payment?', a.acceptsPayment);
    await choose(page, 'Do you receive state benefits?', a.receivesBenefits);
  } },
  { id: 'referees', title: 'Referees', async fill(page, a) {
    for (const [i, r] of a.referees.entries()) {
      const which = REFEREE_ORDINALS[i];
      await fillIn(page, `${which[0].toUpperCase()}${which.slice(1)} referee's full name`, r.name);
      await fillIn(page, `How does your ${which} referee know you?`, r.relationship);
      await fillIn(page, `How long has your ${which} referee known you?`, r.knownFor);
      await fillIn(page, `${which[0].toUpperCase()}${which.slice(1)} referee's email address`, r.email);
      await fillIn(page, `${which[0].toUpperCase()}${which.slice(1)} referee's telephone number`, r.phone);
    }
  } },
  { id: 'declarations', title: 'Declarations', async fill(page) {
    await page.getByRole('checkbox', { name: 'I have read the privacy notice. I agree that you can use my details to judge my application', exact: true }).check();
    await page.getByRole('checkbox', { name: 'I will keep private anything I am told is confidential', exact: true }).check();
  } },
];

/** Opens the role's page and presses Start now; returns when the draft was started (ms), for the human pace. */
export async function startApplication(page, role, { checkPage } = {}) {
  await visit(page, `/roles/${role.id}`);
  await expectHeading(page, role.title);
  if (checkPage) await checkPage(page, 'role');
  await press(page, 'Start now');
  // Taken once the draft exists, so the server's start is no later than this: waiting the quickest human pace from
  // here is enough however long the request took on a busy machine.
  return Date.now();
}

/**
 * Fills sections in order, from the page the person is on, pressing Save and continue on each.
 * `from` and `to` are section ids (inclusive); `checkPage` sees each section before it is filled.
 */
export async function fillSections(page, applicant, { from = SECTIONS[0].id, to = SECTIONS.at(-1).id, checkPage } = {}) {
  const first = SECTIONS.findIndex(s => s.id === from);
  const last = SECTIONS.findIndex(s => s.id === to);
  assert.ok(first >= 0 && last >= first, `no sections from ${from} to ${to}`);
  for (const section of SECTIONS.slice(first, last + 1)) {
    if (!asked(section, applicant)) continue;
    await expectHeading(page, section.title);
    if (checkPage) await checkPage(page, section.id);
    await section.fill(page, applicant);
    await press(page, 'Save and continue');
  }
}

/** Whether this applicant is asked the section (some are asked only after certain answers). */
export function asked(section, applicant) {
  return !section.when || section.when(applicant);
}

/** The rows of every summary list on the page: question to the answer shown. */
export async function answersShown(page) {
  const rows = await page.locator('.nhsuk-summary-list__row').evaluateAll(els => els.map(el => [
    el.querySelector('.nhsuk-summary-list__key')?.innerText.trim(),
    el.querySelector('.nhsuk-summary-list__value')?.innerText.trim(),
  ]));
  return new Map(rows);
}

/**
 * On Check your answers: waits as a person would take, presses Send application, and returns the reference from the
 * applicant's acknowledgement e-mail (the page after sending never shows one, so that it reveals nothing to someone
 * using another person's address).
 */
export async function sendApplication(page, startedAt, applicant) {
  await expectHeading(page, 'Check your answers before sending your application');
  await waitForHumanPace(startedAt);
  await press(page, 'Send application');
  await expectHeading(page, 'Application sent');
  await assertRevealsNothing(page);
  return referenceEmailed(applicant);
}

export const ACKNOWLEDGEMENT = 'We have received your application';

/** The acknowledgement e-mail the applicant was sent (the only one, by its subject). */
export async function acknowledgementTo(applicant) {
  const [ack] = await waitForEmails(applicant.email, ACKNOWLEDGEMENT);
  return ack;
}

/** The reference in the applicant's acknowledgement e-mail. */
export async function referenceEmailed(applicant) {
  const ack = await acknowledgementTo(applicant);
  const match = ack.body.text.match(REFERENCE);
  assert.ok(match, `no reference like INV-XXXX-XXXX in the acknowledgement: ${ack.body.text}`);
  return match[0];
}

/** The page after sending shows no reference, no equal opportunities link and nothing about applying before. */
export async function assertRevealsNothing(page) {
  const html = await page.content();
  assert.ok(!REFERENCE.test(html), 'the page after sending shows no reference');
  assert.ok(!html.includes('/monitoring'), 'the page after sending has no link to the equal opportunities form');
  assert.ok(!/already/i.test(await page.locator('main').innerText()), 'the page after sending says nothing about applying before');
}

/** Equal-opportunities answers, by question: the label to choose. */
export const MONITORING_ANSWERS = {
  'What is your age?': ['ageBand', '35 to 44', '35-to-44'],
  'What is your sex?': ['sex', 'Prefer not to say', 'prefer-not-to-say'],
  'Is the gender you identify with the same as your sex registered at birth?': ['genderSameAsBirth', 'Yes', 'yes'],
  'Which of the following best describes your sexual orientation?': ['sexualOrientation', 'Prefer not to say', 'prefer-not-to-say'],
  'What is your ethnic group?': ['ethnicGroup', 'White: Irish', 'white-irish'],
  'What is your religion?': ['religion', 'No religion', 'no-religion'],
  'Do you have a physical or mental health condition or illness that has lasted, or is expected to last, 12 months or more?':
    ['disability', 'Prefer not to say', 'prefer-not-to-say'],
  'Do you look after, or give any help or support to, anyone because of a long-term physical or mental health condition, illness or problems related to old age?':
    ['caring', 'No', 'no'],
  'Where do you live?': ['region', 'Yorkshire and the Humber', 'yorkshire-and-the-humber'],
};

export async function fillMonitoring(page, answers = MONITORING_ANSWERS) {
  for (const [question, [, label]] of Object.entries(answers)) await choose(page, question, label);
}

/**
 * The help box every page of the application shows: the role's contact by name, a phone number that calls when
 * pressed, the e-mail address as a link, when we answer, and the offer to fill the form in together by telephone.
 */
export async function assertHelpBox(page) {
  const help = page.getByRole('region', { name: 'Get help with your application' });
  const text = await help.innerText();
  assert.match(text, /We can fill in the form with you by telephone\./);
  assert.match(text, /Ask for Sam Example\./);
  assert.match(text, /Monday to Friday, 9am to 5pm/);
  assert.equal(await help.getByRole('link', { name: '01632 960 001' }).getAttribute('href'), 'tel:+441632960001');
  assert.equal(await help.getByRole('link', { name: 'involvement-team@example.org' }).getAttribute('href'),
    'mailto:involvement-team@example.org');
}
