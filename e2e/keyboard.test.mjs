// Keyboard-only journeys (issue 6).
//
// Starts the real `agora serve --demo` (see lib.mjs) and uses Debian's
// Chromium through the keyboard alone: Tab, Shift+Tab, Enter, Space, arrow keys
// and typing, never the mouse (every page counts pointer events and the
// journeys fail on any). Checked:
//
// - on the main pages, Tab from the top reaches the skip link first, then the
//   header, the content and the footer in that order, every focused element
//   shows a visible focus indicator (outline or box-shadow), and Tab after the
//   last element wraps back to the skip link (no keyboard trap);
// - signing up, confirming through the link mailed to the outbox, signing in;
// - a remark on the open consultation: a failed submission whose error summary
//   takes focus and whose links move focus to each field, then a good one;
// - an organiser answering a remark on the answering screen, with a failed
//   answer first.
//
//   cd e2e && npm ci && npm test

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, outboxNames, waitForMail, ACCOUNTS, OPEN } from './lib.mjs';

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

/** A fresh browser (no cookies) in `lang`, with a page that counts pointer events. */
async function newPage(lang = 'pl', width = 1280) {
  const ctx = await browser.newContext({ locale: lang === 'pl' ? 'pl-PL' : 'en-GB', viewport: { width, height: 900 } });
  ctx.setDefaultTimeout(20000);
  await ctx.addInitScript(() => {
    window.__pointer = 0;
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'contextmenu']) {
      addEventListener(type, () => window.__pointer++, true);
    }
  });
  const page = await ctx.newPage();
  if (lang !== 'pl') await page.goto(`${server.base}/jezyk/${lang}?next=/`);
  return page;
}

async function go(page, path) {
  const resp = await page.goto(server.base + path);
  await noPointer(page);
  return resp;
}

async function noPointer(page) {
  assert.equal(await page.evaluate(() => window.__pointer), 0, `${page.url()}: the mouse was used`);
}

/** What has the focus, and how it looks. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { tag: 'body', region: 'none', key: 'body' };
    const cs = getComputedStyle(el);
    // A page's own <header> (a consultation's title block) belongs to the content.
    const region = el.classList.contains('skip-link')
      ? 'skip'
      : el.closest('main')
        ? 'main'
        : el.closest('header')
          ? 'header'
          : el.closest('footer')
            ? 'footer'
            : 'other';
    const r = el.getBoundingClientRect();
    const text = (el.getAttribute('aria-label') || el.innerText || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 50);
    const f = {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('name') || '',
      type: el.getAttribute('type') || '',
      href: el.getAttribute('href') || '',
      text,
      region,
      outline: `${cs.outlineStyle} ${cs.outlineWidth}`,
      boxShadow: cs.boxShadow,
      visibleFocus: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || (cs.boxShadow !== '' && cs.boxShadow !== 'none'),
      onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight,
    };
    f.key = `${f.tag}#${f.id}|${f.name}|${f.href}|${f.text}`;
    return f;
  });
}

function describe(f) {
  if (f.tag === 'body') return '(nothing: the document)';
  return `${f.region}: ${f.tag}${f.type ? `[type=${f.type}]` : ''}${f.id ? `#${f.id}` : ''}${f.name ? `[name=${f.name}]` : ''}${f.href ? ` → ${f.href}` : ''} "${f.text}"`;
}

/** A focused control must show where the focus is, and be on screen. */
function assertVisible(f, where) {
  if (f.tag === 'body' || f.tag === 'main') return;
  assert.ok(f.visibleFocus, `${where}: no visible focus on ${describe(f)} (outline ${f.outline}, box-shadow ${f.boxShadow})`);
  assert.ok(f.onScreen, `${where}: the focused ${describe(f)} is not on screen`);
}

async function press(page, key) {
  await page.keyboard.press(key);
  const f = await focused(page);
  assertVisible(f, `${page.url()} after ${key}`);
  return f;
}

/** Presses Tab (or Shift+Tab) until `want(focus)` holds; returns what was focused on the way. */
async function tabTo(page, want, what, { back = false, max = 300 } = {}) {
  const path = [];
  for (let i = 0; i < max; i++) {
    const f = await press(page, back ? 'Shift+Tab' : 'Tab');
    path.push(f);
    if (want(f)) return path;
  }
  throw new Error(`${page.url()}: ${what} not reached with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses; focus went:\n${path.map(describe).join('\n')}`);
}

