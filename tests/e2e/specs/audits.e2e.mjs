// The audit programme and the ISMS tracker, as a user lives them: in a vault of its own, plan an
// audit of clause 9.2 by the ISMS owner and see the conflict of independence, raise a finding in
// the audit and find it in the tracker, with a progress note.
import { byId, shot, textsOf, typeInto, click, createVault } from '../support.mjs';

const PASS = 'audits passphrase 2026';
const ORG = 'Kvist Analytics AS';

describe('the audit programme and the tracker, end to end', () => {
  it('creates a vault of its own and its ISMS owner', async () => {
    await createVault(ORG, PASS);
    await click('nav-people');
    await click('people-add');
    await typeInto('person-name', 'Sigrid Dahl');
    await typeInto('person-email', 'sigrid@kvist.example');
    await click('person-isms-owner');
    await click('person-save');
    await browser.waitUntil(async () => (await textsOf('people-row-name')).includes('Sigrid Dahl'));
  });

  it('plans an audit of clause 9.2 by the ISMS owner and sees the conflict', async () => {
    await click('nav-audits');
    await click('audits-add');
    await typeInto('audit-title', 'Internal audit process');
    await typeInto('audit-month', '2026-12');
    const clauses = await byId('audit-clauses');
    await clauses.scrollIntoView({ block: 'center' });
    await clauses.selectByAttribute('value', '9.2');
    await browser.waitUntil(async () => (await $$('[data-testid="independence-none"]')).length === 1);
    const auditor = await byId('audit-auditor');
    await auditor.scrollIntoView({ block: 'center' });
    await auditor.selectByVisibleText('Sigrid Dahl');
    await browser.waitUntil(async () => (await $$('[data-testid="independence-conflict"]')).length > 0);
    const [conflict] = await textsOf('independence-conflict');
    expect(conflict).toContain('ISMS owner');
    await (await byId('independence')).scrollIntoView({ block: 'center' });
    await shot('41-audit-conflict');
    await click('audit-save');
    await browser.waitUntil(async () =>
      (await textsOf('audit-card-title')).includes('Internal audit process'),
    );
    await shot('40-audits');
  });

  it('raises a finding in the audit and finds it in the tracker', async () => {
    await click('audit-card');
    await (await byId('independence-conflict')).waitForDisplayed();
    await typeInto('finding-title', 'Audit programme not approved');
    await (await byId('finding-kind')).selectByAttribute('value', 'minor_nc');
    await click('finding-raise');
    await browser.waitUntil(async () =>
      (await textsOf('audit-finding')).some((t) => t.includes('Audit programme not approved')),
    );
    await click('audit-cancel');
    await (await byId('audit-dialog')).waitForDisplayed({ reverse: true });
    await click('nav-tracker');
    await browser.waitUntil(async () =>
      (await textsOf('tracker-row-title')).includes('Audit programme not approved'),
    );
    const [row] = await textsOf('tracker-row');
    expect(row).toContain('Minor NC');
    expect(row).toContain('IA-001');
    await shot('42-tracker');
    await click('tracker-row-title');
    await (await byId('item-root-cause')).waitForDisplayed();
    expect(await browser.getUrl()).toMatch(/\/tracker\/\d+$/);
    await typeInto('tracker-note-text', 'Programme sent to the managing director');
    await click('tracker-note-add');
    await browser.waitUntil(async () => (await $$('[data-testid="tracker-note"]')).length === 1);
    await shot('43-tracker-item');
    await click('tracker-item-cancel');
    await browser.waitUntil(async () => (await browser.getUrl()).endsWith('/tracker'));
  });
});
