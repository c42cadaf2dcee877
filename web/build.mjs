// Builds the dashboard into dist/, which the Go binary embeds (web.go):
//   npm ci && npm run build
// dist/ is committed, so a clone builds and runs with Go alone. The output
// is deterministic: the same sources and packages give the same files.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const require = createRequire(import.meta.url);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const common = { bundle: true, minify: true, legalComments: 'linked', logLevel: 'warning', target: ['es2020'] };
await esbuild.build({ ...common, entryPoints: [join(here, 'src/main.js')], outfile: join(dist, 'app.js'), format: 'iife' });
await esbuild.build({
  ...common, entryPoints: [join(here, 'src/app.css')], outfile: join(dist, 'app.css'),
  loader: { '.png': 'file', '.svg': 'file' }, assetNames: 'img/[name]',
});
copyFileSync(join(here, 'src/index.html'), join(dist, 'index.html'));
copyFileSync(join(here, 'src/favicon.svg'), join(dist, 'favicon.svg'));

// The offline basemap: Natural Earth country shapes at 1:50m from the
// world-atlas package, and a label for every country in Arabic and English
// from the project's own countries table (data/countries.tsv).
copyFileSync(require.resolve('world-atlas/countries-50m.json'), join(dist, 'countries-50m.json'));
const labels = [];
for (const line of readFileSync(join(here, '../data/countries.tsv'), 'utf8').split('\n')) {
  if (line.startsWith('#') || line.startsWith('iso3\t') || !line.trim()) continue;
  const [iso3, , name, lat, lon, , names] = line.split('\t');
  const ar = (names || '').split('|').find((n) => /[\u0600-\u06FF]/.test(n)) || name;
  labels.push({ iso3, en: name, ar, lat: Number(lat), lon: Number(lon) });
}
labels.sort((a, b) => a.iso3.localeCompare(b.iso3));
writeFileSync(join(dist, 'country-labels.json'), JSON.stringify(labels));
console.log(`built ${dist}`);
