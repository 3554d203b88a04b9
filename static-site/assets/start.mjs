// Progressive enhancement only: every page works without it.
import { initAll } from './nhsuk/nhsuk-frontend.min.js';
// Staff forms: what was typed survives a sign-in that ended before the form was saved (acts on /staff pages only).
import './staff-kept.mjs';

initAll();
