// Spreadsheets in and out, as a user lives them: a people list kept in a spreadsheet whose
// header sits on row 3 below a title, with a semicolon delimiter and a column the app does not
// know, is read by the import wizard (chosen in the file dialog, scripted in the e2e build: the
// native dialog cannot be driven over WebDriver); the header row and the mapping are proposed, one column is remapped by hand, a
// bad e-mail on row 5 is named by row and column with nothing written; the fixed file imports
// and its people appear in the register; the register is then exported to an XLSX that is a
// real ZIP workbook, and exporting onto it again is refused. An asset list naming its owners
// by job title asks once per title who is meant, and imports with the people chosen.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerNextDialog, byId, shot, textOf, textsOf, click, createVault } from '../support.mjs';

const PASS = 'spreadsheets passphrase 2026';
const folder = mkdtempSync(path.join(tmpdir(), 'isms-sheets-'));
const csv = path.join(folder, 'staff list.csv');
const xlsx = path.join(folder, 'people.xlsx');

const sheet = (email) =>
  [
    'Staff list — kept by HR;;;',
    ';;;',
    'Full name;E-mail;Role;Shoe size',
    'Agnieszka Wąs;agnieszka@lumen.example;CTO;38',
    `Søren Ødegård;${email};Office manager;44`,
    '',
  ].join('\r\n');

describe('spreadsheet import and export, end to end', () => {
  it('creates a vault of its own', async () => {
    await createVault('Lumen Data sp. z o.o.', PASS);
    await click('nav-people');
  });

  it('reads the sheet, proposes the header row and mapping, and names a bad cell', async () => {
    writeFileSync(csv, sheet('not an e-mail'));
    await click('sheet-import-people');
    await (await byId('sheet-import-dialog')).waitForDisplayed();
    answerNextDialog(csv);
    await click('sheet-choose');
    await (await byId('sheet-mapping')).waitForDisplayed();
    expect(await (await byId('sheet-header-row')).getValue()).toBe('3');
    expect(await (await byId('sheet-field-A')).getValue()).toBe('name');
    expect(await (await byId('sheet-field-B')).getValue()).toBe('email');
    expect(await (await byId('sheet-field-D')).getValue()).toBe('');
    expect(await textsOf('sheet-row')).toHaveLength(2);
    // The role column: mapped to the job title by hand if it was not proposed.
    const role = await byId('sheet-field-C');
    if ((await role.getValue()) !== 'job_title') await role.selectByAttribute('value', 'job_title');
    await browser.waitUntil(async () => (await role.getValue()) === 'job_title');
    await shot('95-sheets-mapping');
    await click('sheet-check');
    await (await byId('sheet-errors')).waitForDisplayed();
    const [error] = await textsOf('sheet-error');
    expect(error).toContain('Row 5');
    expect(error).toContain('B · E-mail');
    await shot('96-sheets-errors');
    await click('sheet-close');
    await (await byId('sheet-import-dialog')).waitForDisplayed({ reverse: true });
    expect(await $$('[data-testid="people-row-name"]')).toHaveLength(0);
  });

  it('imports the fixed file and lists its people', async () => {
    writeFileSync(csv, sheet('soren@lumen.example'));
    await click('sheet-import-people');
    answerNextDialog(csv);
    await click('sheet-choose');
    await (await byId('sheet-mapping')).waitForDisplayed();
    await click('sheet-check');
    await (await byId('sheet-checked')).waitForDisplayed();
    expect(await textOf(await byId('sheet-checked'))).toContain('2 to create');
    await click('sheet-import');
    await (await byId('sheet-done')).waitForDisplayed();
    await click('sheet-close');
    await browser.waitUntil(async () => (await textsOf('people-row-name')).length === 2);
    expect(await textsOf('people-row-name')).toEqual(
      expect.arrayContaining(['Agnieszka Wąs', 'Søren Ødegård'])
    );
    await shot('97-sheets-imported');
  });

  it('asks once who an owner named by a role means, and imports with the person chosen', async () => {
    // Owners kept as job titles, as registers often are: nobody in the vault is called "CTO".
    const assets = path.join(folder, 'asset inventory.csv');
    writeFileSync(
      assets,
      [
        'Asset,Type,Owner',
        'Laptop fleet,Laptop,CTO',
        'Payroll files,Paper records,Office manager',
        'Source code,Repository,CTO',
        '',
      ].join('\r\n'),
    );
    await click('nav-assets');
    await click('sheet-import-assets');
    answerNextDialog(assets);
    await click('sheet-choose');
    await (await byId('sheet-mapping')).waitForDisplayed();
    await click('sheet-check');
    await (await byId('sheet-owners')).waitForDisplayed();
    const owners = await textsOf('sheet-owner');
    expect(owners).toHaveLength(2);
    const cto = owners.findIndex((o) => o.includes('“CTO”'));
    expect(owners[cto]).toContain('2 rows');
    const pickers = await $$('[data-testid="sheet-owner-person"]');
    await pickers[cto].selectByVisibleText('Agnieszka Wąs');
    await pickers[1 - cto].selectByVisibleText('Søren Ødegård');
    await shot('98-sheets-owners');
    await click('sheet-check');
    await (await byId('sheet-checked')).waitForDisplayed();
    expect(await textOf(await byId('sheet-checked'))).toContain('3 to create');
    await click('sheet-import');
    await (await byId('sheet-done')).waitForDisplayed();
    await click('sheet-close');
    await browser.waitUntil(async () => (await textsOf('assets-row-name')).length === 3);
    const names = await textsOf('assets-row-name');
    const ownersShown = await textsOf('assets-row-owner');
    expect(ownersShown[names.indexOf('Source code')]).toContain('Agnieszka Wąs');
    expect(ownersShown[names.indexOf('Payroll files')]).toContain('Søren Ødegård');
    await click('nav-people');
  });

  it('exports the register to a real workbook and never replaces it', async () => {
    await click('sheet-export-people');
    answerNextDialog(xlsx);
    await click('sheet-export-choose');
    await (await byId('sheet-exported')).waitForDisplayed();
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    await click('sheet-export-close');
    await click('sheet-export-people');
    answerNextDialog(xlsx);
    await click('sheet-export-choose');
    await browser.waitUntil(async () =>
      (await textOf(await byId('field-error-file'))).includes('already exists')
    );
  });
});