/** Presses a key that navigates, and waits for the new page. */
async function submitWith(page, key) {
  const [resp] = await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
  await noPointer(page);
  return resp;
}

/** Chooses an option of the focused <select> with the arrow keys; `want(option)` picks it. */
async function choose(page, want, what) {
  const { index, options } = await page.evaluate(() => {
    const sel = document.activeElement;
    return { index: sel.selectedIndex, options: [...sel.options].map((o) => ({ value: o.value, label: o.label })) };
  });
  const target = options.findIndex(want);
  assert.ok(target >= 0, `${page.url()}: no option for ${what}`);
  for (let i = 0; i < Math.abs(target - index); i++) await page.keyboard.press(target > index ? 'ArrowDown' : 'ArrowUp');
  const value = await page.evaluate(() => document.activeElement.value);
  assert.ok(value !== '' || target === 0, `${page.url()}: the arrow keys did not choose ${what}`);
  return value;
}

/** Signs in through the form with the keyboard. */
async function signIn(page, email, password) {
  await go(page, '/konto/logowanie');
  await tabTo(page, (f) => f.region === 'main' && f.name === 'email', 'the e-mail field');
  await page.keyboard.type(email);
  const pw = await press(page, 'Tab');
  assert.equal(pw.name, 'password');
  await page.keyboard.type(password);
  await submitWith(page, 'Enter');
  assert.ok(await page.$('form[action="/konto/wyloguj"]'), `signing in as ${email} failed (at ${page.url()})`);
}

const ORDER = { skip: 0, header: 1, main: 2, footer: 3 };

/**
 * Tabs through the whole page from the top: the skip link comes first, then the
 * header, the content and the footer in that order, nothing is skipped back to,
 * every stop shows its focus, and the last Tab wraps around to the skip link.
 */
async function tabCycle(page, name) {
  const seq = [];
  let wrapped = false;
  for (let i = 0; i < 600; i++) {
    const f = await press(page, 'Tab');
    if (seq.length && f.key === seq[0].key) {
      wrapped = true;
      break;
    }
    seq.push(f);
  }
  const listing = () => seq.map(describe).join('\n');
  assert.ok(wrapped, `${name}: Tab never came back to the top (a keyboard trap?):\n${listing()}`);
  assert.equal(seq[0].region, 'skip', `${name}: the first Tab stop is not the skip link:\n${listing()}`);
  const stops = seq.filter((f) => f.tag !== 'body');
  // Chromium leaves the page once (focus on the document) between the last element and the wrap.
  const firstBody = seq.findIndex((f) => f.tag === 'body');
  assert.ok(firstBody === -1 || seq.slice(firstBody).every((f) => f.tag === 'body'), `${name}: focus was lost in the middle of the page:\n${listing()}`);
  for (let i = 1; i < stops.length; i++) {
    const a = ORDER[stops[i - 1].region];
    const b = ORDER[stops[i].region];
    assert.ok(a !== undefined && b !== undefined && a <= b, `${name}: focus order jumps from ${describe(stops[i - 1])} to ${describe(stops[i])}:\n${listing()}`);
  }
  for (const region of ['header', 'main', 'footer']) {
    assert.ok(stops.some((f) => f.region === region), `${name}: Tab never reached the ${region}:\n${listing()}`);
  }
  // And back: Shift+Tab from the skip link leaves the page and comes back at the footer's last link.
  const last = stops[stops.length - 1];
  // Leaving the page and coming back passes through the browser's own focus handling, which
  // can lag behind a fast key press on a loaded machine: give it a moment each way.
  await page.waitForTimeout(100);
  let f = await press(page, 'Shift+Tab');
  if (f.tag === 'body') {
    await page.waitForTimeout(100);
    f = await press(page, 'Shift+Tab');
  }
  assert.equal(f.key, last.key, `${name}: Shift+Tab from the top went to ${describe(f)}, not ${describe(last)}`);
  return stops;
}

// ---------------------------------------------------------------------------

