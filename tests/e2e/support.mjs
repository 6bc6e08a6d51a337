// What every end-to-end spec needs to act as a user: find elements by test id, type, click as a
// user would (scrolled to the middle of the window first), read text, take screenshots, and
// create a vault of its own from the start screen.
import { execFileSync } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { rememberVault } from './env.mjs';
import { appProcess, running, stopTree, webkitProcesses } from './processes.mjs';
import { application, artifacts } from './wdio.conf.mjs';

export const byId = (id) => $(`[data-testid="${id}"]`);

// WebKitGTK can hand over a frame painted before the last DOM changes: wait for two fresh
// frames, then a moment, before taking the picture.
export async function shot(name) {
  await browser.executeAsync((done) =>
    requestAnimationFrame(() => requestAnimationFrame(() => done())),
  );
  await browser.pause(300);
  await browser.saveScreenshot(path.join(artifacts, `${name}.png`));
}

// WebKitWebDriver's getText() returns "" for text cut with an ellipsis, so compare textContent.
export const textOf = async (el) => (await el.getProperty('textContent')).trim();

/** The texts of every element with this test id, in page order. */
export async function textsOf(id) {
  const texts = [];
  for (const el of await $$(`[data-testid="${id}"]`)) texts.push(await textOf(el));
  return texts;
}

export async function expectText(id, expected) {
  const el = await byId(id);
  await el.waitUntil(async () => (await textOf(el)) === expected, {
    timeoutMsg: `${id} never read "${expected}"`,
  });
}

export const centre = (el) => browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);

export async function typeInto(id, text) {
  const el = await byId(id);
  await el.waitForDisplayed();
  await el.clearValue();
  await el.setValue(text);
}

// WebKitGTK draws a date input as separate month, day and year fields in the locale's order,
// so typed keys land in the wrong fields: set the day as the date picker would and let the page
// hear it (input, then change), as a user leaving the field.
export async function setDate(id, ymd) {
  const el = await byId(id);
  await el.waitForDisplayed();
  await centre(el);
  await browser.execute(
    (input, value) => {
      input.focus();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      input.blur();
    },
    el,
    ymd,
  );
}

export async function click(id) {
  const el = await byId(id);
  await el.waitForDisplayed();
  await centre(el);
  await el.waitForClickable();
  await el.click();
}

/** Creates a vault for `organisation` from the start screen and waits for the app (the
 * dashboard, where a vault lands). */
export async function createVault(organisation, passphrase) {
  await click('start-create');
  await typeInto('create-org-name', organisation);
  await typeInto('create-passphrase', passphrase);
  await typeInto('create-passphrase-confirm', passphrase);
  await click('create-submit');
  await (await byId('dashboard-stage1')).waitForDisplayed();
}

// The GTK file dialog cannot be driven over WebDriver. The app under test is built with the
// cargo feature `e2e`, whose dialogs answer from this file instead (src-tauri/src/dialog.rs):
// one line per dialog, the chosen paths separated by tabs, or `cancel`; no line is a cancel.
const dialogAnswers = () => path.join(process.env.ISMS_E2E_HOME, '.isms-e2e-dialog');

/** Makes the next native file dialog choose `paths` (one for an open or save dialog). */
export function answerNextDialog(...paths) {
  appendFileSync(dialogAnswers(), `${paths.length ? paths.join('\t') : 'cancel'}\n`);
}

/** Forgets answers no dialog took. */
export const forgetDialogAnswers = () => rmSync(dialogAnswers(), { force: true });

// The debug build keeps its data apart from a release install (src-tauri/src/settings.rs).
export const appDataDir = () =>
  path.join(process.env.ISMS_E2E_HOME, '.local/share', 'app.ismsdesk.desktop-dev');

const targetDir = process.env.CARGO_TARGET_DIR ?? path.resolve(import.meta.dirname, '../../target');
/** The `isms` command line, built beside the app. */
export const ismsBinary = process.env.ISMS_CLI_BINARY ?? path.join(targetDir, 'debug', 'isms');

/**
 * Makes the demo company at `stage` in a new vault at `vault` with the `isms` command line, its
 * own backups kept beside it (in `cli/`), so the app's backup folder holds only what the app wrote.
 */
export function makeDemo(vault, passphrase, stage = 'stage1-ready') {
  execFileSync(ismsBinary, ['demo', vault, '--at', stage], {
    env: { ...process.env, ISMS_PASSPHRASE: passphrase, ISMS_BACKUP_DIR: path.join(path.dirname(vault), 'cli') },
    stdio: 'ignore',
  });
}

/** Puts `vault` alone on the recent list and relaunches the app, which then offers it. */
export async function rememberAndRelaunch(vault) {
  rememberVault(appDataDir(), vault);
  await browser.reloadSession();
}

/** Unlocks the vault at the top of the recent list with `passphrase`. */
export async function unlockRecent(passphrase) {
  const recent = await byId('recent-item');
  await recent.waitForDisplayed();
  await recent.click();
  await typeInto('unlock-passphrase', passphrase);
  await click('unlock-submit');
}

/** The app process this session drives, and its page processes (WebKitWebProcess). */
async function appAndPages() {
  const app = await appProcess(application, Number(process.env.ISMS_E2E_DRIVER_PID));
  const pages = webkitProcesses(app)
    .filter((p) => p.kind === 'WebKitWebProcess')
    .map((p) => p.pid);
  return { app, pages };
}

/**
 * Clicks Lock (or `button`, another way to lock: leaving the demo) and returns the app's pid
 * once the page process that was open has ended. Locking ends WebKit's page process (src-tauri/src/page.rs, so nothing typed survives in it), and
 * WebKitWebDriver ends the session with it: after this, only /proc can look at the app, and
 * {@link relaunchAfterLock} starts a new session.
 */
export async function lockPage(button = 'lock-button') {
  const { app, pages } = await appAndPages();
  try {
    await (await byId(button)).click();
  } catch {
    // The session went with the page.
  }
  const deadline = Date.now() + 20000;
  while (pages.some(running)) {
    if (Date.now() > deadline) throw new Error(`page process ${pages.join(', ')} still runs after Lock`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return app;
}

/** After {@link lockPage}: stops that app (so it lets go of its vault) and starts it again. */
export async function relaunchAfterLock(app) {
  await stopTree(app);
  await browser.reloadSession();
}

