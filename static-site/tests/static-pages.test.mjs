// The pages that are the same for everyone are published to the site bucket and served from it, as CloudFront
// serves them (issue 12, item 1): the local runtime reads the template's distribution and serves those GETs from the
// S3 emulator (X-Involve-Origin: SiteBucket), with the response headers policy's one CSP. A change to a role is
// published within seconds (the SitePublisherFunction on the roles table's stream); a withdrawn role's page goes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, dynamoDb, expectHeading, launchBrowser, newPage, pageChecker, tableName, TEST_TIMEOUT_MS, visit } from './support.mjs';
import { CLOSED_ROLE, LEP } from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const fromBucket = response => response.headers.get('x-involve-origin') === 'SiteBucket';

/** Polls a page until `done(response, body)`: publishing follows a change within seconds, not at once. */
async function eventually(path, done, what, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    const response = await fetch(BASE_URL + path, { redirect: 'manual' });
    const body = await response.text();
    last = `${response.status} ${response.headers.get('x-involve-origin') ?? 'function'}`;
    if (done(response, body)) return body;
    await new Promise(r => setTimeout(r, 250));
  }
  assert.fail(`${what}: ${path} was still ${last} after ${timeoutMs} ms`);
}

test('the open roles, each role, the privacy notice, accessibility and cookies pages come from the site bucket', { timeout: TEST_TIMEOUT_MS }, async () => {
  for (const path of ['/roles', '/', `/roles/${LEP.id}`, `/roles/${CLOSED_ROLE.id}`, '/privacy', '/accessibility', '/cookies']) {
    await eventually(path, r => r.status === 200 && fromBucket(r), 'published at start');
    const response = await fetch(BASE_URL + path);
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /default-src 'self'/, path);
    assert.match(csp, /frame-ancestors 'none'/, path);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    assert.match(response.headers.get('permissions-policy'), /camera=\(\)/, path);
    assert.match(response.headers.get('content-type'), /^text\/html/, path);
  }
  // What depends on the person never comes from the bucket.
  const section = await fetch(`${BASE_URL}/roles/${LEP.id}/apply/about-you`, { redirect: 'manual' });
  assert.notEqual(section.headers.get('x-involve-origin'), 'SiteBucket');
  const staff = await fetch(`${BASE_URL}/staff/roles`, { redirect: 'manual' });
  assert.notEqual(staff.headers.get('x-involve-origin'), 'SiteBucket');

  // A published page is a whole, styled, accessible page, and its Start button posts to the site.
  const page = await newPage(browser);
  const checkPage = pageChecker('static-pages');
  const visited = await visit(page, `/roles/${LEP.id}`);
  assert.equal(visited.headers()['x-involve-origin'], 'SiteBucket');
  await expectHeading(page, LEP.title);
  await checkPage(page, 'role');
  assert.equal(await page.locator(`form[action$="/roles/${LEP.id}/apply"]`).count(), 1);
  await page.context().close();
});

test('a role opened is published within seconds and a withdrawn role\'s page is removed', { timeout: TEST_TIMEOUT_MS }, async () => {
  const table = await tableName('RolesTable');
  const { Item: item } = await dynamoDb('GetItem', { TableName: table, Key: { roleId: { S: LEP.id } }, ConsistentRead: true });
  const role = JSON.parse(item.data.S);
  const id = `static-${Date.now().toString(36)}`;
  const title = `Published page check ${id}`;
  const put = status => dynamoDb('PutItem', { TableName: table, Item: {
    ...item, roleId: { S: id }, status: { S: status }, data: { S: JSON.stringify({ ...role, id, title, status }) },
  } });

  await put('OPEN');
  const page = await eventually(`/roles/${id}`, r => r.status === 200 && fromBucket(r), 'the new role published');
  assert.ok(page.includes(title));
  await eventually('/roles', (r, body) => fromBucket(r) && body.includes(title), 'the new role listed');

  await put('WITHDRAWN');
  await eventually(`/roles/${id}`, r => r.status === 404 && !fromBucket(r), 'the withdrawn role\'s page removed');
  await eventually('/roles', (r, body) => fromBucket(r) && !body.includes(title), 'the withdrawn role unlisted');
});