test('focus order, visible focus and no keyboard trap on the main pages', async (t) => {
  const pages = [
    ['home', '/'],
    ['catalogue', '/konsultacje'],
    ['open consultation', `/konsultacje/${OPEN}`],
    ['remark form', `/konsultacje/${OPEN}/uwagi/nowa`],
    ['sign-up form', '/konto/rejestracja'],
    ['easy-to-read page', '/tekst-latwy-do-czytania'],
    ['sign-language page', '/jezyk-migowy'],
    ['accessibility statement', '/deklaracja-dostepnosci'],
    ['accessible version request form', '/deklaracja-dostepnosci/wniosek'],
  ];
  for (const lang of ['pl', 'en']) {
    const page = await newPage(lang);
    for (const [name, path] of pages) {
      await go(page, path);
      const stops = await tabCycle(page, `${name} [${lang}]`);
      assert.ok(stops.length > 5, `${name}: only ${stops.length} Tab stops`);
      const count = (r) => stops.filter((f) => f.region === r).length;
      t.diagnostic(`${name} [${lang}]: ${stops.length} stops (skip link, header ${count('header')}, content ${count('main')}, footer ${count('footer')}), then back to the skip link`);
    }
    // The skip link leads into the content: Enter on it, and the next Tab is inside <main>.
    await go(page, '/konsultacje');
    const skip = await press(page, 'Tab');
    assert.equal(skip.region, 'skip');
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).tag, 'main', 'the skip link does not move focus to the content');
    const next = await press(page, 'Tab');
    assert.equal(next.region, 'main', `after the skip link, Tab went to ${describe(next)}`);
    await noPointer(page);
    await page.context().close();
  }
});

test('the home page leads to the easy-to-read and sign-language information by keyboard', async () => {
  const page = await newPage('pl');
  for (const [href, heading] of [
    ['/tekst-latwy-do-czytania', /łatw/i],
    ['/jezyk-migowy', /migow/i],
  ]) {
    await go(page, '/');
    await tabTo(page, (f) => f.region === 'main' && f.href === href, `the link to ${href}`);
    const resp = await submitWith(page, 'Enter');
    assert.equal(resp.status(), 200);
    assert.match(await page.textContent('main h1'), heading);
  }
  // The footer links to both too.
  await go(page, '/konsultacje');
  const stops = await tabCycle(page, 'catalogue');
  for (const href of ['/tekst-latwy-do-czytania', '/jezyk-migowy', '/deklaracja-dostepnosci']) {
    assert.ok(stops.some((f) => f.region === 'footer' && f.href === href), `no footer link to ${href}`);
  }
  await page.context().close();
});

test('sign up, confirm from the mailed link and sign in, by keyboard', async () => {
  const page = await newPage('pl');
  const email = `klawiatura-${Date.now()}@example.pl`;
  const password = 'klawiatura-bez-myszy-2026';
  await go(page, '/');
  await tabTo(page, (f) => f.region === 'header' && f.href === '/konto/rejestracja', 'the sign-up link in the header');
  await submitWith(page, 'Enter');
  assert.match(new URL(page.url()).pathname, /^\/konto\/rejestracja$/);

  // The fields come in reading order.
  const path = await tabTo(page, (f) => f.id === 'display_name', 'the name field');
  assert.ok(path.every((f) => f.region !== 'footer'), 'the form came after the footer');
  await page.keyboard.type('Anna Klawiaturowa');
  // Then the optional district and topics to follow, one box per topic; the terms are read
  // before the box that accepts them.
  const order = ['email', 'password', 'password_repeat', 'district', 'topic-*', 'terms-link', 'accept'];
  let f = await press(page, 'Tab');
  for (const id of order) {
    if (id === 'topic-*') {
      let topics = 0;
      while ((f.id || '').startsWith('topic-')) {
        topics += 1;
        f = await press(page, 'Tab');
      }
      assert.ok(topics > 0, `after the district, Tab went to ${describe(f)}, expected the topics' boxes`);
      continue;
    }
    assert.equal(f.id, id, `after the previous field, Tab went to ${describe(f)}, expected #${id}`);
    if (id === 'email') await page.keyboard.type(email);
    if (id.startsWith('password')) await page.keyboard.type(password);
    if (id === 'accept') await page.keyboard.press('Space');
    if (id !== 'accept') f = await press(page, 'Tab');
  }
  assert.equal(await page.evaluate(() => document.getElementById('accept').checked), true, 'Space did not tick the box');
  const submit = await tabTo(page, (f) => f.tag === 'button' && f.type === 'submit' && f.region === 'main', 'the sign-up button');
  assert.equal(submit.length, 1, `something sits between the last field and the button: ${submit.map(describe).join(', ')}`);
  const seen = outboxNames(server.dataDir);
  let resp = await submitWith(page, 'Enter');
  assert.equal(resp.status(), 200, `sign-up answered ${resp.status()}`);

  // The confirmation link from the mail in the outbox.
  const m = await waitForMail(server.dataDir, seen, /(\/konto\/potwierdz\/[A-Za-z0-9_-]+)/);
  resp = await go(page, m[1]);
  assert.equal(resp.status(), 200, `confirmation answered ${resp.status()}`);

  await signIn(page, email, password);
  await page.context().close();
});

