// Reading age on the staff role form (issue 14, item 4): staff see how easy the role's public words are to read and
// what raises it, live as they type with JavaScript on, and with the "Check reading age" button (which saves
// nothing) with it off. The page script uses the same formula as core's kit.ReadingAge: checked here on the same
// hand-counted texts as ReadingAgeTest.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectHeading, launchBrowser, newPage, pageChecker, press, TEST_TIMEOUT_MS, visit } from './support.mjs';

const HARD = 'The group will provide strategic advice to the leadership team, ensuring that the voices of people with '
  + 'lived experience actively shape our research and innovation programme.';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the page script counts as core does', async () => {
  globalThis.document ??= { querySelectorAll: () => [] };
  const { readingAge, syllables } = await import('../assets/reading-age.mjs');
  const cases = { cat: 1, made: 1, takes: 1, stopped: 1, wanted: 2, needed: 2, table: 2, people: 2, places: 2,
    boxes: 2, reading: 2, telephone: 3, application: 4, involvement: 4, opportunities: 5, "you'll": 1, '{name}': 1,
    'involve@example.org': 1, 30: 1 };
  for (const [word, count] of Object.entries(cases)) assert.equal(syllables(word), count, word);
  const r = readingAge(['The cat sat on the mat. Then it went to sleep by the door.']);
  assert.equal(r.words, 14);
  assert.ok(Math.abs(r.age - (0.39 * 14 / 2 + 11.8 - 15.59 + 5)) < 1e-9);
  assert.deepEqual(readingAge([HARD]).longSentences, [HARD]);
});

async function newRoleForm(javaScriptEnabled) {
  const page = await newPage(browser, { javaScriptEnabled });
  await visit(page, '/staff/sign-in');
  await page.getByLabel('Sam Staff', { exact: true }).check();
  await press(page, 'Sign in');
  await visit(page, '/staff/roles/new');
  await expectHeading(page, 'Create a role');
  return page;
}

for (const javaScriptEnabled of [true, false]) {
  test(`staff see the reading age of a role and what raises it (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const page = await newRoleForm(javaScriptEnabled);
    const card = page.locator('#reading-age');
    assert.match(await card.innerText(), /How easy this role is to read/);
    await pageChecker(`reading-age-${javaScriptEnabled ? 'js' : 'nojs'}`, { bestPractice: true })(page, 'new-role');

    await page.fill('#title', 'Strategic Co-production Group member');
    await page.fill('#summary', HARD);
    if (javaScriptEnabled) {
      assert.match(await card.innerText(), /The reading age changes as you type/);
    } else {
      await press(page, 'Check reading age');
      await expectHeading(page, 'Create a role');
      assert.equal(await page.inputValue('#summary'), HARD, 'what was typed stays');
    }
    const text = await card.innerText();
    assert.match(text, /Reading age: about (1[3-9]|2\d)/);
    assert.match(text, /Some people will find these words hard to read/);
    assert.match(text, /Sentences over 20 words/);
    assert.ok(text.includes(HARD), 'the long sentence is listed');
    assert.match(text, /innovation/);
    assert.match(text, /co-production/);
    assert.match(text, /lived experience/);

    await page.fill('#title', 'Group member');
    await page.fill('#summary', 'Help us make health care better. You will meet with us once a month.');
    if (!javaScriptEnabled) await press(page, 'Check reading age');
    const plain = await card.innerText();
    assert.match(plain, /Most people will find these words easy to read/);
    assert.ok(!plain.includes(HARD));
    await page.context().close();
  });
}
