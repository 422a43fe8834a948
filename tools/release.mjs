// @ts-check
// `./run.sh release` (after the tests of the packed files): writes release/ with
//   emotional-intimacy-widget-<version>.tgz   exactly what `npm publish` uploads (npm pack)
//   emotional-intimacy-widget-<version>.zip   the widget's files for self-hosting, with a README
//   emotional-intimacy-widget-wordpress-<version>.zip   the WordPress plugin
//   SHA256SUMS                                 of the three
//   NOTES.md                                   release notes: the snippet with its integrity value
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pack, stage, crateVersion, repo, NAME } from './package.mjs';

const version = crateVersion();
const out = join(repo, 'release');
mkdirSync(out, { recursive: true });
const tgz = pack(out);

// The zip: the package's dist/ folder, named for its version, with a short README.
const folder = stage();
const staging = join(repo, 'target', 'release-zip');
const top = `${NAME}-${version}`;
rmSync(staging, { recursive: true, force: true });
cpSync(join(folder, 'dist'), join(staging, top), { recursive: true });
for (const file of ['LICENSE-MIT', 'LICENSE-APACHE', 'CHANGELOG.md']) cpSync(join(folder, file), join(staging, top, file));
const integrity = JSON.parse(readFileSync(join(folder, 'dist', 'integrity.json'), 'utf8')).files[`${NAME}.js`];
/** @param {string} src @param {boolean} withIntegrity */
const snippet = (src, withIntegrity) =>
  `<script src="${src}"${withIntegrity ? ` integrity="${integrity}" crossorigin="anonymous"` : ''}></script>\n<emotional-intimacy-widget></emotional-intimacy-widget>`;
writeFileSync(join(staging, top, 'README.txt'), `Emotional intimacy widget ${version}: files for hosting it yourself

1. Upload this whole folder to your website, for example to /widgets/${top}/.
   Keep every file and folder in it together: the loader finds the others next to itself.
2. Paste this where the widget should appear (the <script> can also go in the page's <head>):

${snippet(`/widgets/${top}/${NAME}.js`, true)}

   The integrity value makes the browser refuse a changed loader; the loader checks every
   other file the same way. If you edit any file, remove the integrity attribute.
3. If your pages send a Content-Security-Policy, it needs 'wasm-unsafe-eval' in script-src.
   If these files are on another origin than your pages, that origin must be in script-src
   and connect-src, and must send "Access-Control-Allow-Origin: *" for these files.

Options (language, sections, colours, your call to action, ...): docs/configuration.md in
the source repository, or builder.html in this folder, which writes the snippet for you.
Nothing in this folder sends anything anywhere: answers stay in the visitor's browser.
`);
const zip = join(out, `${top}.zip`);
rmSync(zip, { force: true });
execFileSync('zip', ['-q', '-X', '-r', zip, top], { cwd: staging });

// The WordPress plugin (integrations/wordpress), from the same dist/.
const plugin = execFileSync(join(repo, 'integrations', 'wordpress', 'build.sh'), [out], { encoding: 'utf8' }).trim();

const files = [tgz, zip, plugin];
const sums = files.map((f) => `${createHash('sha256').update(readFileSync(f)).digest('hex')}  ${f.split('/').pop()}`).join('\n') + '\n';
writeFileSync(join(out, 'SHA256SUMS'), sums);

const changes = /## \[[^\]]+\] - [^\n]*\n([\s\S]*?)(?=\n## \[|\n\[Unreleased\]:)/.exec(readFileSync(join(repo, 'CHANGELOG.md'), 'utf8'))?.[1].trim() ?? '';
writeFileSync(join(out, 'NOTES.md'), `## Add it to a page

\`\`\`html
${snippet(`https://cdn.jsdelivr.net/npm/${NAME}@${version}/dist/${NAME}.js`, true)}
\`\`\`

Or host the files yourself: \`${top}.zip\` (instructions inside). WordPress:
\`${plugin.split('/').pop()}\` (Plugins → Add New → Upload Plugin). Checksums: \`SHA256SUMS\`.

${changes}
`);
console.log(`release/: ${readdirSync(out).join(', ')}`);
console.log(`\n${snippet(`https://cdn.jsdelivr.net/npm/${NAME}@${version}/dist/${NAME}.js`, true)}`);
