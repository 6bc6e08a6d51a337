// A damaged vault, end to end: the demo company is made with the `isms` command line and
// opened once in the app (which writes the day's automatic backup), then locked. Its first page
// is damaged on disk. Unlocking now says the file is damaged (the passphrase is right), offers
// the backup, and restores it as a new file beside the damaged one, which opens. The damaged
// file is byte for byte what it was.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  appDataDir,
  byId,
  click,
  lockPage,
  makeDemo,
  relaunchAfterLock,
  rememberAndRelaunch,
  shot,
  textOf,
  unlockRecent as unlock,
} from '../support.mjs';

const PASS = 'restore from backup passphrase';
const work = mkdtempSync(path.join(tmpdir(), 'isms-desk-restore-'));
const vault = path.join(work, 'Damaged Co.isms');

const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The automatic backups the app has written, anywhere under its backup folder. */
function autoBackups() {
  const root = path.join(appDataDir(), 'backups');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true }).filter((f) => String(f).endsWith('.isms'));
}

describe('a damaged vault, end to end', () => {
  let damagedSha;

  before(async () => {
    makeDemo(vault, PASS);
    await rememberAndRelaunch(vault);
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('opens the vault once, which writes the day’s backup, and locks it', async () => {
    const before = autoBackups().length;
    await unlock(PASS);
    await (await byId('dashboard-stage1')).waitForDisplayed({ timeout: 60000 });
    await browser.waitUntil(() => autoBackups().length > before, {
      timeout: 30000,
      timeoutMsg: 'no automatic backup was written',
    });
    // Lock ends the page's process and the WebDriver session with it: the app is started again.
    await relaunchAfterLock(await lockPage());
    await (await byId('recent-item')).waitForDisplayed();
  });

  it('says a vault with a damaged page is damaged and offers the backup', async () => {
    // Bytes inside the first page's encrypted content: its HMAC no longer verifies.
    const fd = openSync(vault, 'r+');
    writeSync(fd, Buffer.from('damaged by the test'), 0, 19, 1000);
    closeSync(fd);
    damagedSha = sha(vault);
    await unlock(PASS);
    const offer = await byId('restore-offer');
    await offer.waitForDisplayed({ timeout: 30000 });
    expect(await textOf(offer)).toContain('The vault file is damaged');
    expect(await (await byId('unlock-error')).isExisting()).toBe(false);
    const target = await textOf(await byId('restore-target'));
    expect(target).toMatch(/^Damaged Co restored \d{4}-\d{2}-\d{2} \d{4}\.isms$/);
    await shot('97-restore-offer');
    expect(sha(vault)).toBe(damagedSha);
  });

  it('restores the backup as a copy beside the damaged file and opens it', async () => {
    const target = await textOf(await byId('restore-target'));
    await click('restore-submit');
    await (await byId('dashboard-stage1')).waitForDisplayed({ timeout: 60000 });
    const copy = path.join(work, target);
    expect(existsSync(copy)).toBe(true);
    expect(sha(vault)).toBe(damagedSha);
    expect(await textOf(await byId('sidebar-org-name'))).toBe('Northwind Analytics Ltd');
    await shot('98-restore-opened');
  });
});
