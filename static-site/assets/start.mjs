// Progressive enhancement only: every page works without it.
import { initAll } from './nhsuk/nhsuk-frontend.min.js';
initAll();
// Staff forms: what was typed survives a sign-in that ended before the form was saved.
if (location.pathname === '/staff' || location.pathname.startsWith('/staff/')) import('./staff-kept.mjs');
