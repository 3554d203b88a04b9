// Progressive enhancement for the staff role form (issue 14, item 4): the reading-age card updates as staff type.
// The same formula and syllable heuristic as org.involve.core.kit.ReadingAge (Flesch-Kincaid grade + 5); without
// JavaScript the card is rendered by the server and the "Check reading age" button refreshes it.
const SENTENCE_END = /(?<=[.!?:])\s+|[\r\n]+/;
const TOKEN = /\{[a-zA-Z][a-zA-Z0-9]*\}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}'’]+/gu;
const LONG_WORD = 3;
const LONG_SENTENCE = 20;
const LISTED = 10;

export function syllables(word) {
  if (word.startsWith('{') || word.includes('@') || word.includes('/') || word.startsWith('www.')) return 1;
  let w = word.toLowerCase().replace(/['’](s|d|ll|ve|re|t|m)?$/, '').replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  if (w.endsWith('ed') && !w.endsWith('ted') && !w.endsWith('ded')) w = w.slice(0, -2);
  else if (w.endsWith('es') && !/(s|c|g|x|z|sh|ch)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('e') && !w.endsWith('ee') && !(w.endsWith('le') && w.length > 2 && !'aeiouy'.includes(w[w.length - 3]))) w = w.slice(0, -1);
  return Math.max(1, (w.match(/[aeiouy]+/g) || []).length);
}

export function readingAge(texts) {
  const sentences = [];
  for (const text of texts) {
    for (const piece of text.trim().split(SENTENCE_END)) {
      const tokens = piece.trim().match(TOKEN) || [];
      if (tokens.length === 0) continue;
      const counts = tokens.map(syllables);
      sentences.push({ text: piece.trim(), words: tokens.length, syllables: counts.reduce((a, b) => a + b, 0),
        longWords: tokens.filter((t, i) => counts[i] >= LONG_WORD) });
    }
  }
  const words = sentences.reduce((a, s) => a + s.words, 0);
  const syl = sentences.reduce((a, s) => a + s.syllables, 0);
  const age = words === 0 ? 0 : 0.39 * words / sentences.length + 11.8 * syl / words - 15.59 + 5;
  const longWords = [...new Set(sentences.flatMap(s => s.longWords).map(w => w.toLowerCase()))]
    .map((w, i) => ({ w, n: syllables(w), i }))
    .sort((a, b) => b.n - a.n || a.i - b.i).slice(0, LISTED).map(x => x.w);
  const longSentences = sentences.filter(s => s.words > LONG_SENTENCE)
    .sort((a, b) => b.words - a.words).slice(0, LISTED).map(s => s.text);
  return { age, words, longWords, longSentences };
}

function fill(list, items) {
  list.hidden = items.length === 0;
  const ul = list.querySelector('ul');
  ul.replaceChildren(...items.map(text => Object.assign(document.createElement('li'), { textContent: text })));
}

function enhance(card) {
  const form = card.closest('form');
  if (!form) return;
  const fields = card.dataset.fields.split(' ');
  const terms = card.dataset.terms.split(';').map(t => t.trim()).filter(Boolean);
  const valueLine = card.querySelector('[data-reading-age-value]');
  const value = valueLine.querySelector('strong');
  const verdict = card.querySelector('[data-reading-age-verdict]');
  const update = () => {
    const texts = fields.map(name => form.elements.namedItem(name)).filter(e => e && 'value' in e)
      .map(e => e.name === 'criteria' ? e.value.replace(/^\s*[EeDd]:\s*/gm, '') : e.value)
      .filter(v => v.trim() !== '');
    const r = readingAge(texts);
    value.textContent = r.words === 0 ? valueLine.dataset.none : valueLine.dataset.age.replace('{age}', String(Math.round(r.age)));
    verdict.textContent = r.words === 0 ? '' : r.age <= 9 ? verdict.dataset.good : verdict.dataset.high;
    fill(card.querySelector('[data-reading-age-list="sentences"]'), r.longSentences);
    fill(card.querySelector('[data-reading-age-list="words"]'), r.longWords);
    const all = texts.join('\n').toLowerCase();
    fill(card.querySelector('[data-reading-age-list="terms"]'), terms.filter(t => all.includes(t.toLowerCase())));
  };
  form.addEventListener('input', update);
  card.querySelector('[data-reading-age-live]').hidden = false;
}

document.querySelectorAll('[data-reading-age]').forEach(enhance);
