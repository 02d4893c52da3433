// Survey result charts on a phone (issue 19, item 15).
//
// Starts the real `agora serve --demo` (see lib.mjs) and opens the demo
// survey's results in Debian's Chromium 320 px wide, in Polish and English.
// Every chart must fill no more than its column, and every label and value in
// it must be drawn at a readable size (at least 12 px high, as the page's own
// text is) and inside the chart, not cut off at its edge. A chart drawn on a
// fixed canvas and scaled down to the screen fails: its text shrinks with it.
//
//   cd e2e && npm ci && npm test

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './lib.mjs';

const SURVEY = 'ankieta-podzamcze';
/** The smallest height of a chart's line of text that still reads on a phone, in CSS px. */
const MIN_TEXT_PX = 12;

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
});

for (const lang of ['pl', 'en']) {
  test(`survey charts read at 320 px (${lang})`, async () => {
    const ctx = await browser.newContext({ locale: lang === 'pl' ? 'pl-PL' : 'en-GB', viewport: { width: 320, height: 640 } });
    try {
      const page = await ctx.newPage();
      await page.goto(`${server.base}/jezyk/${lang}?next=/`);
      const resp = await page.goto(`${server.base}/ankiety/${SURVEY}/wyniki`);
      assert.equal(resp.status(), 200);
      const charts = await page.$$eval('svg.chart', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const texts = [...svg.querySelectorAll('text')].map((t) => {
            const r = t.getBoundingClientRect();
            return { text: t.textContent, height: r.height, left: r.left, right: r.right };
          });
          return { id: svg.getAttribute('aria-labelledby'), left: box.left, right: box.right, texts };
        }),
      );
      assert.ok(charts.length > 0, 'the demo survey has charts');
      const problems = [];
      for (const c of charts) {
        if (c.right > 320 + 0.5) problems.push(`${c.id}: the chart is ${Math.round(c.right)} px wide`);
        for (const t of c.texts) {
          if (t.height < MIN_TEXT_PX) problems.push(`${c.id}: "${t.text}" is ${t.height.toFixed(1)} px high`);
          if (t.right > c.right + 0.5 || t.left < c.left - 0.5) problems.push(`${c.id}: "${t.text}" runs out of the chart (${t.left.toFixed(1)}–${t.right.toFixed(1)} in ${c.left.toFixed(1)}–${c.right.toFixed(1)})`);
        }
      }
      assert.deepEqual(problems, [], problems.join('\n'));
    } finally {
      await ctx.close();
    }
  });
}
