// Progressive enhancement only: every page works without it.
import { initAll } from './nhsuk/nhsuk-frontend.min.js';
// Staff forms: what was typed survives a sign-in that ended before the form was saved (acts on /staff pages only).
import './staff-kept.mjs';
// The staff role form: its reading age updates as staff type (acts only where the reading-age card is).
import './reading-age.mjs';

initAll();
