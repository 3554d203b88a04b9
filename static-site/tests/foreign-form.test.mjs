// A form sent to Involve from another website (here a page on another port of this machine that sends its form as soon
// as it opens, as a hostile page would) is refused with a plain 403 page and changes nothing: on the public site, and on
// the staff pages even with a member of staff's session cookie, which SameSite=Lax lets through from another port
// (same site, other origin). The site's own forms keep working: every other browser test posts them from Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import {
  BASE_URL, expectHeading, launchBrowser, newPage, pageChecker, signIn, TEST_TIMEOUT_MS, visit,
} from './support.mjs';
import { LEP, SCG, startApplication } from './applicant.mjs';

const REFUSED = 'This form was sent from another website';

let browser;
let elsewhere;
let server;
before(async () => {
  browser = await launchBrowser();
  // ?to=/path answers a page whose form posts itself to that path on the site.
  server = http.createServer((req, res) => {
    const to = new URL(req.url, 'http://elsewhere').searchParams.get('to') ?? '/';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Another website</title></head><body>
<form method="post" action="${BASE_URL}${encodeURI(to)}"><input type="hidden" name="website" value=""></form>
<script>document.forms[0].submit();</script></body></html>`);
  });
  await new Promise(resolve => server.listen(0, resolve));
  elsewhere = `http://localhost:${server.address().port}`;
});
after(async () => {
  await browser?.close();
  await new Promise(resolve => (server ? server.close(resolve) : resolve()));
});

/** Opens the other website's page for `path` and returns the site's answer to the form it sends. */
async function sentFromElsewhere(page, path) {
  const answered = page.waitForResponse(r => r.url() === BASE_URL + path && r.request().method() === 'POST');
  await page.goto(`${elsewhere}/?to=${encodeURIComponent(path)}`);
  const response = await answered;
  const origin = await response.request().headerValue('origin');
  assert.equal(origin, elsewhere, 'Chromium named the other website as the origin');
  await page.waitForURL(BASE_URL + path);
  await page.waitForLoadState('load');
  return response;
}

async function mainText(page) {
  return page.locator('main').innerText();
}

test('a form sent to the public site from another website starts nothing', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('foreign-form-public');
  const response = await sentFromElsewhere(page, `/roles/${LEP.id}/apply`);
  assert.equal(response.status(), 403);
  await expectHeading(page, REFUSED);
  assert.match(await mainText(page), /nothing has been saved or changed/);
  await checkPage(page, 'refused');
  const cookies = await page.context().cookies(BASE_URL);
  assert.equal(cookies.filter(c => c.name === 'involve-draft').length, 0, 'no draft was started');

  // The same form from the site's own page is answered; Chromium names the site as its origin.
  const own = page.waitForRequest(r => r.method() === 'POST');
  await startApplication(page, LEP);
  assert.equal(await (await own).headerValue('origin'), BASE_URL);
  await expectHeading(page, 'Who can apply');
  await page.context().close();
});

test('a form sent to the staff pages from another website changes nothing, even with a staff session', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(browser);
  const checkPage = pageChecker('foreign-form-staff');
  await signIn(page, 'Sam Staff');
  const response = await sentFromElsewhere(page, `/staff/roles/${SCG.id}/withdraw`);
  assert.equal(response.status(), 403);
  await expectHeading(page, REFUSED);
  assert.match(await mainText(page), /nothing has been saved or changed/);
  await checkPage(page, 'refused');

  await visit(page, '/roles');
  assert.equal(await page.getByRole('link', { name: SCG.title }).count(), 1, 'the role was not withdrawn');
  await page.context().close();
});
