// Hostile input, end to end: a vault whose every free-text field and evidence file name holds
// a script payload of the corpus (hostile/payloads.mjs, put in through a snapshot import) is
// opened in the real app. Every screen, and the first record of every list, is opened; on each
// the DOM must hold no element a payload would have made (`data-xss`), no alert may be open
// and the canary (`security_canary`, which only an injected script calls) must not have been
// called. The Stage 2 pack is exported as a PDF: the payloads are in it as text, and it holds
// no script or action. Finally markup is added and the canary called on purpose, to show
// both tripwires fire.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PAYLOADS } from '../hostile/payloads.mjs';
import { makeHostileVault } from '../hostile/vault.mjs';
import {
  answerNextDialog,
  appDataDir,
  byId,
  click,
  ismsBinary as isms,
  rememberAndRelaunch,
  shot,
  textOf,
  unlockRecent,
} from '../support.mjs';

const PASS = 'hostile input passphrase 2026';
const canary = path.join(appDataDir(), 'security-canary.log');
const work = mkdtempSync(path.join(tmpdir(), 'isms-desk-hostile-'));

/** Fails if an injected script ran or any payload became markup on the current screen. */
async function assertInert(where) {
  const found = await browser.execute(() =>
    [...document.querySelectorAll('[data-xss]')].map((e) => e.outerHTML.slice(0, 120)),
  );
  expect({ where, rendered: found }).toEqual({ where, rendered: [] });
  // An open alert would have failed the `execute` above ("unexpected alert open").
  const ran = existsSync(canary) ? readFileSync(canary, 'utf8') : '';
  expect({ where, canary: ran }).toEqual({ where, canary: '' });
}

/** How many payload texts the screen shows, read as text. */
const payloadsShown = () =>
  browser.execute(
    (marker) => document.body.textContent.split(marker).length - 1,
    'security_canary',
  );

describe('hostile input, end to end', () => {
  let payloads = 0;

  before(async () => {
    rmSync(canary, { force: true });
    ({ payloads } = makeHostileVault(isms, work, PASS));
    await rememberAndRelaunch(path.join(work, 'hostile.isms'));
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('put the whole corpus into the vault', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(500);
    expect(payloads).toBeGreaterThanOrEqual(PAYLOADS.length);
  });

  it('unlocks the hostile vault from the start screen', async () => {
    await (await byId('recent-item')).waitForDisplayed();
    await assertInert('start');
    await unlockRecent(PASS);
    await (await byId('dashboard-stage2')).waitForDisplayed({ timeout: 60000 });
    await assertInert('dashboard');
    await shot('95-hostile-dashboard');
  });

  it('opens every screen and the first record of every list without running a payload', async () => {
    const screens = await browser.execute(() => [
      ...new Set([...document.querySelectorAll('[data-testid^="nav-"]')].map((a) => a.dataset.testid)),
    ]);
    expect(screens.length).toBeGreaterThan(12);
    const seen = {};
    for (const screen of screens) {
      await click(screen);
      await browser.pause(700);
      await assertInert(screen);
      seen[screen] = await payloadsShown();
      // A row opens its record, in a dialog or on a page of its own, from its link or its
      // first cell's button (or a click anywhere on it).
      const before = await browser.execute(() => location.href);
      const opened = await browser.execute(() => {
        // Rows edited in place (the training matrix, the clause checklist) open nothing.
        const row = [...document.querySelectorAll('[data-testid$="-row"]')].find(
          (r) => r.classList.contains('clickable') || r.querySelector('a[href], .row-open'),
        );
        if (!row) return false;
        (row.querySelector('a[href], .row-open') ?? row).click();
        return true;
      });
      if (opened) {
        await browser.waitUntil(
          () =>
            browser.execute(
              (was) => document.querySelector('dialog[open]') !== null || location.href !== was,
              before,
            ),
          { timeoutMsg: `${screen}: the first record did not open` },
        );
        await browser.pause(500);
        await assertInert(`${screen} record`);
        const dialog = await $('dialog[open]');
        if (await dialog.isExisting()) {
          await browser.keys('Escape');
          await dialog.waitForDisplayed({ reverse: true });
        }
      }
    }
    await click('nav-risks');
    await browser.pause(300);
    await shot('96-hostile-risks');
    // The payloads are on the screens as text: most screens show some.
    const showing = Object.values(seen).filter((n) => n > 0).length;
    if (showing <= screens.length / 2) {
      throw new Error(`only ${showing} screens show payload text: ${JSON.stringify(seen)}`);
    }
  });

  it('exports the Stage 2 pack with the payloads as text and no script or action', async () => {
    const pdf = path.join(work, 'hostile stage 2.pdf');
    await click('nav-export');
    await (await byId('export-form')).waitForDisplayed();
    await click('export-pack-stage2');
    const radio = await $('[data-testid="export-format"] input[value="pdf"]');
    await radio.scrollIntoView({ block: 'center' });
    await radio.click();
    answerNextDialog(pdf);
    await click('export-choose');
    await browser.waitUntil(async () => (await (await byId('export-file')).getValue()) === pdf);
    await click('export-run');
    await (await byId('export-done')).waitForDisplayed({ timeout: 180000 });
    await assertInert('export done');
    expect(await textOf(await byId('export-done-name'))).toBe(path.basename(pdf));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text.split('security_canary').length - 1).toBeGreaterThan(20);
    const objects = execFileSync('qpdf', ['--json', '--json-key=qpdf', pdf], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    for (const name of ['/JavaScript', '/JS', '/OpenAction', '/AA', '/Launch', '/URI', '/EmbeddedFile']) {
      expect({ name, found: objects.includes(`"${name}"`) }).toEqual({ name, found: false });
    }
  });

  it('still sees markup that does render, and the canary when it really is called', async () => {
    const seen = await browser.execute(() => {
      document.body.insertAdjacentHTML('beforeend', '<b data-xss="0" id="control">x</b>');
      const found = document.querySelectorAll('[data-xss]').length;
      document.getElementById('control').remove();
      return found;
    });
    expect(seen).toBe(1);
    expect(existsSync(canary)).toBe(false);
    await browser.execute(() => window.__TAURI_INTERNALS__.invoke('security_canary', { n: 0 }));
    await browser.waitUntil(() => existsSync(canary), { timeoutMsg: 'the canary never fired' });
    expect(readFileSync(canary, 'utf8')).toMatch(/^payload 0 ran at /);
    rmSync(canary);
  });
});
