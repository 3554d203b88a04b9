// Staff forms kept across a sign-in that ended (issue 14, item 6). API Gateway refuses a form sent after the staff
// session ended before any function runs, so the form's own page keeps what was typed, in this tab only:
//  - sending a form keeps its fields here (sessionStorage, gone when the tab closes), marked "sent";
//  - the "You have been signed out" page (data-involve-session-ended) marks them "refused", says so, and points
//    "Sign in again" back to the form's page;
//  - on that page again after signing in, the fields are put back, a notice says so, and the copy is dropped;
//  - any other page after sending means the form arrived: the copy is dropped at once.
// Hidden fields (versions, tokens) are never kept or put back: the page's own are the fresh ones.
const KEY = 'involve-kept-form';
const KEEP_FOR_MS = 60 * 60 * 1000;

function read() {
  try {
    const kept = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (kept && Date.now() - kept.savedAt < KEEP_FOR_MS) return kept;
  } catch { /* nothing usable kept */ }
  sessionStorage.removeItem(KEY);
  return null;
}

const write = kept => sessionStorage.setItem(KEY, JSON.stringify(kept));
const skipped = element => !element.name || ['hidden', 'password', 'file', 'submit', 'button', 'reset'].includes(element.type);

function fieldsOf(form) {
  return [...form.elements].filter(e => !skipped(e)).map(e => (e.type === 'checkbox' || e.type === 'radio'
    ? { name: e.name, value: e.value, checked: e.checked }
    : { name: e.name, value: e.value }));
}

function putBack(form, fields) {
  const seen = new Map();
  for (const field of fields) {
    const named = [...form.elements].filter(e => e.name === field.name && !skipped(e));
    if ('checked' in field) {
      const box = named.find(e => e.value === field.value);
      if (box) box.checked = field.checked;
    } else {
      const n = seen.get(field.name) ?? 0;
      seen.set(field.name, n + 1);
      if (named[n]) named[n].value = field.value;
    }
  }
}

// Loaded by every page (a static import, so it is part of the page's load), but it acts on staff pages only.
if (location.pathname === '/staff' || location.pathname.startsWith('/staff/')) {
  document.addEventListener('submit', event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
    write({ action: form.action, page: location.pathname, savedAt: Date.now(), state: 'sent', fields: fieldsOf(form) });
  });

  const kept = read();
  const ended = document.querySelector('[data-involve-session-ended]');
  if (ended) {
    if (kept && (kept.state === 'sent' || kept.state === 'refused') && kept.fields.length > 0) {
      write({ ...kept, state: 'refused' });
      ended.querySelector('[data-involve-kept]')?.removeAttribute('hidden');
      ended.querySelector('[data-involve-not-kept]')?.setAttribute('hidden', '');
      const signIn = ended.querySelector('a.nhsuk-button');
      if (signIn) signIn.href = `/staff/sign-in?return=${encodeURIComponent(kept.page)}`;
    }
  } else if (kept?.state === 'refused') {
    const form = [...document.forms].find(f => f.action === kept.action);
    if (form && location.pathname === kept.page) {
      putBack(form, kept.fields);
      sessionStorage.removeItem(KEY);
      const notice = document.querySelector('[data-involve-restored]');
      if (notice) {
        notice.removeAttribute('hidden');
        form.before(notice);
      }
    }
  } else if (kept) {
    sessionStorage.removeItem(KEY);
  }
}
