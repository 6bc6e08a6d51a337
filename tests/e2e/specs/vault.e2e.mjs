// The foundation slice, as a user lives it: create a vault, lock it, mistype the passphrase,
// unlock, rename the organisation, quit, relaunch, unlock, and find the edit still there.
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import {
  byId,
  expectText,
  lockPage,
  relaunchAfterLock,
  shot,
  typeInto,
  unlockRecent as unlockFromRecent,
} from '../support.mjs';

const PASS = 'correct horse battery staple';
const ORG = 'Ørsted & Wąs Ltd';
const RENAMED = 'Søren Ødegård Consulting AS';

describe('the vault, end to end', () => {
  it('creates a vault from the start screen', async () => {
    await (await byId('start-create')).waitForDisplayed();
    await shot('01-start-empty');
    await (await byId('start-create')).click();
    await typeInto('create-org-name', ORG);
    await typeInto('create-passphrase', PASS);
    await typeInto('create-passphrase-confirm', PASS);
    const location = await (await byId('create-path')).getValue();
    await shot('02-create');
    await (await byId('create-submit')).click();
    await (await byId('dashboard-stage1')).waitForDisplayed();
    await expectText('sidebar-org-name', ORG);
    await shot('03-dashboard-new-vault');
    await (await byId('nav-organisation')).click();
    const name = await byId('org-name');
    await name.waitForDisplayed();
    expect(await name.getValue()).toBe(ORG);
    await shot('03-organisation');
    const home = process.env.ISMS_E2E_HOME;
    const expected = path.join(home, 'Documents', 'ISMS Desk');
    expect(location.startsWith(expected)).toBe(true);
  });

  it('locks, refuses a wrong passphrase, and unlocks with the right one', async () => {
    // Lock ends the page's process and the WebDriver session with it: the app is started again.
    await relaunchAfterLock(await lockPage());
    await (await byId('recent-item')).waitForDisplayed();
    await shot('04-start-recent');
    await unlockFromRecent('not the passphrase at all');
    const error = await byId('unlock-error');
    await error.waitForDisplayed();
    expect((await error.getText()).toLowerCase()).toContain('passphrase');
    await shot('05-unlock-wrong');
    await typeInto('unlock-passphrase', PASS);
    await (await byId('unlock-submit')).click();
    await (await byId('dashboard-stage1')).waitForDisplayed();
    await (await byId('nav-organisation')).click();
    await (await byId('org-name')).waitForDisplayed();
  });

  it('saves an edit to the organisation name', async () => {
    await typeInto('org-name', RENAMED);
    await (await byId('org-save')).click();
    await (await byId('org-saved')).waitForDisplayed();
    await expectText('sidebar-org-name', RENAMED);
    await shot('06-organisation-saved');
  });

  it('finds the edit after quitting and relaunching the app', async () => {
    await browser.reloadSession();
    await unlockFromRecent(PASS);
    await (await byId('dashboard-stage1')).waitForDisplayed();
    await (await byId('nav-organisation')).click();
    const name = await byId('org-name');
    await name.waitForDisplayed();
    expect(await name.getValue()).toBe(RENAMED);
    await (await byId('nav-settings')).click();
    await browser.pause(500);
    await shot('07-settings');
  });

  it('kept the vault encrypted on disk in the default folder', async () => {
    const dir = path.join(process.env.ISMS_E2E_HOME, 'Documents', 'ISMS Desk');
    const vaults = readdirSync(dir).filter((f) => f.endsWith('.isms'));
    expect(vaults.length).toBe(1);
    const bytes = readFileSync(path.join(dir, vaults[0]));
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('Ødegård'))).toBe(false);
  });
});
