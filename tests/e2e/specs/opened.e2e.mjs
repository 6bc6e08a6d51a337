// Opening an evidence file. The demo company is imported with one document's file renamed to a
// shell script: Open does not hand it to the system but offers Save a copy. Another document's
// file (Markdown) is opened: its decrypted copy lies in the app's private folder
// ($XDG_RUNTIME_DIR/isms-desk-opened, 0700; the copy 0600, in a folder of its own) whether or not
// the machine has an application for it, and Lock deletes the folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { byId, click, ismsBinary, lockPage, relaunchAfterLock, rememberAndRelaunch, shot, unlockRecent } from '../support.mjs';

const PASS = 'opened evidence passphrase';
const work = mkdtempSync(path.join(tmpdir(), 'isms-desk-opened-'));
const vault = path.join(work, 'Opened Co.isms');
const opened = path.join(process.env.ISMS_E2E_HOME, 'run', 'isms-desk-opened');

function makeVault() {
  const env = { ...process.env, ISMS_PASSPHRASE: PASS, ISMS_BACKUP_DIR: path.join(work, 'cli') };
  const run = (...args) => execFileSync(ismsBinary, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const base = path.join(work, 'base.isms');
  run('demo', base, '--at', 'stage1-ready');
  const snapshot = JSON.parse(run('snapshot', 'export', base));
  const scope = snapshot.documents.find((d) => d.reference === 'SCO-01').versions[0].evidence_id;
  snapshot.evidence.find((e) => e.id === scope).file_name = 'SCO-01 ISMS scope.sh';
  const snap = path.join(work, 'opened.json');
  writeFileSync(snap, JSON.stringify(snapshot));
  run('new', vault, '--org', 'Opened Co');
  run('snapshot', 'import', vault, snap);
}

async function openDocument(reference) {
  await click('nav-documents');
  let found;
  await browser.waitUntil(
    async () => {
      for (const row of await $$('[data-testid="documents-row-reference"]')) {
        if ((await row.getText()).includes(reference)) found = row;
      }
      return found !== undefined;
    },
    { timeoutMsg: `no document ${reference}` },
  );
  await found.click();
  await (await byId('version-open')).waitForDisplayed();
}

const mode = (p) => (statSync(p).mode & 0o777).toString(8);

describe('opened evidence files', () => {
  before(async () => {
    makeVault();
    await rememberAndRelaunch(vault);
    await unlockRecent(PASS);
    await (await byId('dashboard-stage1')).waitForDisplayed({ timeout: 60000 });
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('offers to save a copy of a script instead of opening it', async () => {
    await openDocument('SCO-01');
    await click('version-open');
    const banner = await byId('version-runs-code');
    await banner.waitForDisplayed();
    expect(await banner.getText()).toContain('SCO-01 ISMS scope.sh');
    expect(await (await byId('version-runs-code-save')).isDisplayed()).toBe(true);
    await shot('41-evidence-runs-code');
    expect(existsSync(opened) ? readdirSync(opened) : []).toEqual([]);
  });

  it('writes a document it opens into the private folder only', async () => {
    await browser.keys('Escape');
    await openDocument('POL-01');
    await click('version-open');
    await browser.waitUntil(() => existsSync(opened) && readdirSync(opened).length === 1, {
      timeoutMsg: 'no copy in the private folder',
    });
    const [own] = readdirSync(opened);
    const [file] = readdirSync(path.join(opened, own));
    expect(file).toBe('POL-01 Information security policy v1.0.md');
    const copy = path.join(opened, own, file);
    expect([mode(opened), mode(path.join(opened, own)), mode(copy)]).toEqual(['700', '700', '600']);
    expect(readFileSync(copy, 'utf8')).toContain('Information security');
  });

  it('deletes the copies on Lock', async () => {
    const app = await lockPage();
    expect(existsSync(opened)).toBe(false);
    await relaunchAfterLock(app);
  });
});
