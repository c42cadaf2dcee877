// Browser tests of the dashboard: playwright-core driving Debian's
// chromium against a running `marsad serve`. server/browser_test.go starts
// the server on a test store and runs this script:
//   node web/test/browser.mjs URL SCREENSHOT_DIR XSS_DOC_ID
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, shots, xssDoc] = process.argv.slice(2);
if (!base || !shots || !xssDoc) {
  console.error('usage: node browser.mjs URL SCREENSHOT_DIR XSS_DOC_ID');
  process.exit(2);
}
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const profile = mkdtempSync(join(tmpdir(), 'marsad-chromium-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: browserPath, headless: true, viewport: { width: 1400, height: 1100 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = ctx.pages()[0] || await ctx.newPage();
const problems = []; // script errors, dialogs and CSP violations anywhere
page.on('pageerror', (e) => problems.push('page error: ' + e.message));
page.on('dialog', (d) => { problems.push('dialog opened: ' + d.message()); d.dismiss(); });
page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push('request off the server: ' + r.url()); });

const api = async (path) => (await fetch(base + '/api/' + path)).json();
async function open(query) {
  await page.goto(base + '/' + query);
  await page.waitForSelector('body[data-ready]:not([data-busy])', { timeout: 20000 });
}
async function settled() {
  await page.waitForFunction(() => document.body.dataset.ready && !document.body.dataset.busy, null, { timeout: 20000 });
}
function check(ok, msg) {
  if (!ok) throw new Error(msg);
}

let passed = 0, failed = 0;
async function test(name, fn) {
  const before = problems.length;
  try {
    await fn();
    if (problems.length > before) throw new Error(problems.slice(before).join('\n'));
    passed++;
    console.log('ok   ' + name);
  } catch (e) {
    failed++;
    console.log('FAIL ' + name + '\n     ' + e.message.replaceAll('\n', '\n     '));
    await page.screenshot({ path: join(shots, 'failed-' + name.replace(/\W+/g, '-') + '.png') }).catch(() => {});
  }
}

const seedTitle = 'ميليشيا مصراتة تلوي ذراع الوفاق';
const seedDoc = (await api('search?q=' + encodeURIComponent(seedTitle))).documents[0]?.id;

await test('the map shows the events as points', async () => {
  await open('?lang=en');
  const n = await page.locator('path.marsad-point, .marker-cluster').count();
  check(n > 0, 'no point or cluster on the map');
  await page.screenshot({ path: join(shots, 'dashboard.png') });
});

await test('clicking a point opens the reader with the spans on exactly their characters', async () => {
  check(seedDoc, 'the seed article is not in the store');
  await open(`?doc=${encodeURIComponent(seedDoc)}&type=RETREAT&happenings=true`);
  const point = page.locator('path.marsad-point').first();
  await point.click();
  await page.waitForSelector('.reader[data-event] mark.role-trigger');
  await settled();
  const id = await page.locator('.reader').getAttribute('data-event');
  const ev = await api('events/' + encodeURIComponent(id));
  check(ev.event.event_type === 'RETREAT', 'the point opened a ' + ev.event.event_type);
  // Offsets count code points: measure the text before each highlight.
  const marks = await page.evaluate(() => {
    const box = document.getElementById('article-text');
    return [...box.querySelectorAll('mark')].map((m) => {
      const r = document.createRange();
      r.setStart(box, 0);
      r.setEndBefore(m);
      return { roles: m.dataset.role.split(' '), text: m.textContent, before: Array.from(r.toString()).length };
    });
  });
  for (const s of ev.spans) {
    const m = marks.find((x) => x.roles.includes(s.role) && x.before === s.start);
    check(m, `no highlight of ${s.role} at code point ${s.start} (${JSON.stringify(s.text)}); highlights: ${JSON.stringify(marks)}`);
    check(s.text.startsWith(m.text), `the ${s.role} highlight covers ${JSON.stringify(m.text)}, the span is ${JSON.stringify(s.text)}`);
  }
  const roles = new Set(ev.spans.map((s) => s.role));
  for (const r of ['trigger', 'source', 'place']) check(roles.has(r), 'the seed event has no ' + r + ' span');
  const trigger = ev.spans.find((s) => s.role === 'trigger');
  const text = await page.locator('#article-text mark.role-trigger').first().textContent();
  check(text === trigger.text, `trigger highlight ${JSON.stringify(text)}, want ${JSON.stringify(trigger.text)}`);
  await page.screenshot({ path: join(shots, 'reader.png') });
});

