// Copies the NHS.UK frontend's built styles, scripts and images from node_modules into static-site/assets/nhsuk,
// which the local runtime serves at /assets and a deployment uploads to the assets bucket.
import { cpSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const from = join(here, '..', 'node_modules', 'nhsuk-frontend', 'dist', 'nhsuk');
const to = join(here, 'assets', 'nhsuk');
if (!existsSync(from)) {
  console.error('nhsuk-frontend is not installed: run `npm ci` in the repository root first.');
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
for (const file of ['nhsuk-frontend.min.css', 'nhsuk-frontend.min.js']) cpSync(join(from, file), join(to, file));
cpSync(join(from, 'assets', 'images'), join(to, 'images'), { recursive: true });
console.log('NHS.UK frontend assets copied to static-site/assets/nhsuk');