/** Text typed into the remark form's fields when the summary points at them. */
const REMARK_VALUES = {
  r0_proposed_change: 'Proszę o szerszy chodnik po zachodniej stronie ulicy i ławki w cieniu drzew.',
  r0_justification: 'Chodnik jest dziś za wąski dla wózków.',
  name: 'Jan Klawiatura',
  email: 'jan.klawiatura@example.pl',
  address: 'ul. Podzamcze 1',
};

test('a remark on the open consultation: a failed submission, then a good one, by keyboard', async (t) => {
  const page = await newPage('pl');
  await go(page, `/konsultacje/${OPEN}`);
  await tabTo(page, (f) => f.region === 'main' && f.href === `/konsultacje/${OPEN}/uwagi/nowa`, 'the link to the remark form');
  await submitWith(page, 'Enter');

  // Straight to the submit button with nothing filled in.
  const isSubmit = (f) => f.tag === 'button' && f.type === 'submit' && f.name === '' && f.region === 'main';
  await tabTo(page, isSubmit, 'the submit button');
  let resp = await submitWith(page, 'Enter');
  assert.equal(resp.status(), 422, `an empty form answered ${resp.status()}`);

  // The summary sits at the top of the content, before the form, and has the focus.
  const summary = await page.evaluate(() => {
    const s = document.getElementById('error-summary');
    const form = document.querySelector('main form[enctype]');
    return s && {
      role: s.getAttribute('role'),
      beforeForm: !!(s.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING),
      focused: document.activeElement === s,
      links: [...s.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      texts: [...s.querySelectorAll('a')].map((a) => a.textContent.trim()),
    };
  });
  assert.ok(summary, 'no error summary');
  // Each message names its field, as the form labels it.
  assert.ok(summary.texts.some((t) => t.startsWith('Uwaga nr 1, Proponowana zmiana:')), `summary: ${summary.texts}`);
  assert.ok(summary.beforeForm, 'the error summary is not above the form');
  assert.ok(summary.focused || summary.role === 'alert', 'the error summary neither takes focus nor is announced');
  assert.ok(summary.focused, 'the error summary does not take focus');
  assertVisible(await focused(page), 'the error summary');
  assert.ok(summary.links.length >= 1, 'the error summary lists nothing');
  t.diagnostic(`error summary focused, links: ${summary.links.join(', ')}`);

  // Each link moves focus to its field; the field is corrected on the spot, then back up to the next link.
  for (const [i, href] of summary.links.entries()) {
    await tabTo(page, (f) => f.href === href && f.region === 'main', `the summary's link ${href}`, { back: i > 0 });
    await page.keyboard.press('Enter');
    const f = await focused(page);
    assert.equal(`#${f.id}`, href, `the summary's link ${href} moved focus to ${describe(f)}`);
    assertVisible(f, `after following ${href}`);
    const value = REMARK_VALUES[f.id];
    assert.ok(value, `no value to type into ${describe(f)}`);
    await page.keyboard.type(value);
  }
  // The typed text kept in the form that came back.
  assert.equal(await page.inputValue('#r0_proposed_change'), REMARK_VALUES.r0_proposed_change);

  // Enter in a text field does the form's main action (send), not "add another remark".
  await page.focus('#name');
  resp = await submitWith(page, 'Enter');
  assert.equal(resp.status(), 200, `the corrected form answered ${resp.status()}`);
  assert.match(await page.textContent('main'), /UW\/\d+\/\d+/, 'no receipt number');
  await page.context().close();
});

test('an organiser answers a remark on the answering screen, by keyboard', async () => {
  // An administrator first makes the demo organiser (of the transport authority and the
  // open consultation's unit) an organiser of a third unit, with the keyboard as well.
  const admin = await newPage('pl');
  await signIn(admin, ACCOUNTS.admin.email, ACCOUNTS.admin.password);
  await go(admin, '/admin/role');
  await tabTo(admin, (f) => f.id === 'email', 'the e-mail field');
  await admin.keyboard.type(ACCOUNTS.organiser.email);
  assert.equal((await press(admin, 'Tab')).id, 'role');
  assert.equal(await choose(admin, (o) => o.value === 'organiser', 'the organiser role'), 'organiser');
  assert.equal((await press(admin, 'Tab')).id, 'scope');
  assert.match(await choose(admin, (o) => o.value.startsWith('unit:') && o.label.startsWith('ZZM'), 'the ZZM unit'), /^unit:\d+$/);
  assert.equal((await press(admin, 'Tab')).tag, 'button');
  let resp = await submitWith(admin, 'Enter');
  assert.equal(resp.status(), 200);
  assert.match(admin.url(), /ok=flash-role-granted/, `granting the role failed (at ${admin.url()})`);
  await admin.context().close();

  const page = await newPage('pl');
  await signIn(page, ACCOUNTS.organiser.email, ACCOUNTS.organiser.password);
  await go(page, '/admin/konsultacje');
  await tabTo(page, (f) => /^\/admin\/konsultacje\/\d+$/.test(f.href) && /Podzamcze/.test(f.text), 'the Podzamcze consultation');
  await submitWith(page, 'Enter');
  await tabTo(page, (f) => /^\/admin\/konsultacje\/\d+\/uwagi$/.test(f.href), 'the remarks tab');
  await submitWith(page, 'Enter');

  // Only the remarks without an answer.
  await tabTo(page, (f) => f.id === 'bez_odpowiedzi', 'the unanswered filter');
  await page.keyboard.press('Space');
  await tabTo(page, (f) => f.tag === 'button' && f.type === 'submit' && f.region === 'main', 'the filter button');
  await submitWith(page, 'Enter');
  assert.match(page.url(), /bez_odpowiedzi=1/);

  // The first remark's decision: "rejected" with no reason fails.
  const select = (await tabTo(page, (f) => f.tag === 'select' && /^decision-\d+$/.test(f.id), "the first remark's decision")).pop();
  const remarkId = select.id.split('-')[1];
  assert.equal(await choose(page, (o) => o.value === 'rejected', 'the decision'), 'rejected');
  const answer = await press(page, 'Tab');
  assert.equal(answer.id, `answer-${remarkId}`, `after the decision, Tab went to ${describe(answer)}`);
  const save = await press(page, 'Tab');
  assert.equal(save.tag, 'button');
  resp = await submitWith(page, 'Enter');
  assert.equal(resp.status(), 422, `an answer without a reason answered ${resp.status()}`);

  const summary = await page.evaluate(() => {
    const s = document.getElementById('error-summary');
    return s && { focused: document.activeElement === s, links: [...s.querySelectorAll('a')].map((a) => a.getAttribute('href')) };
  });
  assert.ok(summary && summary.focused, 'the error summary does not take focus');
  assertVisible(await focused(page), 'the error summary');
  assert.equal(summary.links.length, 1, `expected one problem, got ${summary.links}`);
  await tabTo(page, (f) => f.href === summary.links[0], 'the summary link');
  await page.keyboard.press('Enter');
  const field = await focused(page);
  assert.equal(`#${field.id}`, summary.links[0]);
  assertVisible(field, 'the answer field');
  // The field is the failed remark's own answer, with the decision kept.
  const owner = await page.evaluate(() => document.activeElement.form.querySelector('input[name="ids"]').value);
  assert.equal(owner, remarkId, "the summary link went to another remark's answer");
  assert.equal(await page.evaluate(() => document.activeElement.form.querySelector('select').value), 'rejected', 'the decision was not kept');
  await page.keyboard.type('Zmiana nie mieści się w zakresie tej konsultacji; przekażemy ją zarządcy drogi.');
  await tabTo(page, (f) => f.tag === 'button', 'the save button');
  resp = await submitWith(page, 'Enter');
  assert.equal(resp.status(), 200);
  assert.match(page.url(), /bez_odpowiedzi=1.*ok=flash-answered/);
  assert.ok(await page.$('main .notice'), 'no confirmation shown');
  assert.equal(await page.$(`#decision-${remarkId}`), null, 'the answered remark is still listed as unanswered');
  await noPointer(page);
  await page.context().close();
});

test('a survey with a conditional question, screen by screen, by keyboard', async (t) => {
  const page = await newPage('pl');
  await go(page, '/ankiety/ankieta-podzamcze');
  const primary = (f) => f.tag === 'button' && f.name === 'nav' && f.region === 'main' && (f.text === 'Dalej' || f.text === 'Wyślij odpowiedzi');

  // Straight to "Next" with nothing chosen: the summary takes the focus and links to each field.
  await tabTo(page, primary, 'the Next button');
  let resp = await submitWith(page, 'Enter');
  assert.equal(resp.status(), 422, `an empty first step answered ${resp.status()}`);
  const links = await page.evaluate(() => {
    const s = document.getElementById('error-summary');
    return s && document.activeElement === s ? [...s.querySelectorAll('a')].map((a) => a.getAttribute('href')) : null;
  });
  assert.ok(links && links.length >= 2, 'the error summary did not take the focus or lists too little');
  for (const [i, href] of links.entries()) {
    await tabTo(page, (f) => f.href === href && f.region === 'main', `the summary's link ${href}`, { back: i > 0 });
    await page.keyboard.press('Enter');
    const f = await focused(page);
    assert.equal(`#${f.id}`, href, `the summary's link ${href} moved focus to ${describe(f)}`);
    if (f.tag === 'select') await choose(page, (o) => o.value !== '', 'an answer');
    else await page.keyboard.press('Space');
  }

  // Every step: tick the first choice of each group, answer the selects, type the text
  // fields; the conditional question's hint is read out with its field.
  let sawCondition = false;
  for (let step = 0; step < 6; step++) {
    const seen = new Set();
    for (let i = 0; i < 200; i++) {
      const f = await press(page, 'Tab');
      if (primary(f)) break;
      if (f.region !== 'main' || !/^q\d+/.test(f.name)) continue;
      const group = f.name;
      if (f.type === 'radio' || f.type === 'checkbox') {
        if (!seen.has(group)) {
          seen.add(group);
          const checked = await page.evaluate((n) => !!document.querySelector(`input[name="${n}"]:checked`), group);
          if (!checked) await page.keyboard.press('Space');
        }
      } else if (f.tag === 'select' && !f.name.includes('_')) {
        const value = await page.evaluate(() => document.activeElement.value);
        if (value === '') await choose(page, (o) => o.value !== '', 'an answer');
      } else if (f.tag === 'input' && f.type === 'text' && !f.id.endsWith('-other')) {
        const info = await page.evaluate(() => {
          const el = document.activeElement;
          const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
          return { inputmode: el.getAttribute('inputmode'), described: ids.map((id) => document.getElementById(id)?.textContent || '').join(' '), value: el.value };
        });
        if (/Odpowiedz tylko, jeśli/.test(info.described)) sawCondition = true;
        const typed = { decimal: '6', numeric: '20.11.2026' }[info.inputmode] || 'Przy wejściu na Wawel';
        if (info.value === '') await page.keyboard.type(typed);
      }
    }
    const f = await focused(page);
    resp = await submitWith(page, 'Enter');
    assert.equal(resp.status(), 200, `step ${step + 1} answered ${resp.status()}: ${(await page.textContent('main')).slice(0, 400)}`);
    if (f.text === 'Wyślij odpowiedzi') break;
  }
  assert.ok(sawCondition, 'the conditional question did not carry its "answer only if" hint');
  assert.match(await page.textContent('main h1'), /Dziękujemy/, 'the survey did not end with the thank-you page');
  t.diagnostic('four steps answered by keyboard, the conditional question announced with its condition');
  await page.context().close();
});

test('staff tick every remark with one link, and a vote is confirmed, by keyboard', async () => {
  const page = await newPage('pl');
  await signIn(page, ACCOUNTS.organiser.email, ACCOUNTS.organiser.password);
  await go(page, '/admin/konsultacje');
  await tabTo(page, (f) => /^\/admin\/konsultacje\/\d+$/.test(f.href) && /Podzamcze/.test(f.text), 'the Podzamcze consultation');
  await submitWith(page, 'Enter');
  // What each status step does is written beside its button.
  assert.match(await page.textContent('main'), /Zakończ zbieranie uwag\s*Kończy zbieranie uwag teraz/);
  await tabTo(page, (f) => /^\/admin\/konsultacje\/\d+\/uwagi$/.test(f.href), 'the remarks tab');
  await submitWith(page, 'Enter');
  const ticked = () => page.$$eval('input[name="ids"][type="checkbox"]', (l) => l.map((c) => c.checked));
  assert.ok((await ticked()).every((c) => !c), 'something is ticked at first');
  assert.equal(await page.$eval('select#decision', (s) => s.value), '', 'a decision is preselected');
  await tabTo(page, (f) => /zaznacz=wszystkie/.test(f.href), 'the link that ticks all');
  await submitWith(page, 'Enter');
  const all = await ticked();
  assert.ok(all.length > 0 && all.every(Boolean), `not all ticked: ${all}`);
  await noPointer(page);
  await page.context().close();

  const voter = await newPage('pl');
  await go(voter, '/');
  const radio = await tabTo(voter, (f) => f.tag === 'input' && f.type === 'radio', 'the first answer of the poll');
  assert.ok(radio.length > 0);
  await voter.keyboard.press('Space');
  await tabTo(voter, (f) => f.tag === 'button' && f.region === 'main' && /Głosuj/.test(f.text), 'the vote button');
  await submitWith(voter, 'Enter');
  assert.match(await voter.textContent('main'), /Twój głos został zapisany/);
  await noPointer(voter);
  await voter.context().close();
});

test('a forum reply and a new thread with a mistake, by keyboard', async () => {
  const page = await newPage('pl');
  await signIn(page, 'anna.mieszkanka@agora.test', 'demo-mieszkaniec-2026');
  await go(page, '/forum/transport');
  await tabTo(page, (f) => f.region === 'main' && /^\/forum\/watki\/\d+$/.test(f.href || ''), 'a thread of the category');
  await submitWith(page, 'Enter');
  const thread = new URL(page.url()).pathname;

  // "Reply" under a post opens the form addressed to that post, at the form.
  await tabTo(page, (f) => f.region === 'main' && (f.href || '').includes('?odpowiedz='), 'a reply link');
  await submitWith(page, 'Enter');
  await tabTo(page, (f) => f.name === 'post_text', 'the reply text');
  await page.keyboard.type('Odpowiadam z klawiatury.');
  await tabTo(page, (f) => f.tag === 'button' && f.type === 'submit' && f.region === 'main', 'the send button');
  let resp = await submitWith(page, 'Enter');
  assert.equal(resp.status(), 200, `the reply answered ${resp.status()}`);
  assert.equal(new URL(page.url()).pathname, thread, 'the reply did not lead back to its thread');
  assert.match(await page.textContent('main'), /Odpowiadam z klawiatury\./);

  // A new thread without a title comes back with the summary naming the field and the text kept.
  await go(page, '/forum/transport/nowy-watek');
  await tabTo(page, (f) => f.name === 'post_text', 'the text field');
  await page.keyboard.type('Treść bez tytułu.');
  await tabTo(page, (f) => f.tag === 'button' && f.type === 'submit' && f.region === 'main', 'the start button');
  resp = await submitWith(page, 'Enter');
  assert.equal(resp.status(), 422);
  const summary = await page.$$eval('#error-summary a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent.trim()]));
  assert.ok(summary.some(([href, text]) => href === '#title' && text.startsWith('Tytuł')), `summary: ${summary}`);
  assert.equal(await page.inputValue('#post_text'), 'Treść bez tytułu.');
  await tabTo(page, (f) => f.href === '#title' && f.region === 'main', 'the summary link to the title', { back: true });
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'title');
  await page.keyboard.type('Wątek założony klawiaturą');
  resp = await submitWith(page, 'Enter');
  assert.equal(resp.status(), 200);
  assert.match(await page.textContent('main h1'), /Wątek założony klawiaturą/);
  await page.context().close();
});
