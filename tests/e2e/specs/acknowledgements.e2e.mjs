// Training and acknowledgements, as a user lives them: in a vault of its own with two people,
// record a course completion in the training matrix; communicate an approved policy; import
// its acknowledgements from a form tool's CSV through the import wizard every register uses,
// the file chosen in the file dialog (scripted in the e2e build: the native file dialog cannot
// be driven over WebDriver): a file with an unknown e-mail on row 3 is refused whole,
// naming the row and the column, and nothing is written; the fixed file imports, and the last
// person's acknowledgement is recorded by hand.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  answerNextDialog,
  byId,
  shot,
  textOf,
  textsOf,
  typeInto,
  click,
  createVault,
} from '../support.mjs';

const PASS = 'acknowledgements passphrase 2026';
const ORG = 'Fjell Logistikk AS';
const PEOPLE = [
  ['Ingrid Bø', 'ingrid@fjell.example'],
  ['Ola Nordmann', 'ola@fjell.example'],
];
const HEADER = 'email,document,version,date,method';
const GOOD = 'ingrid@fjell.example,POL-01,1.0,2026-03-02,form';
const BAD = 'nobody@fjell.example,POL-01,1.0,2026-03-03,e-mail';

const folder = mkdtempSync(path.join(tmpdir(), 'isms-acks-'));
const csv = path.join(folder, 'acknowledgements.csv');

/** Opens the import wizard, chooses the file (its columns mapped at once) and checks it. */
async function checkFile(openId, file = csv) {
  await click(openId);
  await (await byId('sheet-import-dialog')).waitForDisplayed();
  answerNextDialog(file);
  await click('sheet-choose');
  await (await byId('sheet-mapping')).waitForDisplayed();
  await click('sheet-check');
}

async function closeImport() {
  await click('sheet-close');
  await (await byId('sheet-import-dialog')).waitForDisplayed({ reverse: true });
}