await test('the timeline brush filters the table', async () => {
  await open('');
  const all = await page.locator('#events tbody tr[data-day]').evaluateAll((rs) => rs.map((r) => r.dataset.day));
  check(all.length > 1, 'the table has fewer than two events');
  const box = await page.locator('#timeline .u-over').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.35, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('from'));
  await settled();
  const url = new URL(page.url());
  const from = url.searchParams.get('from'), to = url.searchParams.get('to');
  check(from && to && from <= to, `range ${from}..${to}`);
  const days = await page.locator('#events tbody tr[data-day]').evaluateAll((rs) => rs.map((r) => r.dataset.day));
  for (const d of days) check(d >= from && d <= to, `table row of ${d} outside ${from}..${to}`);
  const want = (await api(`events?from=${from}&to=${to}&limit=100`)).events.map((e) => e.id);
  const got = await page.locator('#events tbody tr[data-event]').evaluateAll((rs) => rs.map((r) => r.dataset.event));
  check(JSON.stringify(got) === JSON.stringify(want), `table ${got.length} events, API ${want.length} for ${from}..${to}`);
  check(await page.inputValue('input[name=from]') === from, 'the from field does not show the range');
});

await test('switching the language flips the layout direction', async () => {
  await open('');
  const dir = () => page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]);
  check((await dir()).join() === 'rtl,ar', 'the dashboard does not open in Arabic, right to left: ' + await dir());
  const x0 = (await page.locator('#map-panel').boundingBox()).x;
  await page.click('#lang');
  check((await dir()).join() === 'ltr,en', 'after the switch: ' + await dir());
  const x1 = (await page.locator('#map-panel').boundingBox()).x;
  check(x1 < x0, `the map panel stays at x=${x1} (was ${x0}): the layout did not mirror`);
  check(new URL(page.url()).searchParams.get('lang') === 'en', 'the language is not in the URL');
  await page.click('#lang');
  check((await dir()).join() === 'rtl,ar', 'after switching back: ' + await dir());
});

await test('an article full of script payloads executes nothing', async () => {
  await open(`?doc=${encodeURIComponent(xssDoc)}`);
  const rows = page.locator('#events tbody tr[data-event]');
  check(await rows.count() > 0, 'the payload article has no event in the table');
  await rows.first().click();
  await page.waitForSelector('.reader[data-event]');
  await settled();
  const title = await page.locator('#reader-title').textContent();
  check(title.includes('<script>'), 'the title is not shown as text: ' + title);
  const text = await page.locator('#article-text').textContent();
  check(text.includes('<img src=x onerror='), 'the payload in the text is not shown as text: ' + text);
  check(await page.locator('#side img, #side script, #side iframe').count() === 0, 'markup from the article became elements');
  check(await page.locator('a.source-link').count() === 0, 'a javascript: URL became a link');
  const actorLinks = await page.locator('#side a.actor-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const h of actorLinks) check(h === '#', 'actor link to ' + h);
  await page.locator('path.marsad-point').first().hover().catch(() => {});
  await page.waitForTimeout(300);
  check(await page.evaluate(() => window.__xss === undefined), 'a payload ran: window.__xss = ' + await page.evaluate(() => window.__xss));
});

await ctx.close();
rmSync(profile, { recursive: true, force: true });
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
