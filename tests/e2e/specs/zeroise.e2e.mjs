// Locking wipes the secrets from the app's own process and from the page's. The demo company is made with the
// `isms` command line under a passphrase used nowhere else and unlocked in the app. While it is
// open, the app process's memory holds the passphrase (the vault keeps it for backups and the
// passphrase change), which shows the scan sees what is there. The passphrase is then changed
// in Settings (two passphrases in one command). After the Lock button neither passphrase is
// anywhere in that process's memory, in UTF-8 or UTF-16, in use or freed. The page and HMAC
// keys SQLCipher derives are never there in the raw: SQLCipher keeps them masked, and the test
// holds it to that. WebKit's page process (WebKitWebProcess, a child of the app) had the text
// fields and the page's JavaScript strings: while the vault is open the passphrase is found
// there too; after Lock that process is gone (the shell ends it and loads the page in a new
// one, page.rs) and no WebKit process of the app holds either passphrase.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scanMemory, sqlcipherKeys } from '../memory.mjs';
import { appProcess, webkitProcesses } from '../processes.mjs';
import {
  byId,
  click,
  lockPage,
  makeDemo,
  relaunchAfterLock,
  rememberAndRelaunch,
  typeInto,
  unlockRecent,
} from '../support.mjs';
import { application } from '../wdio.conf.mjs';

// Random per run, so no copy can come from an earlier run or from this file.
const PASS = `zeroise ${Math.random().toString(36).slice(2, 12)} passphrase`;
const NEW_PASS = `changed ${Math.random().toString(36).slice(2, 12)} passphrase`;
const work = mkdtempSync(path.join(tmpdir(), 'isms-desk-zeroise-'));
const vault = path.join(work, 'Zeroise Co.isms');

/** The app this session drives (the relaunch leaves the first one shutting down a moment). */
const appPid = () => appProcess(application, Number(process.env.ISMS_E2E_DRIVER_PID));
let unlockedPid;
/** The page processes while the vault was open. */
let openPages = [];

/** What must not be found: both passphrases and the keys of the one the file has now. */
function secrets(current) {
  const { key, hmacKey } = sqlcipherKeys(vault, current);
  return {
    'passphrase (UTF-8)': Buffer.from(PASS, 'utf8'),
    'passphrase (UTF-16)': Buffer.from(PASS, 'utf16le'),
    'new passphrase (UTF-8)': Buffer.from(NEW_PASS, 'utf8'),
    'new passphrase (UTF-16)': Buffer.from(NEW_PASS, 'utf16le'),
    'page key': key,
    'HMAC key': hmacKey,
  };
}

const summary = (found) => found.map((f) => `${f.needle} at 0x${f.address} in ${f.region}: ${f.context}`).join('\n');

describe('locking wipes the passphrase and keys from the app process', () => {
  before(async () => {
    makeDemo(vault, PASS);
    await rememberAndRelaunch(vault);
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds the passphrase and the keys while the vault is open', async () => {
    await unlockRecent(PASS);
    await (await byId('dashboard-stage1')).waitForDisplayed({ timeout: 60000 });
    unlockedPid = await appPid();
    const { found, bytesRead } = scanMemory(unlockedPid, secrets(PASS));
    console.log(`unlocked: read ${(bytesRead / 2 ** 20).toFixed(0)} MiB\n${summary(found)}`);
    const kinds = new Set(found.map((f) => f.needle));
    expect(kinds.has('passphrase (UTF-8)')).toBe(true);
    expect(kinds.has('page key') || kinds.has('HMAC key')).toBe(false);

    openPages = webkitProcesses(unlockedPid).filter((p) => p.kind === 'WebKitWebProcess');
    expect(openPages.length).toBeGreaterThan(0);
    const inPages = openPages.flatMap((p) => scanMemory(p.pid, secrets(PASS)).found);
    console.log(`unlocked, page processes ${openPages.map((p) => p.pid).join(', ')}: ${inPages.length} copies`);
    expect(inPages.some((f) => f.needle.startsWith('passphrase'))).toBe(true);
  });

  it('changes the passphrase in Settings', async () => {
    await click('nav-settings');
    await typeInto('settings-current-passphrase', PASS);
    await typeInto('settings-new-passphrase', NEW_PASS);
    await typeInto('settings-new-passphrase-confirm', NEW_PASS);
    await click('settings-change-passphrase');
    await (await byId('settings-passphrase-changed')).waitForDisplayed({ timeout: 60000 });
  });

  it('holds none of them after the Lock button', async () => {
    const pid = await lockPage();
    expect(pid).toBe(unlockedPid);
    const { found, bytesRead } = scanMemory(pid, secrets(NEW_PASS));
    console.log(`locked: read ${(bytesRead / 2 ** 20).toFixed(0)} MiB\n${summary(found)}`);
    expect(bytesRead).toBeGreaterThan(10 * 2 ** 20);
    expect(summary(found)).toBe('');
  });

  it("holds none of them in WebKit's processes after the Lock button: the page's is a new one", async () => {
    const helpers = webkitProcesses(unlockedPid);
    const pages = helpers.filter((p) => p.kind === 'WebKitWebProcess');
    expect(pages.length).toBeGreaterThan(0);
    const survivors = openPages.filter((old) => pages.some((p) => p.pid === old.pid));
    console.log(`locked: page processes ${pages.map((p) => p.pid).join(', ')}; from before: ${survivors.length}`);
    expect(survivors).toEqual([]);
    const all = [];
    for (const helper of helpers) {
      const { found, bytesRead } = scanMemory(helper.pid, secrets(NEW_PASS));
      console.log(`locked, ${helper.kind} ${helper.pid}: read ${(bytesRead / 2 ** 20).toFixed(0)} MiB\n${summary(found)}`);
      if (helper.kind === 'WebKitWebProcess') expect(bytesRead).toBeGreaterThan(10 * 2 ** 20);
      all.push(...found.map((f) => ({ ...f, region: `${helper.kind}: ${f.region}` })));
    }
    expect(summary(all)).toBe('');
  });

  it('unlocks with the new passphrase', async () => {
    await relaunchAfterLock(unlockedPid);
    await unlockRecent(NEW_PASS);
    await (await byId('dashboard-stage1')).waitForDisplayed({ timeout: 60000 });
  });
});
