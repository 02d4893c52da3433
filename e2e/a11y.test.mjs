// Accessibility end-to-end suite (issue 6, first part).
//
// Starts the real `agora serve --demo` binary on a free 127.0.0.1 port with a
// temporary data directory, drives Debian's Chromium with playwright-core and
// runs axe-core with the WCAG 2.0/2.1 A and AA rules on every page type, in
// Polish and English, 1280 px and 320 px wide. At 320 px it also checks that
// the page does not scroll sideways. Any violation fails the test.
//
//   cd e2e && npm ci && npm test
//
// Screenshots of every page marked `shot` go to screenshots/ (not committed);
// those marked `doc` are also written, in Polish, to ../docs/screenshots/
// for the README.
//
// Environment: AGORA_BIN (default ../target/debug/agora), CHROMIUM
// (default /usr/bin/chromium), E2E_ONLY (a substring: run only the pages whose
// name or path contains it).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { here, startServer, launchBrowser, outboxNames, waitForMail, ACCOUNTS, OPEN } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const SHOTS = join(here, 'screenshots');
const DOC_SHOTS = join(here, '..', 'docs', 'screenshots');
const ONLY = process.env.E2E_ONLY || '';

const LANGS = ['pl', 'en'];
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 320, height: 640 },
];
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
};

// The consultation the staff pages are checked on: its id is read from the
// link on /admin/konsultacje (see before() below).
const STAFF_CONSULTATION = OPEN;
const SURVEY = 'ankieta-podzamcze';

/**
 * Every page type. `as`: which account (none = anonymous). `path` may be a
 * function of the run's state (for ids and tokens found at run time).
 * `fill`: values typed into fields (selector -> text) and `check`: boxes or
 * radios ticked, before `submit`: a selector of the submit button to press
 * after loading, with the browser's own form checks off, so that the page
 * shows what the server answers (e.g. its validation errors). `expect`: a
 * selector the final page must show; `status`: the HTTP status expected of
 * the final page. `shot`: take screenshots of this page; `doc`: the name of
 * its screenshots in docs/screenshots/.
 */
