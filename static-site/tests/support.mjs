// Shared helpers for the end-to-end tests: the browser, the accessibility check and screenshots,
// the e-mail emulator and DynamoDB Local. Every wait here is bounded.
//
// Run against a running local system (infrastructure/start):  npm run test:e2e   or   node --test static-site/tests/
// Settings from the environment: BASE_URL (http://localhost:3000), SES_URL (http://localhost:8005),
// DYNAMODB_URL (http://localhost:8000), QUICKEST_HUMAN_APPLICATION_SECONDS (20, as the system under test),
// CHROMIUM_PATH (/usr/bin/chromium). Screenshots of every page met go to static-site/test-results/.
import { mkdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
export const SES_URL = (process.env.SES_URL ?? 'http://localhost:8005').replace(/\/+$/, '');
export const DYNAMODB_URL = (process.env.DYNAMODB_URL ?? 'http://localhost:8000').replace(/\/+$/, '');
export const SQS_URL = (process.env.SQS_URL ?? 'http://localhost:9324').replace(/\/+$/, '');
/** The site refuses an application sent sooner than this after it was started; people are slower. */
export const QUICKEST_HUMAN_SECONDS = Number(process.env.QUICKEST_HUMAN_APPLICATION_SECONDS ?? 20);

export const ACTION_TIMEOUT_MS = 10_000;
export const NAVIGATION_TIMEOUT_MS = 20_000;
/** A whole test: a full application takes the human pause plus a few seconds of typing. */
export const TEST_TIMEOUT_MS = (QUICKEST_HUMAN_SECONDS + 100) * 1000;

const AXE_PATH = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
let axeScript;
const axeSource = () => (axeScript ??= `${readFileSync(AXE_PATH, 'utf8')}\n;0`);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));

// ---------- browser ----------

/** Debian's Chromium, headless; without these flags connections are refused on this closed network. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// Each browser profile is a person on their own connection: the local runtime reads the client's address from
// X-Forwarded-For (everything here comes from 127.0.0.1), and applications are limited per client and hour.
let clients = 0;
const ownAddress = () => `10.${process.pid % 250}.${Math.floor(++clients / 250) % 250}.${(clients % 250) + 1}`;

/** A fresh browser profile (its own cookies, so its own draft, and its own address) and one page in it. */
export async function newPage(browser, { javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, javaScriptEnabled, locale: 'en-GB',
    viewport: { width: 1024, height: 768 }, extraHTTPHeaders: { 'X-Forwarded-For': ownAddress() } });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  const page = await context.newPage();
  page.javaScriptEnabled = javaScriptEnabled;
  // Script errors and policy refusals (a blocked script or style) show as console errors. Chromium also logs any
  // status of 400 or more, the page's own too (an error page is a 400 on purpose): those are left to the response
  // listener, which counts them for scripts, styles and images only. The NHS.UK font comes from assets.nhs.uk,
  // which this closed network cannot reach: its problems are kept apart (styling.test.mjs looks at them).
  page.problems = [];
  page.fontProblems = [];
  const note = text => (/assets\.nhs\.uk\/fonts\//.test(text) ? page.fontProblems : page.problems).push(text);
  page.on('pageerror', error => note(`script error: ${error.message}`));
  page.on('console', message => {
    // "Failed to load resource" repeats a network failure without its address; the request handlers below record it with one.
    if (message.type() === 'error' && !/^Failed to load resource: /.test(message.text())) {
      note(`console: ${message.text()}`);
    }
  });
  page.on('requestfailed', request => note(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', response => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') note(`${response.status()} for ${response.url()}`);
  });
  return page;
}

/** Opens a path and fails on anything but the expected status. */
export async function visit(page, path, expectedStatus = 200) {
  const response = await page.goto(path);
  assert.equal(response.status(), expectedStatus, `GET ${path} answered ${response.status()}`);
  return response;
}

/**
 * Presses a submit button as a person would and waits for the page it leads to: the next page after a
 * redirect, or the same page again with its errors. Works with and without JavaScript.
 */
