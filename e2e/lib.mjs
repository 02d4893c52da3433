// What both end-to-end suites share: the real `agora serve --demo` on a free
// port with a temporary data directory, Debian's Chromium, and the mail outbox.
//
// Environment: AGORA_BIN (default ../target/debug/agora), CHROMIUM
// (default /usr/bin/chromium).

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const here = dirname(fileURLToPath(import.meta.url));
export const AGORA_BIN = resolve(here, process.env.AGORA_BIN || '../target/debug/agora');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** The demo accounts (their passwords are the demo data's). */
export const ACCOUNTS = {
  admin: { email: 'admin@agora.test', password: 'demo-admin-2026' },
  organiser: { email: 'organizator.ztp@agora.test', password: 'demo-ztp-2026' },
  moderator: { email: 'moderator@agora.test', password: 'demo-moderator-2026' },
  district: { email: 'redaktor.podgorze@agora.test', password: 'demo-podgorze-2026' },
  centre: { email: 'redaktor.centrum@agora.test', password: 'demo-centrum-2026' },
  adviser: { email: 'doradca@agora.test', password: 'demo-doradca-2026' },
  resident: { email: 'anna.mieszkanka@agora.test', password: 'demo-mieszkaniec-2026' },
};

/** The demo consultation that is open for remarks. */
export const OPEN = 'przebudowa-ulicy-podzamcze';

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/**
 * Starts `agora serve --demo` and waits until it answers /healthz.
 * Returns { base, dataDir, log(), stop() }.
 */
export async function startServer() {
  assert.ok(existsSync(AGORA_BIN), `no agora binary at ${AGORA_BIN}: build it with \`cargo build -p agora\` or set AGORA_BIN`);
  const dataDir = mkdtempSync(join(tmpdir(), 'agora-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(AGORA_BIN, ['serve', '--demo'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AGORA_DATA_DIR: dataDir,
      AGORA_LISTEN: `127.0.0.1:${port}`,
      AGORA_BASE_URL: base,
      AGORA_LOG: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (b) => {
    log = (log + b.toString()).slice(-20000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  const end = Date.now() + 60000;
  let last;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`agora exited with ${child.exitCode}:\n${log}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > end) throw new Error(`${base}/healthz not healthy after 60 s (${last}):\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    base,
    dataDir,
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => {
          const t = setTimeout(() => {
            child.kill('SIGKILL');
            r();
          }, 10000);
          child.on('exit', () => {
            clearTimeout(t);
            r();
          });
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Launches headless Chromium. */
export async function launchBrowser() {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The names of the messages in the outbox now, to tell later ones apart. */
export function outboxNames(dataDir) {
  const outbox = join(dataDir, 'outbox');
  return new Set(existsSync(outbox) ? readdirSync(outbox) : []);
}

/**
 * Waits for a new message in the outbox (one not in `seen`) whose decoded text
 * matches `pattern`; returns the match.
 */
export async function waitForMail(dataDir, seen, pattern, ms = 20000) {
  const outbox = join(dataDir, 'outbox');
  const end = Date.now() + ms;
  while (Date.now() < end) {
    for (const f of existsSync(outbox) ? readdirSync(outbox) : []) {
      if (seen.has(f)) continue;
      const text = readFileSync(join(outbox, f), 'utf8')
        .replace(/=\r?\n/g, '') // quoted-printable soft line breaks
        .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
      const m = pattern.exec(text);
      if (m) return m;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail matching ${pattern} in ${outbox}`);
}