describe('training and acknowledgements, end to end', () => {
  it('creates a vault of its own with two people', async () => {
    await createVault(ORG, PASS);
    await click('nav-people');
    for (const [name, email] of PEOPLE) {
      await click('people-add');
      await typeInto('person-name', name);
      await typeInto('person-email', email);
      await click('person-save');
      await browser.waitUntil(async () => (await textsOf('people-row-name')).includes(name));
    }
  });

  it('adds the awareness course and records a completion from the matrix', async () => {
    await click('nav-training');
    await click('training-add-course');
    await typeInto('course-title', 'Security awareness');
    await click('course-save');
    await browser.waitUntil(async () => (await $$('[data-testid="training-cell"]')).length === 2);
    const [first] = await $$('[data-testid="training-cell"]');
    expect(await first.getAttribute('data-status')).toBe('never');
    await first.click();
    await (await byId('completion-dialog')).waitForDisplayed();
    await shot('50-training-record');
    await click('completion-save');
    await (await byId('completion-dialog')).waitForDisplayed({ reverse: true });
    await browser.waitUntil(async () => {
      const [cell] = await $$('[data-testid="training-cell"]');
      return (await cell.getAttribute('data-status')) === 'current';
    });
    expect(await textsOf('training-awareness')).toEqual(['Current', 'Never done']);
    await shot('51-training');
  });

  it('cancels a long import of completions, and nothing is written', async () => {
    // Thirty thousand completions on different days. Checking them takes well under a second,
    // so the test build is asked to pace the import (a millisecond a row, src-tauri's
    // commands/sheets.rs) while the switch file exists: long enough to cancel while it checks.
    const day = (i) => new Date(Date.UTC(1950, 0, 1 + i)).toISOString().slice(0, 10);
    const rows = Array.from({ length: 30000 }, (_, i) => `ola@fjell.example,Security awareness,${day(i)}`);
    const big = path.join(folder, 'completions.csv');
    writeFileSync(big, `email,course,date\n${rows.join('\n')}\n`);
    const pace = path.join(process.env.ISMS_E2E_HOME, '.isms-e2e-slow-import');
    writeFileSync(pace, '');
    await checkFile('training-import', big);
    await (await byId('sheet-progress')).waitForDisplayed();
    await browser.waitUntil(async () => /of 30,?000/.test(await textOf(await byId('sheet-progress'))));
    await shot('52-training-import-progress');
    await click('sheet-cancel');
    rmSync(pace, { force: true });
    const cancelled = await byId('sheet-cancelled');
    await cancelled.waitForDisplayed();
    expect(await textOf(cancelled)).toContain('Import cancelled; nothing was written.');
    await shot('53-training-import-cancelled');
    await closeImport();
    expect(await textsOf('training-awareness')).toEqual(['Current', 'Never done']);
  });

  it('communicates the policy and approves its first version', async () => {
    await click('nav-documents');
    await click('documents-add');
    await typeInto('document-reference', 'POL-01');
    await typeInto('document-title', 'Information security policy');
    await click('document-communicate');
    await click('document-save');
    await (await byId('draft-number')).waitForDisplayed();
    await typeInto('draft-number', '1.0');
    await typeInto('draft-summary', 'First issue');
    await click('draft-save');
    await browser.waitUntil(async () => (await $$('[data-testid="document-version"]')).length === 1);
    await click('draft-approve');
    const approver = await byId('approve-by');
    await approver.waitForDisplayed();
    await approver.selectByVisibleText('Ingrid Bø');
    await click('approve-save');
    await (await byId('version-locked')).waitForDisplayed();
  });

  it('lists everyone as not yet acknowledged', async () => {
    await click('nav-acknowledgements');
    await (await byId('ack-document')).waitForDisplayed();
    expect(await textOf(await byId('ack-count'))).toContain('0 of 2 acknowledged');
    expect(await textsOf('ack-missing-name')).toEqual(['Ingrid Bø', 'Ola Nordmann']);
    await shot('54-acknowledgements-none');
  });

  it('refuses a file with an unknown e-mail on row 3, naming row and column, writing nothing', async () => {
    writeFileSync(csv, `${HEADER}\n${GOOD}\n${BAD}\n`);
    await checkFile('acks-import');
    const panel = await byId('sheet-errors');
    await panel.waitForDisplayed();
    expect(await textOf(panel)).toContain('nothing was written');
    const errors = await textsOf('sheet-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/row 3/i);
    expect(errors[0]).toContain('email');
    expect(errors[0]).toContain('nobody@fjell.example');
    expect(await $$('[data-testid="sheet-import"]')).toHaveLength(0);
    await shot('55-import-errors');
    await closeImport();
    expect(await textOf(await byId('ack-count'))).toContain('0 of 2 acknowledged');
    expect(await textsOf('ack-missing-name')).toEqual(['Ingrid Bø', 'Ola Nordmann']);
  });

  it('previews and imports the fixed file', async () => {
    writeFileSync(csv, `${HEADER}\n${GOOD}\n`);
    await checkFile('acks-import');
    await browser.waitUntil(async () => (await textsOf('sheet-line')).length === 1);
    const [line] = await textsOf('sheet-line');
    expect(line).toContain('Ingrid Bø acknowledged POL-01 1.0');
    await shot('56-import-preview');
    await click('sheet-import');
    await (await byId('sheet-done')).waitForDisplayed();
    expect(await textOf(await byId('sheet-done'))).toContain('1 acknowledgement recorded');
    await shot('57-import-done');
    await closeImport();
    await browser.waitUntil(async () => (await textsOf('ack-done-name')).includes('Ingrid Bø'));
    expect(await textsOf('ack-missing-name')).toEqual(['Ola Nordmann']);
    expect(await textOf(await byId('ack-count'))).toContain('1 of 2 acknowledged');
    await shot('58-acknowledgements');
  });

  it('records the last acknowledgement by hand', async () => {
    await click('ack-record');
    await (await byId('ack-dialog')).waitForDisplayed();
    await (await byId('ack-method')).selectByAttribute('value', 'signature');
    await shot('59-ack-record');
    await click('ack-save');
    await (await byId('ack-dialog')).waitForDisplayed({ reverse: true });
    await browser.waitUntil(async () => (await textsOf('ack-done-name')).length === 2);
    expect(await textOf(await byId('ack-count'))).toContain('2 of 2 acknowledged');
    expect(await $$('[data-testid="ack-missing"]')).toHaveLength(0);
    await shot('60-acknowledgements-all');
  });
});