export async function press(page, name) {
  const arrived = page.waitForEvent('framenavigated', { predicate: f => f === page.mainFrame(), timeout: NAVIGATION_TIMEOUT_MS });
  await page.getByRole('button', { name, exact: true }).click();
  await arrived;
  await page.waitForLoadState('load');
}

/** The page's one h1, as shown. */
export async function heading(page) {
  return (await page.getByRole('heading', { level: 1 }).innerText()).trim();
}

export async function expectHeading(page, text) {
  assert.equal(await heading(page), text, `expected the page headed "${text}" at ${page.url()}`);
}

// ---------- accessibility and screenshots ----------

/**
 * Every page a test meets: checked with axe-core against WCAG 2.2 AA and saved as a screenshot.
 * Returns a function taking the page's short name; screenshots are numbered in the order met.
 */
export function pageChecker(prefix, { bestPractice = false } = {}) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  let n = 0;
  return async function checkPage(page, name) {
    n += 1;
    const file = `${RESULTS_DIR}${prefix}-${String(n).padStart(2, '0')}-${name}.png`;
    // A screenshot waits for the page's fonts; on a busy machine that can take longer than an action's usual
    // 10 s (seen once in CI at 320px), so it may wait 30 s.
    await page.screenshot({ path: file, fullPage: true, timeout: 30_000 });
    assert.deepEqual(page.problems ?? [], [], `${prefix}/${name}: the page's scripts, styles or images had problems`);
    // axe needs page scripts; with JavaScript off the same HTML is checked by the other tests.
    if (page.javaScriptEnabled !== false) await assertAccessible(page, `${prefix}/${name}`, { bestPractice });
  };
}

/** With `bestPractice`, axe-core's best-practice rules too (landmarks, heading order, one main, ...). */
export async function assertAccessible(page, label, { bestPractice = false } = {}) {
  // Not page.addScriptTag: the site's Content-Security-Policy rightly refuses inline scripts, and the tests keep it
  // enforced (no bypassCSP) so they would notice a page that breaks under it. Evaluating through the DevTools
  // protocol is not subject to the page's policy.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource());
  const violations = await page.evaluate(tags => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
  }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(node => node.target.join(' ')) }))), bestPractice ? [...AXE_TAGS, 'best-practice'] : AXE_TAGS);
  const described = violations.map(v => `  ${v.id} (${v.impact}): ${v.help}\n    at ${v.targets.join('\n    at ')}`).join('\n');
  assert.equal(violations.length, 0, `WCAG 2.2 AA violations on ${label} (${page.url()}):\n${described}`);
}

// ---------- staff ----------

/** Signs in as one of the local runtime's made-up people ("Sam Staff", "Pat Panel") and lands on the staff home. */
export async function signIn(page, name) {
  await visit(page, '/staff/sign-in');
  await page.getByLabel(name, { exact: true }).check();
  await press(page, 'Sign in');
  await expectHeading(page, 'Involve staff');
}

/** Fills an NHS.UK date input whose fields are `${name}-day`, `-month` and `-year`. */
export async function fillDate(page, name, { day, month, year }) {
  await page.fill(`#${name}-day`, day);
  await page.fill(`#${name}-month`, month);
  await page.fill(`#${name}-year`, year);
}

/** Follows the staff menu to an area ("Shortlisting"). */
export async function openArea(page, label) {
  const menu = page.getByRole('navigation', { name: 'Staff menu' });
  const link = menu.getByRole('link', { name: label, exact: true });
  // On a narrow window the NHS.UK header moves the areas that do not fit under "More", as a person would find them.
  if (!(await link.isVisible())) await menu.locator('#toggle-menu').click();
  await link.click();
  await page.waitForLoadState('load');
}

/** Runs a scheduled job now, as its schedule would (the local runtime's control). */
export async function fireSchedule(functionId) {
  const response = await fetch(`${BASE_URL}/_local/schedules/${functionId}`, { method: 'POST', signal: AbortSignal.timeout(60_000) });
  assert.ok(response.ok, `firing ${functionId} answered ${response.status}`);
}