const PAGES = [
  { name: 'home', path: '/', shot: true, doc: 'home' },
  { name: 'catalogue', path: '/konsultacje', shot: true },
  { name: 'catalogue filtered', path: '/konsultacje?status=zakonczone&dzielnica=1' },
  { name: 'consultation draft (admin)', path: '/konsultacje/program-wspolpracy-z-organizacjami-pozarzadowymi-2027', as: 'admin' },
  { name: 'consultation announced', path: '/konsultacje/polityka-senioralna-krakowa' },
  { name: 'consultation open', path: `/konsultacje/${OPEN}`, shot: true, doc: 'consultation' },
  { name: 'consultation closed', path: '/konsultacje/park-rzeczny-wilga' },
  { name: 'consultation report published', path: '/konsultacje/program-ograniczania-niskiej-emisji' },
  { name: 'consultation archived', path: '/konsultacje/koncepcja-parku-zakrzowek' },
  { name: 'consultation cancelled', path: '/konsultacje/organizacja-ruchu-ulica-krakowska' },
  { name: 'remark form', path: `/konsultacje/${OPEN}/uwagi/nowa`, shot: true },
  {
    name: 'remark form with errors',
    path: `/konsultacje/${OPEN}/uwagi/nowa`,
    submit: 'main form[enctype="multipart/form-data"] > button[type="submit"]:not([name]):not(.visually-hidden)',
    expect: '#error-summary',
    status: 422,
    shot: true,
    doc: 'remark-form-errors',
  },
  {
    name: 'remark received',
    path: `/konsultacje/${OPEN}/uwagi/nowa`,
    fill: { '#r0_proposed_change': 'Proszę o szerszy chodnik po stronie zachodniej ulicy i ławki w cieniu drzew.' },
    check: ['#kind-anonymous'],
    submit: 'main form[enctype="multipart/form-data"] > button[type="submit"]:not([name]):not(.visually-hidden)',
    expect: 'main h1',
  },
  { name: 'remarks list', path: `/konsultacje/${OPEN}/uwagi` },
  { name: 'moderation log', path: `/konsultacje/${OPEN}/moderacja` },
  { name: 'report', path: '/konsultacje/zmiany-w-sieci-szkol-dzielnica-xii/raport', shot: true, doc: 'report' },
  { name: 'calendar', path: '/kalendarz' },
  { name: 'sign in', path: '/konto/logowanie' },
  {
    name: 'sign in with errors',
    path: '/konto/logowanie',
    submit: 'main form[action="/konto/logowanie"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'sign up', path: '/konto/rejestracja' },
  {
    name: 'sign up with errors',
    path: '/konto/rejestracja',
    submit: 'main form[action="/konto/rejestracja"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
    shot: true,
  },
  { name: 'forgotten password', path: '/konto/haslo/przypomnij' },
  {
    name: 'forgotten password sent (message page)',
    path: '/konto/haslo/przypomnij',
    fill: { 'main input[name="email"]': 'nikt@agora.test' },
    submit: 'main form[action="/konto/haslo/przypomnij"] button[type="submit"]',
    expect: 'main h1',
  },
  { name: 'new password', path: (s) => `/konto/haslo/nowe/${s.resetToken}` },
  {
    name: 'new password with errors',
    path: (s) => `/konto/haslo/nowe/${s.resetToken}`,
    submit: 'main form button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'accessibility statement', path: '/deklaracja-dostepnosci' },
  { name: 'easy-to-read information', path: '/tekst-latwy-do-czytania' },
  { name: 'sign-language information', path: '/jezyk-migowy' },
  { name: 'terms and data protection', path: '/regulamin' },
  { name: 'catalogue, results in another tab', path: '/konsultacje?status=planowane&q=park' },
  { name: 'accessible version request', path: '/deklaracja-dostepnosci/wniosek' },
  {
    name: 'accessible version request with errors',
    path: '/deklaracja-dostepnosci/wniosek',
    fill: { '#contact': 'zadzwońcie' },
    submit: 'main form[action="/deklaracja-dostepnosci/wniosek"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'accessible version request receipt', path: (s) => s.accessReceipt },
  { name: 'not found (404)', path: '/nie-ma-takiej-strony', status: 404 },
  { name: 'account (signed in)', path: '/konto', as: 'organiser' },
  { name: 'my remarks (signed in)', path: '/konto/uwagi', as: 'organiser' },
  { name: 'staff dashboard (admin)', path: '/admin', as: 'admin', shot: true },
  { name: 'staff dashboard (organiser)', path: '/admin', as: 'organiser' },
  { name: 'staff consultations', path: '/admin/konsultacje', as: 'admin' },
  { name: 'staff consultations (organiser)', path: '/admin/konsultacje', as: 'organiser' },
  { name: 'new consultation form', path: '/admin/konsultacje/nowa', as: 'admin' },
  {
    name: 'new consultation with errors',
    path: '/admin/konsultacje/nowa',
    as: 'admin',
    submit: 'main form[action="/admin/konsultacje/nowa"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'consultation edit form', path: (s) => `/admin/konsultacje/${s.id}`, as: 'admin', shot: true },
  {
    name: 'publishing against the rules',
    path: (s) => `/admin/konsultacje/${s.draftId}`,
    as: 'admin',
    submit: 'main form[action$="/status"]:has(input[name="to"][value="open"]) button',
    expect: 'main textarea',
    status: 422,
  },
  { name: 'consultation programme', path: (s) => `/admin/konsultacje/${s.id}/program`, as: 'admin' },
  { name: 'programme item edit form', path: (s) => s.eventEditHref, as: 'admin' },
  {
    name: 'programme item edit with errors',
    path: (s) => s.eventEditHref,
    as: 'admin',
    fill: { '#event_title': '' },
    submit: 'main form[action*="/program/"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'cancelling a consultation (confirmation)', path: (s) => `/admin/konsultacje/${s.id}/odwolaj`, as: 'admin' },
  {
    name: 'cancelling a consultation without a reason',
    path: (s) => `/admin/konsultacje/${s.id}/odwolaj`,
    as: 'admin',
    submit: 'main form[action$="/odwolaj"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'deleting a draft (confirmation)', path: (s) => `/admin/konsultacje/${s.draftId}/usun`, as: 'admin' },
  { name: 'consultation documents', path: (s) => `/admin/konsultacje/${s.id}/dokumenty`, as: 'admin' },
  { name: 'answering screen', path: (s) => `/admin/konsultacje/${s.id}/uwagi`, as: 'admin', shot: true },
  { name: 'answering screen (moderator)', path: (s) => `/admin/konsultacje/${s.id}/uwagi`, as: 'moderator' },
  { name: 'remark intake (offline channels)', path: (s) => `/admin/konsultacje/${s.id}/uwagi/nowa`, as: 'admin' },
  { name: 'formal check of a submission', path: (s) => s.formalCheckHref, as: 'admin' },
  {
    name: 'formal check: defective without a reason',
    path: (s) => s.formalCheckHref,
    as: 'admin',
    check: ['#formal_status-defective'],
    fill: { '#defect_reason': '', '#correct_by': '' },
    submit: 'main form[action$="/ocena"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'report editor', path: (s) => `/admin/konsultacje/${s.id}/raport`, as: 'admin' },
  { name: 'answering screen, every remark ticked', path: (s) => `/admin/konsultacje/${s.id}/uwagi?zaznacz=wszystkie`, as: 'admin' },
  { name: 'report publishing refused while remarks are collected', path: (s) => `/admin/konsultacje/${s.id}/raport/publikuj`, as: 'admin', status: 422 },
  { name: 'organisational units', path: '/admin/jednostki', as: 'admin' },
  { name: 'organisational unit edit form', path: (s) => s.unitHref, as: 'admin' },
  { name: 'districts', path: '/admin/dzielnice', as: 'admin' },
  { name: 'categories', path: '/admin/kategorie', as: 'admin' },
  { name: 'dialogue bodies', path: '/ciala-dialogu', shot: true },
  { name: 'dialogue bodies filtered', path: '/ciala-dialogu?rodzaj=kdo' },
  { name: 'dialogue body page', path: '/ciala-dialogu/krdpp', shot: true },
  { name: 'dialogue body yearly report', path: `/ciala-dialogu/krdpp/sprawozdanie/${new Date().getFullYear()}` },
  { name: 'certificate of participation form', path: '/ciala-dialogu/krdpp/zaswiadczenie', as: 'admin' },
  {
    name: 'certificate of participation with errors',
    path: '/ciala-dialogu/krdpp/zaswiadczenie',
    as: 'admin',
    fill: { '#to_on': '2000-01-01' },
    submit: 'main form[action$="/zaswiadczenie"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'my dialogue bodies (signed in)', path: '/konto/ciala-dialogu', as: 'organiser' },
  { name: 'dialogue bodies (staff)', path: '/admin/ciala-dialogu', as: 'admin' },
  { name: 'new dialogue body form', path: '/admin/ciala-dialogu/nowe', as: 'admin' },
  { name: 'time to answer per kind of body', path: '/admin/ciala-dialogu/terminy-odpowiedzi', as: 'admin' },
  {
    name: 'time to answer with errors',
    path: '/admin/ciala-dialogu/terminy-odpowiedzi',
    as: 'admin',
    fill: { '#days_kdo': '0' },
    submit: 'main form[action="/admin/ciala-dialogu/terminy-odpowiedzi"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'dialogue body edit form', path: (s) => s.bodyHref, as: 'admin' },
  { name: 'dialogue body members and terms', path: (s) => `${s.bodyHref}/czlonkowie`, as: 'admin' },
  {
    name: 'dialogue body membership ending before it starts',
    path: (s) => `${s.bodyHref}/czlonkowie`,
    as: 'admin',
    fill: { '#name': 'Jan Testowy', '#starts_on': '2026-03-01', '#ends_on': '2026-02-01' },
    submit: 'main form[action$="/czlonkowie"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'city answers ledger', path: '/odpowiedzi-miasta', shot: true },
  { name: 'city answers ledger filtered', path: '/odpowiedzi-miasta?stan=czeka' },
  { name: 'city answers ledger item', path: (s) => s.ledgerItemHref },
  { name: 'city answers ledger (staff)', path: '/admin/odpowiedzi', as: 'admin' },
  { name: 'answering an opinion', path: (s) => s.ledgerItemHref.replace('/odpowiedzi-miasta/', '/admin/odpowiedzi/'), as: 'admin' },
  { name: 'new opinion form', path: (s) => `${s.bodyHref}/opinie/nowa`, as: 'admin' },
  {
    name: 'opinion with errors',
    path: (s) => `${s.bodyHref}/opinie/nowa`,
    as: 'admin',
    fill: { '#title': 'x' },
    submit: 'main form[action$="/opinie/nowa"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'dialogue body referral queue', path: (s) => `${s.bodyHref}/do-zaopiniowania`, as: 'admin' },
  { name: 'application to join a body', path: '/ciala-dialogu/krdpp/zgloszenie', as: 'admin' },
  {
    name: 'application to join with errors',
    path: '/ciala-dialogu/krdpp/zgloszenie',
    as: 'admin',
    fill: { '#statement': 'x' },
    submit: 'main form[action$="/zgloszenie"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'applications to a body (secretary)', path: (s) => s.applicationsHref, as: 'admin' },
  { name: 'deciding an application', path: (s) => s.applicationHref, as: 'admin' },
  { name: 'an application and its outcome', path: (s) => `/konto/zgloszenia/${s.applicationHref.split('/').pop()}`, as: 'admin' },
  { name: 'request to create a body form', path: '/ciala-dialogu/wniosek', as: 'admin' },
  {
    name: 'request to create a body with errors',
    path: '/ciala-dialogu/wniosek',
    as: 'admin',
    fill: { '#name': 'x' },
    submit: 'main form[action="/ciala-dialogu/wniosek"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'request to create a body', path: (s) => s.bodyRequestHref },
  { name: 'requests to create bodies (staff)', path: '/admin/wnioski-o-ciala', as: 'admin' },
  { name: 'bodies a consultation was referred to', path: (s) => `/admin/konsultacje/${s.id}/ciala-dialogu`, as: 'admin' },
  { name: 'forum', path: '/forum', shot: true },
  { name: 'forum category', path: '/forum/transport' },
  { name: 'district forum', path: '/forum/dzielnica-13' },
  { name: 'consultation discussion', path: '/forum/konsultacja-regulamin-budzetu-obywatelskiego' },
  { name: 'forum thread with the city position', path: (s) => s.threadHref, shot: true },
  { name: 'forum thread with a hidden post', path: (s) => s.hiddenThreadHref },
  { name: 'forum thread (staff tools)', path: (s) => s.threadHref, as: 'organiser' },
  {
    name: 'forum post left empty',
    path: (s) => s.threadHref,
    as: 'admin',
    submit: 'main form[action^="/forum/watki/"]:has(#post_text) button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'new forum thread form', path: '/forum/transport/nowy-watek', as: 'admin' },
  { name: 'reporting a forum post', path: (s) => `/forum/wpisy/${s.postId}/zgloszenie`, as: 'admin' },
  {
    name: 'reporting a forum post without a reason',
    path: (s) => `/forum/wpisy/${s.postId}/zgloszenie`,
    as: 'admin',
    submit: 'main form[action$="/zgloszenie"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'forum post history', path: (s) => `/forum/wpisy/${s.postId}/historia` },
  { name: 'moderation log', path: '/moderacja' },
  { name: 'moderation queue', path: '/admin/moderacja', as: 'moderator' },
  { name: 'moderator decision', path: (s) => `/admin/moderacja/${s.postId}`, as: 'moderator' },
  {
    name: 'moderator decision without a reason',
    path: (s) => `/admin/moderacja/${s.postId}`,
    as: 'moderator',
    check: ['#mod_decision-hide'],
    submit: 'main form[action^="/admin/moderacja/"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'forum settings', path: '/admin/forum', as: 'admin' },
  { name: 'new forum category', path: '/admin/forum/przestrzenie/nowa', as: 'admin' },
  { name: 'forum category settings', path: '/admin/forum/przestrzenie/transport', as: 'admin' },
  { name: 'meeting page', path: (s) => s.meetingHref, shot: true },
  { name: 'meeting series page', path: '/cykle-posiedzen/forum-dialogu' },
  { name: 'minutes amendment refused to someone not present', path: (s) => `${s.meetingHref}/poprawki`, as: 'admin', status: 403 },
  { name: 'dialogue body meetings and documents', path: (s) => s.meetingsHref, as: 'admin' },
  { name: 'meeting: agenda, attendance and minutes', path: (s) => s.staffMeetingHref, as: 'admin' },
  {
    name: 'meeting without a place',
    path: (s) => s.meetingsHref,
    as: 'admin',
    fill: { '#title': 'Posiedzenie testowe', '#meeting_starts_at': '2027-03-01T17:00', '#meeting_ends_at': '2027-03-01T19:00' },
    submit: 'main form[action$="/posiedzenia"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'meeting series (staff)', path: '/admin/cykle-posiedzen', as: 'admin' },
  { name: 'roles', path: '/admin/role', as: 'admin' },
  { name: 'audit log', path: '/admin/dziennik', as: 'admin' },
  { name: 'consultation rules', path: '/admin/zasady', as: 'admin' },
  { name: 'edit accessibility statement', path: '/admin/strony/deklaracja-dostepnosci', as: 'admin' },
  { name: 'edit sign-language page', path: '/admin/strony/jezyk-migowy', as: 'admin' },
  { name: 'accessibility requests (staff)', path: '/admin/wnioski-dostepnosci', as: 'admin', expect: 'main table' },
  { name: 'accessibility request (staff)', path: (s) => `/admin/wnioski-dostepnosci/${s.accessId}`, as: 'admin' },
  {
    name: 'accessibility request handled without a note',
    path: (s) => `/admin/wnioski-dostepnosci/${s.accessId}`,
    as: 'admin',
    submit: 'main form button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'district page with a poll (survey family)', path: (s) => s.districtHref },
  { name: 'district map (dzielnice)', path: '/dzielnice', shot: true },
  { name: 'district page with its outline (dzielnice)', path: (s) => s.districtMapHref, shot: true },
  { name: 'survey (first step)', path: `/ankiety/${SURVEY}`, shot: true, doc: 'survey' },
  {
    name: 'survey with errors',
    path: `/ankiety/${SURVEY}`,
    submit: 'main form.survey-form button[name="nav"][value="next"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'survey results with charts', path: `/ankiety/${SURVEY}/wyniki`, shot: true, doc: 'survey-results' },
  { name: 'survey results cross-tab', path: (s) => `/ankiety/${SURVEY}/wyniki?kanal=paper&pytanie=${s.crossQ}&profil=${s.crossP}` },
  { name: 'survey text answers', path: (s) => s.textsHref },
  { name: 'staff surveys', path: '/admin/ankiety', as: 'admin' },
  { name: 'survey builder', path: (s) => `/admin/ankiety/${s.surveyId}`, as: 'admin', shot: true },
  { name: 'new survey form', path: '/admin/ankiety/nowa', as: 'organiser' },
  { name: 'survey new question (matrix)', path: (s) => `/admin/ankiety/${s.surveyId}/pytania/nowe?rodzaj=likert`, as: 'admin' },
  {
    name: 'survey new question with errors',
    path: (s) => `/admin/ankiety/${s.surveyId}/pytania/nowe?rodzaj=single`,
    as: 'admin',
    submit: 'main form[action$="/pytania/nowe"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'survey preview', path: (s) => `/admin/ankiety/${s.surveyId}/podglad`, as: 'admin' },
  { name: 'survey preview, second step', path: (s) => `/admin/ankiety/${s.surveyId}/podglad?strona=2`, as: 'admin' },
  { name: 'survey one-time codes', path: (s) => `/admin/ankiety/${s.surveyId}/kody`, as: 'admin' },
  { name: 'survey paper questionnaire entry', path: (s) => `/admin/ankiety/${s.surveyId}/wprowadz`, as: 'admin', shot: true },
  {
    name: 'survey paper questionnaire entry with errors',
    path: (s) => `/admin/ankiety/${s.surveyId}/wprowadz`,
    as: 'admin',
    submit: 'main form.entry-form button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'survey family: quick polls (staff)', path: '/admin/sondy', as: 'admin' },
  { name: 'standalone surveys (ankiety)', path: '/ankiety' },
  { name: 'district page with its council (dzielnice)', path: '/dzielnice/podgorze' },
  { name: 'district council form (dzielnice)', path: (s) => s.councilHref, as: 'district' },
  { name: 'get to know your council (dzielnice)', path: '/dzielnice/podgorze/rada', shot: true },
  { name: 'councillors, terms and duty hours (dzielnice)', path: (s) => s.councillorsHref, as: 'district' },
  { name: 'councillor with seats (dzielnice)', path: (s) => s.councillorHref, as: 'district' },
  {
    name: 'councillor left empty (dzielnice)',
    path: (s) => `${s.councillorsHref}/nowy`,
    as: 'district',
    submit: 'main form[action*="/radni/nowy"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'news list (aktualnosci)', path: '/aktualnosci', shot: true },
  { name: 'news list filtered (aktualnosci)', path: '/aktualnosci?kategoria=10&q=akademii' },
  { name: 'news post (aktualnosci)', path: (s) => s.newsHref, shot: true },
  { name: 'news editing list (aktualnosci)', path: '/admin/aktualnosci', as: 'centre' },
  { name: 'news post form (aktualnosci)', path: '/admin/aktualnosci/nowa', as: 'district', shot: true },
  { name: 'news post edit (aktualnosci)', path: (s) => s.newsEditHref, as: 'centre' },
  {
    name: 'news post left empty (aktualnosci)',
    path: '/admin/aktualnosci/nowa',
    as: 'district',
    submit: 'main form[action^="/admin/aktualnosci/nowa"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'centre menu (centrum)', path: '/centrum' },
  { name: 'centre page (centrum)', path: '/centrum/jak-napisac-projekt-uchwaly', shot: true },
  { name: 'centre pages editing list (centrum)', path: '/admin/centrum', as: 'centre' },
  { name: 'centre page form (centrum)', path: '/admin/centrum/nowa', as: 'centre' },
  { name: 'centre page edit (centrum)', path: (s) => s.centrePageEditHref, as: 'centre' },
  { name: 'centre page delete confirmation (centrum)', path: (s) => `${s.centrePageEditHref}/usun`, as: 'centre' },
  {
    name: 'centre page left empty (centrum)',
    path: '/admin/centrum/nowa',
    as: 'centre',
    submit: 'main form[action="/admin/centrum/nowa"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'publications library (publikacje)', path: '/publikacje', shot: true },
  { name: 'publications library filtered (publikacje)', path: '/publikacje?rok=2025&rodzaj=evaluation' },
  { name: 'publications editing list (publikacje)', path: '/admin/publikacje', as: 'centre' },
  { name: 'publication form (publikacje)', path: '/admin/publikacje/nowa', as: 'centre' },
  { name: 'publication edit with documents (publikacje)', path: (s) => s.publicationEditHref, as: 'centre' },
  { name: 'galleries (galerie)', path: '/galerie' },
  { name: 'gallery (galerie)', path: '/galerie/forum-dialogu-2025', shot: true },
  { name: 'galleries editing list (galerie)', path: '/admin/galerie', as: 'centre' },
  { name: 'gallery form (galerie)', path: '/admin/galerie/nowa', as: 'centre' },
  { name: 'gallery edit with photos (galerie)', path: (s) => s.galleryEditHref, as: 'centre' },
  {
    name: 'gallery photo without its description (galerie)',
    path: (s) => s.galleryEditHref,
    as: 'centre',
    submit: 'main form[action*="/zdjecia?"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'events (wydarzenia)', path: '/wydarzenia', shot: true },
  { name: 'events filtered (wydarzenia)', path: '/wydarzenia?rodzaj=debate' },
  { name: 'past events (wydarzenia)', path: '/wydarzenia?archiwum=1' },
  { name: 'event with registration (wydarzenia)', path: (s) => s.eventHref, shot: true },
  {
    name: 'event registration left empty (wydarzenia)',
    path: (s) => s.eventHref,
    submit: 'main form[action$="/zapisy"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'own registration (wydarzenia)', path: (s) => s.registrationHref, shot: true },
  { name: 'my events (wydarzenia)', path: '/konto/wydarzenia', as: 'admin' },
  { name: 'events organising list (wydarzenia)', path: '/admin/wydarzenia', as: 'centre' },
  { name: 'event form (wydarzenia)', path: '/admin/wydarzenia/nowe', as: 'district', shot: true },
  {
    name: 'event form left empty (wydarzenia)',
    path: '/admin/wydarzenia/nowe',
    as: 'centre',
    submit: 'main form[action="/admin/wydarzenia/nowe"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'academy catalogue (akademia)', path: '/akademia', shot: true },
  { name: 'event participants and check-in (wydarzenia)', path: (s) => s.eventAdminHref, as: 'centre', shot: true },
  {
    name: 'event check-in without a code (wydarzenia)',
    path: (s) => s.eventAdminHref,
    as: 'centre',
    submit: 'main form[action$="/obecnosc"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'follow form (obserwuj)', path: (s) => s.followHref, shot: true },
  { name: 'follow form signed in (obserwuj)', path: (s) => s.followHref, as: 'resident' },
  {
    name: 'follow form left empty (obserwuj)',
    path: (s) => s.followHref,
    submit: 'main form[action="/obserwuj"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'follow: confirming the address (subskrypcje)', path: (s) => s.followConfirmHref },
  { name: 'my subscriptions behind the mailed link (subskrypcje)', path: (s) => s.manageHref, shot: true },
  { name: 'my subscriptions (subskrypcje)', path: '/konto/subskrypcje', as: 'resident' },
  { name: 'one-click unsubscribe (wypisz)', path: (s) => s.unsubscribeHref },
  { name: 'notification feeds (powiadomienia)', path: '/powiadomienia' },
  { name: 'advice: questions and answers (doradztwo)', path: '/doradztwo', shot: true },
  { name: 'advice: questions and answers on one topic (doradztwo)', path: '/doradztwo?temat=spatial_planning' },
  { name: 'advice: a published question and answer (doradztwo)', path: (s) => s.adviceQaHref },
  { name: 'advice: the request form (doradztwo)', path: '/doradztwo/nowa', shot: true },
  { name: 'advice: the request form signed in (doradztwo)', path: '/doradztwo/nowa', as: 'resident' },
  {
    name: 'advice: the request form left empty (doradztwo)',
    path: '/doradztwo/nowa',
    submit: 'main form[action^="/doradztwo/nowa"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'advice: my requests (doradztwo)', path: '/konto/doradztwo', as: 'resident' },
  { name: 'advice: an answered request to rate (doradztwo)', path: (s) => s.adviceMineHref, as: 'resident', shot: true },
  {
    name: 'advice: a rating left out (doradztwo)',
    path: (s) => s.adviceMineHref,
    as: 'resident',
    submit: 'main form[action$="/ocena"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'advice: the queue (doradztwo)', path: '/admin/doradztwo', as: 'adviser', shot: true },
  { name: 'advice: the queue with the desk setting (doradztwo)', path: '/admin/doradztwo?widok=w-toku', as: 'admin' },
  { name: 'advice: answered requests (doradztwo)', path: '/admin/doradztwo?widok=odpowiedziane', as: 'adviser' },
  { name: 'advice: a paused request (doradztwo)', path: (s) => s.advicePausedHref, as: 'adviser', shot: true },
  { name: 'advice: a new request to take (doradztwo)', path: (s) => s.adviceNewHref, as: 'adviser' },
  { name: 'advice: an answered request to publish (doradztwo)', path: (s) => s.advicePublishedHref, as: 'adviser' },
  {
    name: 'advice: an answer too short (doradztwo)',
    path: (s) => s.advicePausedHref,
    as: 'adviser',
    fill: { '#advice_answer': 'Tak.' },
    submit: 'main form[action$="/odpowiedz"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'advice: a request in the ledger (doradztwo)', path: (s) => s.adviceLedgerHref },
  { name: 'newsletter archive with the sign-up form (newsletter)', path: '/newsletter', shot: true },
  { name: 'newsletter issue (newsletter)', path: (s) => s.newsletterHref },
  { name: 'newsletter editing list (newsletter)', path: '/admin/newsletter', as: 'centre' },
  {
    name: 'newsletter pace out of range (newsletter)',
    path: '/admin/newsletter',
    as: 'centre',
    fill: { '#newsletter_per_minute': '0' },
    submit: 'main form[action="/admin/newsletter/tempo"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'newsletter form (newsletter)', path: '/admin/newsletter/nowy', as: 'centre' },
  {
    name: 'newsletter form left empty (newsletter)',
    path: '/admin/newsletter/nowy',
    as: 'centre',
    submit: 'main form[action="/admin/newsletter/nowy"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'newsletter draft preview (newsletter)', path: (s) => s.newsletterDraftHref, as: 'centre', shot: true },
  { name: 'newsletter draft edit form (newsletter)', path: (s) => `${s.newsletterDraftHref}/edycja`, as: 'centre' },
  {
    name: 'newsletter scheduled in the past (newsletter)',
    path: (s) => s.newsletterDraftHref,
    as: 'centre',
    fill: { '#newsletter_scheduled_at': '2020-01-01T10:00' },
    submit: 'main form[action$="/zaplanuj"] button[type="submit"]',
    expect: '#error-summary',
    status: 422,
  },
  { name: 'newsletter sent issue preview (newsletter)', path: (s) => s.newsletterSentHref, as: 'centre' },
].filter((p) => !ONLY || p.name.includes(ONLY) || (typeof p.path === 'string' && p.path.includes(ONLY)));

// ---------------------------------------------------------------------------
// The server

let server; // { base, dataDir, stop() } from lib.mjs
let base; // http://127.0.0.1:PORT
let browser;
const contexts = new Map(); // "lang/account" -> BrowserContext
const state = {};
const results = []; // { page, lang, width, violations, overflow, error }

before(async () => {
  server = await startServer();
  base = server.base;
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(DOC_SHOTS, { recursive: true });

  // The consultation the staff pages are checked on.
  const ctx = await context('pl', 'admin');
  const page = await ctx.newPage();
  await page.goto(`${base}/admin/konsultacje`);
  const hrefs = await page.$$eval('main a[href^="/admin/konsultacje/"]', (as) =>
    as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })),
  );
  await page.close();
  const link = hrefs.find((h) => /^\/admin\/konsultacje\/\d+$/.test(h.href) && /Podzamcze/.test(h.text));
  assert.ok(link, `no link to the ${STAFF_CONSULTATION} edit form on /admin/konsultacje`);
  state.id = link.href.split('/').pop();
  await setUp(ctx);
});

/**
 * Data some pages need: a unit's and a dialogue body's edit links, a draft that breaks the rules, an
 * event's edit link, a password-reset token, an accessibility request and its
 * receipt.
 */
async function setUp(ctx) {
  const page = await ctx.newPage();
  await page.goto(`${base}/admin/jednostki`);
  state.unitHref = await page.$eval('main a[href^="/admin/jednostki/"]', (a) => a.getAttribute('href'));
  await page.goto(`${base}/admin/ciala-dialogu`);
  state.bodyHref = await page.$eval('main table a[href^="/admin/ciala-dialogu/"]', (a) => a.getAttribute('href'));
  await page.goto(`${base}/odpowiedzi-miasta`);
  state.ledgerItemHref = await page.$eval('main table a[href^="/odpowiedzi-miasta/"]', (a) => a.getAttribute('href'));
  // KRDPP's meetings: the staff list, a past meeting's public and staff pages.
  await page.goto(`${base}/ciala-dialogu/krdpp`);
  state.meetingsHref = await page.$eval('main a[href$="/posiedzenia"]', (a) => a.getAttribute('href'));
  state.meetingHref = await page.$eval('#past-meetings a', (a) => a.getAttribute('href'));
  await page.goto(`${base}${state.meetingsHref}`);
  state.staffMeetingHref = await page.$eval('main a[href*="/posiedzenia/"]', (a) => a.getAttribute('href'));
  // The demo application to join the public benefit council and the demo request for a body.
  await page.goto(`${base}/ciala-dialogu/krdpp`);
  state.applicationsHref = await page.$eval('main a[href$="/zgloszenia"]', (a) => a.getAttribute('href'));
  await page.goto(`${base}${state.applicationsHref}`);
  state.applicationHref = await page.$eval('#pending-applications a', (a) => a.getAttribute('href'));
  await page.goto(`${base}/admin/wnioski-o-ciala`);
  state.bodyRequestHref = await page.$eval('#body-requests a', (a) => a.getAttribute('href'));
  // The demo forum: the thread with the city's position and one of its posts, and the
  // district thread with a hidden post.
  await page.goto(`${base}/forum/transport`);
  state.threadHref = await page.$eval('main table a[href^="/forum/watki/"]', (a) => a.getAttribute('href'));
  await page.goto(`${base}${state.threadHref}`);
  state.postId = (await page.$eval('main article.post', (a) => a.id)).replace('wpis-', '');
  await page.goto(`${base}/forum/dzielnica-13`);
  state.hiddenThreadHref = await page.$eval('main table a[href^="/forum/watki/"]', (a) => a.getAttribute('href'));
  // Podgórze's council form, linked from the district's page for those who keep it.
  await page.goto(`${base}/dzielnice/podgorze`);
  state.councilHref = await page.$eval('main a[href^="/admin/dzielnice/"][href$="/rada"]', (a) => a.getAttribute('href'));
  // Its councillors, terms and duty hours, and one councillor's form.
  state.councillorsHref = state.councilHref.replace(/\/rada$/, '/radni');
  await page.goto(`${base}${state.councillorsHref}`);
  state.councillorHref = await page.$eval('main table a[href*="/radni/"]', (a) => a.getAttribute('href'));
  // The newest demo news post, and its editing form.
  await page.goto(`${base}/aktualnosci`);
  state.newsHref = await page.$eval('main .news-list a[href^="/aktualnosci/"]', (a) => a.getAttribute('href'));
  state.newsEditHref = `/admin/aktualnosci/${/\/aktualnosci\/(\d+)/.exec(state.newsHref)[1]}`;
  // The Centre's content: a page's, the demo publication's and the demo gallery's edit forms.
  await page.goto(`${base}/admin/centrum`);
  state.centrePageEditHref = await page.$eval('main table a[href^="/admin/centrum/"]', (a) => a.getAttribute('href'));
  await page.goto(`${base}/admin/publikacje`);
  state.publicationEditHref = await page.$eval('main table a[href^="/admin/publikacje/"]', (a) => a.getAttribute('href'));
  await page.goto(`${base}/admin/galerie`);
  state.galleryEditHref = await page.$eval('main table a[href^="/admin/galerie/"]', (a) => a.getAttribute('href'));
  // The demo newsletter: the sent issue in the archive and on the editors' screen, and the draft.
  await page.goto(`${base}/newsletter`);
  state.newsletterHref = await page.$eval('main .newsletter-list a[href^="/newsletter/"]', (a) => a.getAttribute('href'));
  state.newsletterSentHref = `/admin${state.newsletterHref}`;
  await page.goto(`${base}/admin/newsletter`);
  state.newsletterDraftHref = await page.$$eval('main table tr', (rows) =>
    rows.find((r) => /Szkic/.test(r.textContent)).querySelector('a').getAttribute('href'));
  // The demo conference, its participants' screen, and a registration made here (the
  // conference is full, so it joins the waiting list).
  await page.goto(`${base}/wydarzenia?rodzaj=conference`);
  state.eventHref = await page.$eval('main .events a[href^="/wydarzenia/"]', (a) => a.getAttribute('href'));
  state.eventAdminHref = `/admin${state.eventHref}/uczestnicy`;
  await page.goto(`${base}${state.eventHref}`);
  await page.fill('#participant_name', 'Osoba z testów');
  await page.fill('#participant_email', 'e2e-uczestnik@example.org');
  await Promise.all([page.waitForNavigation(), page.click('main form[action$="/zapisy"] button[type="submit"]')]);
  state.registrationHref = new URL(page.url()).pathname;
  assert.ok(state.registrationHref.startsWith('/wydarzenia/zgloszenie/'), `registering failed (at ${page.url()})`);

  // Following Podgórze without an account: one address left waiting on its confirmation
  // link, another confirmed, whose link leads to its subscriptions; a news post of Podgórze
  // then brings it a notice with its one-click unsubscribe address.
  await page.goto(`${base}/dzielnice/podgorze`);
  state.followHref = await page.$eval('main a[href^="/obserwuj"]', (a) => a.getAttribute('href'));
  const visitor = await (await context('pl')).newPage();
  const follow = async (email) => {
    const seen = outboxNames(server.dataDir);
    await visitor.goto(`${base}${state.followHref}`);
    await visitor.fill('#email', email);
    await visitor.check('#frequency-instant');
    await Promise.all([visitor.waitForNavigation(), visitor.click('main form[action="/obserwuj"] button[type="submit"]')]);
    return (await waitForMail(server.dataDir, seen, /(\/subskrypcje\/potwierdz\/[A-Za-z0-9_-]+)/))[1];
  };
  state.followConfirmHref = await follow('e2e-czeka@example.org');
  const confirmHref = await follow('e2e-obserwuje@example.org');
  await visitor.goto(`${base}${confirmHref}`);
  await Promise.all([visitor.waitForNavigation(), visitor.click('main form button[type="submit"]')]);
  state.manageHref = await visitor.$eval('main a[href^="/subskrypcje/"]', (a) => a.getAttribute('href'));
  await visitor.close();
  const editor = await context('pl', 'district');
  const ep = await editor.newPage();
  const seenNews = outboxNames(server.dataDir);
  await ep.goto(`${base}/admin/aktualnosci/nowa`);
  await ep.fill('#news_title', 'Wiadomość z testów dla obserwujących');
  await ep.fill('#news_lead', 'Krótki wstęp wiadomości z testów.');
  await ep.fill('#news_body', 'Treść wiadomości z testów.');
  await ep.selectOption('#news_district', { index: 1 });
  await ep.check('#publish-now');
  await Promise.all([ep.waitForNavigation(), ep.click('main form[action^="/admin/aktualnosci/nowa"] button[type="submit"]')]);
  await ep.close();
  state.unsubscribeHref = (await waitForMail(server.dataDir, seenNews, /(\/wypisz\/[A-Za-z0-9_-]+)/, 60000))[1];

  // The demo advice requests: the published one, a resident's answered one, the adviser's
  // paused, new and published ones, and an unpublished one's row in the ledger.
  await page.goto(`${base}/doradztwo`);
  state.adviceQaHref = await page.$eval('main a[href^="/doradztwo/pytania/"]', (a) => a.getAttribute('href'));
  const published = state.adviceQaHref.split('/').pop();
  state.advicePublishedHref = `/admin/doradztwo/${published}`;
  await page.goto(`${base}/admin/doradztwo?widok=w-toku`);
  state.advicePausedHref = await page.$$eval('main table tr', (rows) =>
    rows.find((r) => /Czeka na odpowiedź osoby pytającej/.test(r.textContent)).querySelector('a').getAttribute('href'));
  await page.goto(`${base}/admin/doradztwo`);
  state.adviceNewHref = await page.$eval('main table a[href^="/admin/doradztwo/"]', (a) => a.getAttribute('href'));
  state.adviceLedgerHref = `/odpowiedzi-miasta/${state.adviceNewHref.split('/').pop()}`;
  const resident = await context('pl', 'resident');
  const rp = await resident.newPage();
  await rp.goto(`${base}/konto/doradztwo`);
  state.adviceMineHref = await rp.$eval('main table a[href^="/doradztwo/prosby/"]', (a) => a.getAttribute('href'));
  await rp.close();

  // A draft consultation lasting four days with no methods: publishing it
  // shows the page that lists the rules it breaks.
  await page.goto(`${base}/admin/konsultacje/nowa`);
  await page.fill('#title', 'Konsultacja testowa e2e');
  await page.fill('#summary', 'Krótkie streszczenie konsultacji testowej.');
  await page.fill('#description', 'Opis konsultacji testowej, która łamie zasady publikacji.');
  await page.fill('#opens_at', '2027-03-01T09:00');
  await page.fill('#closes_at', '2027-03-05T23:59');
  for (const box of await page.$$('input[name="languages"]')) {
    await box.check();
    break;
  }
  await Promise.all([page.waitForNavigation(), page.click('main form[action="/admin/konsultacje/nowa"] button[type="submit"]')]);
  const m = /\/admin\/konsultacje\/(\d+)/.exec(page.url());
  assert.ok(m, `creating a draft consultation failed (at ${page.url()})`);
  state.draftId = m[1];

  // An event of the staff consultation, for its edit form.
  await page.goto(`${base}/admin/konsultacje/${state.id}/program`);
  state.eventEditHref = await page.$eval('main a[href*="/program/wydarzenia/"]', (a) => a.getAttribute('href'));

  // A password-reset link, read from the mail outbox.
  const seen = outboxNames(server.dataDir);
  const anon = await browser.newContext();
  const p2 = await anon.newPage();
  await p2.goto(`${base}/konto/haslo/przypomnij`);
  await p2.fill('main input[name="email"]', ACCOUNTS.moderator.email);
  await Promise.all([p2.waitForNavigation(), p2.click('main form button[type="submit"]')]);
  state.resetToken = (await waitForMail(server.dataDir, seen, /\/konto\/haslo\/nowe\/([A-Za-z0-9_-]+)/))[1];

  // An accessibility request about the open consultation, its receipt and its staff page.
  await p2.goto(`${base}/deklaracja-dostepnosci/wniosek?adres=${encodeURIComponent(`/konsultacje/${OPEN}`)}`);
  await p2.check('main input[name="format"][value="easy_read"]');
  await p2.fill('#contact', 'wniosek@example.pl');
  await Promise.all([p2.waitForNavigation(), p2.click('main form button[type="submit"]')]);
  assert.match(p2.url(), /\/deklaracja-dostepnosci\/wniosek\/[0-9a-f]+$/, 'sending an accessibility request failed');
  state.accessReceipt = new URL(p2.url()).pathname;
  await anon.close();
  await page.goto(`${base}/admin/wnioski-dostepnosci`);
  state.accessId = (await page.$eval('main a[href^="/admin/wnioski-dostepnosci/"]', (a) => a.getAttribute('href'))).split('/').pop();

  // A submission's formal check page, linked from the answering screen.
  await page.goto(`${base}/admin/konsultacje/${state.id}/uwagi`);
  state.formalCheckHref = await page.$eval('main a[href$="/ocena"]', (a) => a.getAttribute('href'));

  // The demo survey: its builder's id, a text question's answers, a cross-tab, a district page.
  await page.goto(`${base}/admin/ankiety`);
  state.surveyId = (await page.$eval('main a[href^="/admin/ankiety/"]:not([href$="nowa"])', (a) => a.getAttribute('href'))).split('/').pop();
  await page.goto(`${base}/ankiety/${SURVEY}/wyniki`);
  state.textsHref = await page.$eval('main a[href*="/wyniki/pytanie/"]', (a) => a.getAttribute('href'));
  state.crossQ = await page.$eval('#pytanie option:nth-child(5)', (o) => o.value);
  state.crossP = await page.$eval('#profil option:nth-child(2)', (o) => o.value);
  await page.goto(`${base}/`);
  state.districtHref = await page.$eval('main a[href^="/dzielnice/"]', (a) => a.getAttribute('href'));
  await page.goto(`${base}/dzielnice`);
  state.districtMapHref = await page.$$eval('main .district-list a', (as) =>
    as.find((a) => a.textContent.replace(/\s+/g, ' ').trim() === 'XIII Podgórze').getAttribute('href'));
  await page.close();
}

after(async () => {
  printTable();
  for (const c of contexts.values()) await c.close().catch(() => {});
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
});

// ---------------------------------------------------------------------------
// Browser contexts: one per language and account, signed in through the form.

async function context(lang, account) {
  const key = `${lang}/${account || 'anonymous'}`;
  if (contexts.has(key)) return contexts.get(key);
  // bypassCSP: the site allows only its own scripts; axe is injected inline.
  const ctx = await browser.newContext({ bypassCSP: true, locale: lang === 'pl' ? 'pl-PL' : 'en-GB' });
  ctx.setDefaultTimeout(20000);
  const page = await ctx.newPage();
  // The language is a cookie set by the header's language link.
  await page.goto(`${base}/jezyk/${lang}?next=/`);
  assert.equal(await page.getAttribute('html', 'lang'), lang, `switching to ${lang}`);
  if (account) {
    const { email, password } = ACCOUNTS[account];
    await page.goto(`${base}/konto/logowanie`);
    await page.fill('main form[action="/konto/logowanie"] input[name="email"]', email);
    await page.fill('main form[action="/konto/logowanie"] input[name="password"]', password);
    await Promise.all([
      page.waitForNavigation(),
      page.click('main form[action="/konto/logowanie"] button[type="submit"]'),
    ]);
    const out = await page.$('form[action="/konto/wyloguj"]');
    assert.ok(out, `signing in as ${email} failed (at ${page.url()})`);
  }
  await page.close();
  contexts.set(key, ctx);
  return ctx;
}

// ---------------------------------------------------------------------------
// One check: a page, a language and a width.

async function check(spec, lang, size) {
  const ctx = await context(lang, spec.as);
  const page = await ctx.newPage();
  await page.setViewportSize({ width: size.width, height: size.height });
  const path = typeof spec.path === 'function' ? spec.path(state) : spec.path;
  const res = { page: spec.name, path, lang, width: size.width, violations: [], incomplete: [], overflow: null, error: null };
  try {
    let resp = await page.goto(base + path);
    if (spec.submit) {
      assert.equal(resp.status(), 200, `${path}: HTTP ${resp.status()}`);
      for (const [sel, text] of Object.entries(spec.fill || {})) await page.fill(sel, text);
      for (const sel of spec.check || []) await page.check(sel);
      // The server's checks are what is tested, as in a browser without constraint validation.
      await page.$$eval('main form', (fs) => fs.forEach((f) => (f.noValidate = true)));
      [resp] = await Promise.all([page.waitForNavigation(), page.click(spec.submit)]);
    }
    const want = spec.status || 200;
    assert.equal(resp.status(), want, `${page.url()}: HTTP ${resp.status()}, expected ${want}`);
    assert.equal(await page.getAttribute('html', 'lang'), lang, `${path}: page not in ${lang}`);
    if (spec.expect) {
      assert.ok(await page.$(spec.expect), `${path}: ${spec.expect} not shown`);
    }
    await page.addScriptTag({ path: AXE_PATH });
    const axe = await page.evaluate((opts) => window.axe.run(document, opts), AXE_OPTIONS);
    res.violations = axe.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
    // What axe could not decide (e.g. contrast over an image): listed, not failed.
    res.incomplete = axe.incomplete.map(
      (v) => `${v.id} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 3 ? ', …' : ''})`,
    );
    if (size.width <= 320) {
      res.overflow = await page.evaluate(() => {
        const de = document.documentElement;
        if (de.scrollWidth <= window.innerWidth) return null;
        // Name the widest offenders, for the report.
        const wide = [];
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.right > window.innerWidth + 0.5 && r.width > 0) {
            const id = el.id ? `#${el.id}` : '';
            const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
            wide.push(`${el.tagName.toLowerCase()}${id}${cls} (right ${Math.round(r.right)})`);
          }
        }
        return { scrollWidth: de.scrollWidth, innerWidth: window.innerWidth, elements: wide.slice(0, 8) };
      });
    }
    if (spec.shot) {
      const file = `${spec.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}-${lang}-${size.name}.png`;
      await page.screenshot({ path: join(SHOTS, file), fullPage: true });
    }
    if (spec.doc && lang === 'pl') {
      // What a visitor first sees, so the images stay small enough to keep in the repository.
      await page.screenshot({ path: join(DOC_SHOTS, `${spec.doc}-${size.name}.png`) });
    }
  } catch (e) {
    res.error = e.message.split('\n')[0];
  } finally {
    await page.close();
  }
  results.push(res);
  return res;
}

function describe(res) {
  const lines = [];
  if (res.error) lines.push(`  error: ${res.error}`);
  for (const v of res.violations) {
    lines.push(`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const t of v.targets) lines.push(`      ${t.target}${t.summary ? `\n        ${t.summary.replace(/\n/g, '\n        ')}` : ''}`);
  }
  if (res.overflow) {
    lines.push(`  horizontal scrolling at ${res.overflow.innerWidth} px: scrollWidth ${res.overflow.scrollWidth}`);
    for (const e of res.overflow.elements) lines.push(`      ${e}`);
  }
  return `${res.page} ${res.path} [${res.lang}, ${res.width} px]\n${lines.join('\n')}`;
}

function printTable() {
  if (!results.length) return;
  const rows = [];
  for (const spec of PAGES) {
    const cells = [];
    for (const lang of LANGS) {
      for (const size of WIDTHS) {
        const r = results.find((x) => x.page === spec.name && x.lang === lang && x.width === size.width);
        if (!r) cells.push('-');
        else if (r.error) cells.push('ERR');
        else cells.push(`${r.violations.length}${r.overflow ? '+scroll' : ''}`);
      }
    }
    rows.push([spec.name, ...cells]);
  }
  const head = ['page', ...LANGS.flatMap((l) => WIDTHS.map((w) => `${l} ${w.width}`))];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
  const out = [
    'axe-core WCAG 2.1 A/AA violations (number of rules failed; +scroll = horizontal scrolling at 320 px)',
    fmt(head),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map(fmt),
  ].join('\n');
  console.log(`\n${out}\n`);
  try {
    const bad = results.filter((r) => r.error || r.violations.length || r.overflow);
    const review = results
      .filter((r) => r.incomplete.length)
      .map((r) => `${r.page} ${r.path} [${r.lang}, ${r.width} px]: ${r.incomplete.join('; ')}`);
    writeFileSync(
      join(SHOTS, 'axe-summary.txt'),
      `${out}\n\n${bad.map(describe).join('\n\n')}\n\naxe could not decide (review by hand):\n${review.join('\n') || 'nothing'}\n`,
    );
  } catch {
    // the folder may be gone; the table is printed anyway
  }
}

// ---------------------------------------------------------------------------

for (const spec of PAGES) {
  test(`${spec.name}: no WCAG 2.1 AA violations in pl and en at 1280 and 320 px`, async () => {
    const failures = [];
    for (const lang of LANGS) {
      for (const size of WIDTHS) {
        const res = await check(spec, lang, size);
        if (res.error || res.violations.length || res.overflow) failures.push(describe(res));
      }
    }
    if (failures.length) {
      const text = failures.join('\n\n');
      console.log(text);
      assert.fail(`${failures.length} of ${LANGS.length * WIDTHS.length} checks failed:\n${text}`);
    }
  });
}
