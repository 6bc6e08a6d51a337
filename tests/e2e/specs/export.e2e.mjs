// Export as a user does before an audit: open the demo company, go to Export, write the
// Statement of Applicability as a PDF and the Stage 2 pack as a ZIP bundle to files chosen in the
// save dialog (scripted in the e2e build), check the files from here, then see the same file
// refused.
import { mkdtempSync, existsSync, openSync, readSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  answerNextDialog,
  byId,
  centre,
  click,
  lockPage,
  relaunchAfterLock,
  shot,
  textOf,
} from '../support.mjs';

const out = mkdtempSync(path.join(tmpdir(), 'isms-desk-export-'));
const soaPdf = path.join(out, 'Northwind SoA.pdf');
const stage2Zip = path.join(out, 'Northwind Stage 2 pack.zip');

function head(file, n) {
  const buffer = Buffer.alloc(n);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, n, 0);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('latin1');
}

async function choose(pack, format) {
  await click(`export-pack-${pack}`);
  const radio = await $(`[data-testid="export-format"] input[value="${format}"]`);
  await centre(radio);
  await radio.click();
  expect(await radio.isSelected()).toBe(true);
}

/** Chooses `file` in the save dialog (scripted in the e2e build) and exports to it. */
async function exportTo(file) {
  await chooseFile(file);
  await click('export-run');
}

async function chooseFile(file) {
  answerNextDialog(file);
  await click('export-choose');
  await browser.waitUntil(async () => (await (await byId('export-file')).getValue()) === file, {
    timeoutMsg: `the export destination never read ${file}`,
  });
}

describe('the export screen, end to end', () => {
  after(() => rmSync(out, { recursive: true, force: true }));

  it('opens the demo company and goes to Export', async () => {
    await click('start-demo');
    await (await byId('dashboard-stage2')).waitForDisplayed({ timeout: 60000 });
    await click('nav-export');
    await (await byId('export-form')).waitForDisplayed();
    await (await byId('export-verdict-stage2')).waitForDisplayed();
    await shot('90-export');
  });

  it('exports the Statement of Applicability as a PDF', async () => {
    await choose('soa', 'pdf');
    await exportTo(soaPdf);
    const done = await byId('export-done');
    await done.waitForDisplayed({ timeout: 120000 });
    expect(await textOf(await byId('export-done-name'))).toBe(path.basename(soaPdf));
    await shot('91-export-pdf-done');
    expect(existsSync(soaPdf)).toBe(true);
    expect(head(soaPdf, 4)).toBe('%PDF');
  });

  it('exports the Stage 2 pack as a ZIP bundle', async () => {
    await click('export-again');
    await (await byId('export-form')).waitForDisplayed();
    await choose('stage2', 'zip');
    await chooseFile(stage2Zip);
    await shot('92-export-zip-form');
    await click('export-run');
    const done = await byId('export-done');
    await done.waitForDisplayed({ timeout: 180000 });
    expect(await textOf(await byId('export-done-name'))).toBe(path.basename(stage2Zip));
    const files = await textOf(await byId('export-done-files'));
    expect(Number(files.replace(/\D/g, ''))).toBeGreaterThan(2);
    await shot('93-export-zip-done');
    expect(existsSync(stage2Zip)).toBe(true);
    expect(head(stage2Zip, 2)).toBe('PK');
  });

  it('refuses the same path again and asks for another name', async () => {
    await click('export-again');
    await (await byId('export-form')).waitForDisplayed();
    expect(await (await byId('export-file')).getValue()).toBe('');
    await exportTo(stage2Zip);
    const error = await byId('export-path-error');
    await error.waitForDisplayed({ timeout: 60000 });
    expect(await textOf(error)).toContain('already exists');
    expect(await textOf(error)).toContain('Choose another name');
    await centre(error);
    await shot('94-export-already-exists');
  });

  it('leaves the demo and returns to the start screen', async () => {
    // Leaving locks: the page's process ends, and the WebDriver session with it (page.rs).
    await relaunchAfterLock(await lockPage('demo-leave'));
    await (await byId('start-demo')).waitForDisplayed();
  });
});