// ---------- waiting like a person ----------

/** Waits until a person could really have filled the form in since `startedAt` (ms), with a second to spare. */
export async function waitForHumanPace(startedAt) {
  const ready = startedAt + QUICKEST_HUMAN_SECONDS * 1000 + 1000;
  const wait = ready - Date.now();
  if (wait > 0) await sleep(wait);
}

/** An address nobody else's test will use, so tests need no clean store. */
export function uniqueEmail(tag) {
  return `e2e-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}

// ---------- the e-mail emulator (aws-ses-v2-local) ----------

export async function emailsTo(address) {
  const response = await fetch(`${SES_URL}/store`, { signal: AbortSignal.timeout(ACTION_TIMEOUT_MS) });
  assert.ok(response.ok, `the e-mail emulator answered ${response.status}`);
  const { emails } = await response.json();
  const wanted = address.toLowerCase();
  return emails.filter(e => [...(e.destination?.to ?? []), ...(e.destination?.cc ?? []), ...(e.destination?.bcc ?? [])]
    .some(to => to.toLowerCase().includes(wanted)));
}

/** Polls the emulator until `count` e-mails to the address have a subject containing `subject`. */
export async function waitForEmails(address, subject, { count = 1, timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let found = [];
  while (Date.now() < deadline) {
    found = (await emailsTo(address)).filter(e => e.subject.includes(subject));
    if (found.length >= count) return found;
    await sleep(500);
  }
  assert.fail(`expected ${count} e-mail(s) to ${address} with "${subject}" within ${timeoutMs} ms; found ${found.length}`);
}

/** The href of the link whose text is `text` in an e-mail's HTML part, unescaped. */
export function linkInHtml(html, text) {
  const match = [...html.matchAll(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].find(m => m[2].trim() === text);
  assert.ok(match, `no link "${text}" in the e-mail`);
  return match[1].replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>');
}

// ---------- DynamoDB Local, through its HTTP API ----------

async function dynamo(action, body) {
  const response = await fetch(DYNAMODB_URL, {
    method: 'POST',
    headers: {
      'X-Amz-Target': `DynamoDB_20120810.${action}`,
      'Content-Type': 'application/x-amz-json-1.0',
      // DynamoDB Local accepts any signature.
      Authorization: 'AWS4-HMAC-SHA256 Credential=local/20250101/eu-west-2/dynamodb/aws4_request, SignedHeaders=host, Signature=x',
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(ACTION_TIMEOUT_MS),
  });
  const text = await response.text();
  assert.ok(response.ok, `DynamoDB ${action} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/**
 * Puts a message on a template queue of the local ElasticMQ ("MailFeedbackQueue"), as an AWS service would (SES
 * notices arrive there through SNS in AWS).
 */
export async function sendToQueue(logicalId, body) {
  const form = (params) => new URLSearchParams({ Version: '2012-11-05', ...params });
  const found = await fetch(SQS_URL, { method: 'POST', body: form({ Action: 'GetQueueUrl', QueueName: logicalId }) });
  const xml = await found.text();
  assert.ok(found.ok, `ElasticMQ has no queue ${logicalId}: ${xml}`);
  const queueUrl = xml.match(/<QueueUrl>([^<]+)<\/QueueUrl>/)[1];
  const sent = await fetch(SQS_URL, { method: 'POST', body: form({ Action: 'SendMessage', QueueUrl: queueUrl, MessageBody: body }) });
  assert.ok(sent.ok, `ElasticMQ refused the message: ${await sent.text()}`);
}

/**
 * Moves the page's application draft's start to now, as if the person had only just pressed Start now, and returns it
 * (ms). For the quickest-human-pace check: filling every section in the browser can take longer than that pace on a
 * busy machine, and the refusal must be tested however fast the form was filled in.
 */
export async function restartDraft(page) {
  const cookie = (await page.context().cookies()).find(c => c.name === 'involve-draft');
  assert.ok(cookie, 'no draft cookie: the application was not started');
  const TableName = await tableName('DraftsTable');
  const Key = { draftId: { S: cookie.value } };
  const { Item } = await dynamo('GetItem', { TableName, Key, ConsistentRead: true });
  assert.ok(Item?.data?.S, 'the draft is not stored');
  const draft = JSON.parse(Item.data.S);
  assert.ok(draft.startedAt, 'the stored draft has no start time');
  const startedAt = Date.now();
  draft.startedAt = new Date(startedAt).toISOString();
  await dynamo('UpdateItem', {
    TableName, Key, UpdateExpression: 'SET #data = :data', ConditionExpression: 'attribute_exists(draftId)',
    ExpressionAttributeNames: { '#data': 'data' }, ExpressionAttributeValues: { ':data': { S: JSON.stringify(draft) } },
  });
  return startedAt;
}

/** Any DynamoDB Local action, for seeding what an area not under test would have written. */
export const dynamoDb = dynamo;

/** The local name of a template table ("MonitoringTable"), allowing for a prefix or suffix. */
export async function tableName(logicalId) {
  const names = [];
  let start;
  do {
    const page = await dynamo('ListTables', start ? { ExclusiveStartTableName: start } : {});
    names.push(...page.TableNames);
    start = page.LastEvaluatedTableName;
  } while (start);
  const name = names.find(n => n === logicalId) ?? names.find(n => n.includes(logicalId));
  assert.ok(name, `no table like ${logicalId} in DynamoDB Local; tables: ${names.join(', ')}`);
  return name;
}

/** A time as the stores keep it in keys: ISO-8601 UTC with nine fraction digits (Java's fixed-width form). */
export function sortableTime(time) {
  return new Date(time).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** Stores a role as the role catalogue does: JSON in `data`, with its status and closing time beside it for the index. */
export async function putRole(role, closesAt) {
  await dynamo('PutItem', { TableName: await tableName('RolesTable'), Item: {
    roleId: { S: role.id }, status: { S: role.status }, closesAt: { S: sortableTime(closesAt) }, data: { S: JSON.stringify(role) },
  } });
}

/** The local runtime's made-up people in the panel group, as a role's panel keeps them. */
export const PANEL_PEOPLE = {
  pat: { id: 'local-pat-panel', name: 'Pat Panel', email: 'pat.panel@example.org' },
  alex: { id: 'local-alex-allroles', name: 'Alex Allroles', email: 'alex.allroles@example.org' },
};

/** Gives a stored role its shortlisting panel as choosing one does: JSON in `panel`, beside the role. */
export async function putPanel(roleId, members) {
  await dynamo('UpdateItem', { TableName: await tableName('RolesTable'), Key: { roleId: { S: roleId } },
    UpdateExpression: 'SET panel = :p', ExpressionAttributeValues: { ':p': { S: JSON.stringify({ members }) } } });
}

/**
 * Stores an application as DynamoApplicationStore does, at its status, with no step of the round recorded yet: in the
 * staff queues' sparse indexes it belongs in, and counted in its role's count of applications (DynamoApplicationCounts).
 */
export async function putApplication(application) {
  const TableName = await tableName('ApplicationsTable');
  const asks = ['otherFormat', 'supportNeeds', 'adjustments'].some(q => (application.answers?.[q] ?? '').trim() !== '');
  const { Attributes } = await dynamo('PutItem', { TableName, ReturnValues: 'ALL_OLD', Item: {
    roleId: { S: application.roleId }, applicantKey: { S: application.applicantKey }, reference: { S: application.reference },
    status: { S: application.status }, submittedAt: { S: sortableTime(application.submittedAt) }, progress: { M: {} },
    data: { S: JSON.stringify(application) },
    // Until the applicant has heard their outcome it is in the sparse index the outcome pages and reminder read.
    ...(['WITHDRAWN', 'DID_NOT_ATTEND'].includes(application.status) ? {} : { outcomeAwaited: { S: 'AWAITED' } }),
    ...(application.status === 'HELD_TO_TALK_FIRST' ? { talkFirstHeld: { S: 'HELD' } } : {}),
    ...(asks ? { supportWaiting: { S: 'WAITING' } } : {}),
  } });
  if (!Attributes) await dynamo('UpdateItem', { TableName,
    Key: { roleId: { S: '#counts' }, applicantKey: { S: `count#${application.roleId}` } },
    UpdateExpression: 'ADD applications :one', ExpressionAttributeValues: { ':one': { N: '1' } } });
}

/** Every item of a table whose attribute equals a string value, as raw DynamoDB JSON. */
export async function scanFor(logicalId, attribute, value) {
  const TableName = await tableName(logicalId);
  const items = [];
  let ExclusiveStartKey;
  do {
    const page = await dynamo('Scan', {
      TableName, ConsistentRead: true, ExclusiveStartKey,
      FilterExpression: '#a = :v', ExpressionAttributeNames: { '#a': attribute }, ExpressionAttributeValues: { ':v': { S: value } },
    });
    items.push(...page.Items);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** DynamoDB JSON to plain values: { S: 'x' } to 'x', { M: {...} } to an object, and so on. */
export function plain(value) {
  if (value === null || typeof value !== 'object') return value;
  if ('S' in value) return value.S;
  if ('N' in value) return Number(value.N);
  if ('BOOL' in value) return value.BOOL;
  if ('NULL' in value) return null;
  if ('M' in value) return plain(value.M);
  if ('L' in value) return value.L.map(plain);
  if ('SS' in value) return value.SS;
  if ('NS' in value) return value.NS.map(Number);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}

/** Every key at any depth of a value, parsing strings that hold JSON (such as an item's `data`). */
export function allKeys(value, keys = new Set()) {
  if (typeof value === 'string' && /^\s*[{[]/.test(value)) {
    try { return allKeys(JSON.parse(value), keys); } catch { return keys; }
  }
  if (Array.isArray(value)) value.forEach(v => allKeys(v, keys));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) { keys.add(k); allKeys(v, keys); }
  }
  return keys;
}

/**
 * Posts a form as the site's own page would: the site refuses any POST without its own Origin (a form from another
 * website), and page.request sends none, unlike Chromium posting a form.
 */
export function postFromSite(page, path, options = {}) {
  return page.request.post(path, { ...options, headers: { origin: BASE_URL, ...options.headers } });
}

/**
 * Visits a page until `ready(page)` holds, for a page published to the site bucket: the SitePublisherFunction
 * publishes a role's change within seconds of it, not in the same request (issue 12, item 1).
 */
export async function visitWhenPublished(page, path, ready, what, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await visit(page, path);
    if (await ready(page)) return;
    assert.ok(Date.now() < until, `${what}: ${path} did not show it within ${timeoutMs} ms`);
    await new Promise(r => setTimeout(r, 250));
  }
}

// ---------- the UK day's edge ----------

/** The longest {@link clearOfUkMidnight} waits with this margin: add it to the timeout of a test that calls it. */
export const ukMidnightWaitMs = marginMs => marginMs + 3 * 60_000;

/**
 * For a test that reads today's UK date once and relies on it staying today (it plans something "today at 12:01am"
 * and must then find it started, or expects a date the server works out later to be that day): when UK midnight is
 * less than `marginMs` away (give the test's own timeout, so no run can cross it), or passed less than two minutes
 * ago, waits until two minutes past it. So the test does not depend on the time of day it runs at (the CI machine is
 * slow). Returns at once at any other time.
 */
export async function clearOfUkMidnight(marginMs) {
  const wait = ukMidnightWait(new Date(), marginMs);
  if (wait > 0) await sleep(wait);
}

/** How long {@link clearOfUkMidnight} waits at `now` (0: not near UK midnight). */
export function ukMidnightWait(now, marginMs) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' })
    .formatToParts(now);
  const get = type => Number(parts.find(p => p.type === type).value);
  const sinceMidnight = ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000;
  const untilMidnight = 24 * 3600_000 - sinceMidnight;
  const after = 2 * 60_000;
  if (sinceMidnight < after) return after - sinceMidnight + 1000;
  if (untilMidnight < marginMs) return untilMidnight + after + 1000;
  return 0;
}
