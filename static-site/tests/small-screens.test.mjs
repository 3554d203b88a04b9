// Every public page at 320 CSS pixels wide (WCAG 1.4.10 Reflow: a phone, or 1280 px zoomed to 400%) reads without
// scrolling sideways, in its ordinary and its error state, with JavaScript on and off.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectHeading, launchBrowser, newPage, pageChecker, press, TEST_TIMEOUT_MS, visit } from './support.mjs';
import {
  asked, CLOSED_ROLE, ELIGIBILITY, fillSections, LEP, newApplicant, SCG, SECTIONS, sendApplication, startApplication,
} from './applicant.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** The page is no wider than the window: nothing sticks out to the right. */
async function assertNoSidewaysScroll(page, name) {
  const { scrollWidth, width, widest } = await page.evaluate(() => {
    let widest = '';
    let right = 0;
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect().right;
      if (r > right) { right = r; widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`; }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, widest };
  });
  assert.ok(scrollWidth <= width, `${name} (${page.url()}) is ${scrollWidth}px wide in a ${width}px window; widest: ${widest}`);
}

async function narrowPage(javaScriptEnabled) {
  const page = await newPage(browser, { javaScriptEnabled });
  await page.setViewportSize({ width: 320, height: 640 });
  return page;
}

for (const javaScriptEnabled of [true, false]) {
  const js = javaScriptEnabled ? 'js' : 'nojs';

  test(`at 320px (JavaScript ${javaScriptEnabled ? 'on' : 'off'}): the roles, each role, the footer's pages and not found`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await narrowPage(javaScriptEnabled);
    const checkPage = pageChecker(`320-${js}-pages`, { bestPractice: true });
    for (const [path, status] of [['/roles', 200], [`/roles/${LEP.id}`, 200], [`/roles/${SCG.id}`, 200], [`/roles/${CLOSED_ROLE.id}`, 200],
      ['/privacy', 200], ['/accessibility', 200], ['/cookies', 200], ['/no-such-page', 404]]) {
      await visit(page, path, status);
      await checkPage(page, path.replaceAll('/', '-').slice(1) || 'home');
      await assertNoSidewaysScroll(page, path);
    }
    await page.context().close();
  });

  test(`at 320px (JavaScript ${javaScriptEnabled ? 'on' : 'off'}): every section empty and filled, check answers and the confirmation`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await narrowPage(javaScriptEnabled);
    const checkPage = pageChecker(`320-${js}-journey`, { bestPractice: true });
    const applicant = newApplicant(`narrow-${js}`, { eligibility: [ELIGIBILITY.director] });
    const startedAt = await startApplication(page, LEP);
    for (const section of SECTIONS.filter(s => asked(s, applicant))) {
      await expectHeading(page, section.title);
      await assertNoSidewaysScroll(page, section.id);
      await press(page, 'Save and continue');
      await checkPage(page, `${section.id}-sent-empty`);
      await assertNoSidewaysScroll(page, `${section.id} sent empty`);
      if ((await page.locator('h1').innerText()) !== section.title) continue; // a section with nothing required
      await section.fill(page, applicant);
      await press(page, 'Save and continue');
    }
    await expectHeading(page, 'Check your answers before sending your application');
    await checkPage(page, 'check-answers');
    await assertNoSidewaysScroll(page, 'check answers');
    await sendApplication(page, startedAt, applicant);
    await checkPage(page, 'confirmation');
    await assertNoSidewaysScroll(page, 'confirmation');
    await page.context().close();
  });

  test(`at 320px (JavaScript ${javaScriptEnabled ? 'on' : 'off'}): the cannot-apply page`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await narrowPage(javaScriptEnabled);
    await startApplication(page, SCG);
    await fillSections(page, newApplicant(`narrow-refused-${js}`, { eligibility: [ELIGIBILITY.board] }), { to: 'who-can-apply' });
    await expectHeading(page, 'You cannot apply for this role');
    await assertNoSidewaysScroll(page, 'cannot apply');
    await page.context().close();
  });
}

for (const javaScriptEnabled of [true, false]) {
  test(`an error's link to a question of radios shows the question, not just its first answer (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await narrowPage(javaScriptEnabled);
    await startApplication(page, LEP);
    await fillSections(page, newApplicant('narrow-error-link'), { to: 'about-you' });
    await expectHeading(page, 'Support and adjustments');
    await press(page, 'Save and continue');
    const link = page.locator('.nhsuk-error-summary').getByRole('link', {
      name: 'Select yes if you want to use the Disability Confident scheme', exact: true });
    await link.click();
    await page.waitForFunction(() => window.scrollY > 0);
    const legend = page.getByText('Do you want to use the Disability Confident scheme?', { exact: true });
    const box = await legend.boundingBox();
    assert.ok(box.y >= -1 && box.y + box.height <= 640, `the question is in the window (its top at ${box.y}px)`);
    if (javaScriptEnabled) assert.equal(await page.evaluate(() => document.activeElement?.id), 'disabilityConfident');
    await page.context().close();
  });
}
