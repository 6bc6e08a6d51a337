// The page never names a file. A script in the page (as if the CSP had failed) calls the shell's
// commands itself with paths and made-up handles: reading /etc/passwd as a spreadsheet or a CSV,
// adding it as evidence, exporting to a folder of its choosing, showing a file, forgetting a
// vault. Each answers a coded refusal (`Locked` while locked, then `Validation` on `file`) and
// nothing is read, written or added. A file chosen in the dialog works by its handle, which the
// lock then forgets.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  answerNextDialog,
  byId,
  createVault,
  lockPage,
  relaunchAfterLock,
  shot,
  unlockRecent,
} from '../support.mjs';

const PASS = 'handles passphrase 2026';
const folder = mkdtempSync(path.join(tmpdir(), 'isms-handles-'));
const csv = path.join(folder, 'staff.csv');
const outPdf = path.join(folder, 'stolen.pdf');
const outXlsx = path.join(folder, 'stolen.xlsx');
const MADE_UP = '0123456789abcdef0123456789abcdef';

/** Calls a command from the page as an injected script would; `{ ok }` or `{ err }`. */
const invoke = (command, args) =>
  browser.executeAsync(
    (command, args, done) => {
      const internals = window.__TAURI_INTERNALS__;
      // A command that streams progress needs a channel: an empty one.
      const withChannel = { ...args };
      if ('on_progress' in withChannel) {
        withChannel.on_progress = `__CHANNEL__:${internals.transformCallback(() => {})}`;
      }
      internals.invoke(command, withChannel).then(
        (ok) => done({ ok: ok ?? null }),
        (err) => done({ err }),
      );
    },
    command,
    args,
  );

/** Every file command, its file named by `file`. */
const attempts = (file) => [
  ['sheets_preview', { file, kind: 'people', sheet: null, header_row: null, columns: null }],
  [
    'sheets_import',
    { file, kind: 'people', sheet: null, header_row: 1, columns: [], dry_run: true, on_progress: 0 },
  ],
  [
    'sheets_import',
    { file, kind: 'training', sheet: null, header_row: 1, columns: [], dry_run: true, on_progress: 0 },
  ],
  ['evidence_add_files', { files: [file], links: [], effective_date: null, description: '' }],
  ['export_run', { pack: 'soa', stage: null, as_of: '2026-06-15', file, on_progress: 0 }],
  ['sheets_export', { kind: 'risks', as_of: '2026-06-15', file }],
  ['export_reveal', { file }],
];

async function expectRefused(command, args, code) {
  const answer = await invoke(command, args);
  expect({ command, answered: answer.ok === undefined ? 'error' : answer.ok }).toEqual({
    command,
    answered: 'error',
  });
  expect({ command, code: answer.err.code }).toEqual({ command, code });
  if (code === 'Validation') expect(answer.err.fields.map((f) => f.field)).toContain('file');
  expect(JSON.stringify(answer.err)).not.toContain('root:');
}

describe('the page never names a file', () => {
  it('refuses every file command with Locked while no vault is open', async () => {
    await (await byId('start-create')).waitForDisplayed();
    for (const file of ['/etc/passwd', MADE_UP]) {
      for (const [command, args] of attempts(file)) await expectRefused(command, args, 'Locked');
    }
    // The recent list is the shell's own: a path is not one of its handles.
    await expectRefused('vault_forget', { vault: '/etc/passwd' }, 'Validation');
  });

  it('refuses made-up paths and handles with a coded error once unlocked', async () => {
    await createVault('Handles Ltd', PASS);
    for (const file of ['/etc/passwd', '../../../../etc/passwd', outPdf, outXlsx, MADE_UP]) {
      for (const [command, args] of attempts(file)) {
        await expectRefused(command, args, 'Validation');
      }
      await expectRefused('vault_forget', { vault: file }, 'Validation');
    }
    expect(existsSync(outPdf)).toBe(false);
    expect(existsSync(outXlsx)).toBe(false);
    const evidence = await invoke('evidence_list', {});
    expect(evidence.ok).toEqual([]);
  });

  it('reads a file chosen in the dialog by its handle, until the vault is locked', async () => {
    writeFileSync(csv, 'Full name,E-mail\nAda Lovelace,ada@handles.example\n');
    answerNextDialog(csv);
    const chosen = await invoke('sheets_choose_file', {});
    expect(chosen.ok.name).toBe('staff.csv');
    expect(chosen.ok.handle).toMatch(/^[0-9a-f]{32}$/);
    const preview = await invoke('sheets_preview', {
      file: chosen.ok.handle,
      kind: 'people',
      sheet: null,
      header_row: null,
      columns: null,
    });
    expect(preview.err).toBeUndefined();
    // The same file's handle is no destination.
    const asDestination = { kind: 'risks', as_of: '2026-06-15', file: chosen.ok.handle };
    await expectRefused('sheets_export', asDestination, 'Validation');

    // Lock ends the page's process (and with it this WebDriver session): start the app again.
    // The registry forgetting on Lock is tested in src-tauri/tests/handles.rs; here a handle
    // from before is refused by the app that comes back, locked and then unlocked.
    await relaunchAfterLock(await lockPage());
    await (await byId('start-create')).waitForDisplayed();
    const again = { file: chosen.ok.handle, kind: 'people', sheet: null, header_row: null, columns: null };
    await expectRefused('sheets_preview', again, 'Locked');
    await unlockRecent(PASS);
    await (await byId('dashboard-stage1')).waitForDisplayed();
    await expectRefused('sheets_preview', again, 'Validation');
    await shot('98-handles-after-refusals');
  });
});
