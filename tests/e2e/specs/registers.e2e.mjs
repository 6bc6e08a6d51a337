// The registers beside the SoA, as a user lives them: in a vault of its own, add a supplier,
// exclude A.5.19 in the SoA and see the dashboard's S1-SOA-CONSISTENT fail naming the supplier
// (its link opening the supplier); record an incident and raise a tracker item from it, found
// in the tracker with the incident as its source; record a law without an owner or a review
// and see S1-REQUIREMENTS fail.
import { byId, centre, click, createVault, shot, textOf, textsOf, typeInto } from '../support.mjs';

const PASS = 'registers passphrase 2026';
const ORG = 'Lindqvist Data AB';
const inRow = (control, id) => $(`[data-testid="soa-row-${control}"] [data-testid="${id}"]`);
const rule = (id) => $(`[data-testid="dashboard-rule"][data-rule-id="${id}"]`);

describe('suppliers, incidents and the SoA, end to end', () => {
  it('creates a vault of its own and adds a critical supplier', async () => {
    await createVault(ORG, PASS);
    await click('nav-suppliers');
    await click('suppliers-add');
    await typeInto('supplier-name', 'Nimbus Cloud');
    await typeInto('supplier-service', 'Hosting of the platform');
    await (await byId('supplier-criticality')).selectByAttribute('value', 'critical');
    await click('supplier-save');
    await browser.waitUntil(async () => (await textsOf('suppliers-row-name')).includes('Nimbus Cloud'));
    expect(await textOf(await byId('suppliers-overview-critical-never'))).toBe('1');
    await shot('100-suppliers');
  });

  it('excludes A.5.19 and sees S1-SOA-CONSISTENT fail naming the supplier', async () => {
    await click('nav-soa');
    const applicable = await inRow('5.19', 'soa-applicable');
    // Rows far down the board are laid out only when scrolled near (content-visibility).
    await applicable.waitForExist();
    await centre(applicable);
    await applicable.waitForDisplayed();
    await applicable.selectByAttribute('value', 'no');
    const justification = await inRow('5.19', 'soa-justification');
    await justification.waitForDisplayed();
    await justification.setValue('We thought we had no suppliers.');
    await browser.keys('Enter');
    await browser.waitUntil(async () => (await textOf(await byId('soa-total-excluded'))) === '1');
    await click('nav-dashboard');
    const row = await rule('S1-SOA-CONSISTENT');
    await row.waitForExist({ timeout: 20000 });
    await browser.waitUntil(async () => (await row.getAttribute('data-status')) === 'fail');
    const finding = await textOf(await row.$('[data-testid="dashboard-rule-finding"]'));
    expect(finding).toContain('A.5.19 is excluded');
    expect(finding).toContain('Nimbus Cloud');
    await centre(row);
    await shot('101-dashboard-supplier-excluded');
    const links = await row.$$('[data-testid="dashboard-record-link"]');
    const kinds = [];
    for (const l of links) kinds.push(await l.getAttribute('data-kind'));
    expect(kinds).toContain('supplier');
    const supplier = links[kinds.indexOf('supplier')];
    await supplier.click();
    await (await byId('supplier-dialog')).waitForDisplayed();
    expect(await (await byId('supplier-name')).getValue()).toBe('Nimbus Cloud');
    await shot('101-supplier-dialog');
    await centre(await byId('supplier-certificate-new-file'));
    expect(await textOf(await byId('supplier-certificate-new-attach'))).toContain('Choose file');
    await shot('101-supplier-dialog-certificates');
    await click('supplier-cancel');
    await browser.waitUntil(async () => (await browser.getUrl()).endsWith('/suppliers'));
  });

  it('records an incident and raises a tracker item from it', async () => {
    await click('nav-incidents');
    await click('incidents-add');
    await typeInto('incident-title', 'Hosting outage of three hours');
    await (await byId('incident-severity')).selectByAttribute('value', 'high');
    await typeInto('incident-response', 'Failed over to the second region.');
    await click('incident-save');
    await browser.waitUntil(async () =>
      (await textsOf('incidents-row-title')).includes('Hosting outage of three hours'),
    );
    await shot('102-incidents');
    await click('incidents-row-title');
    await (await byId('incident-dialog')).waitForDisplayed();
    await typeInto('incident-item-title', 'Automate the fail-over');
    await click('incident-item-raise');
    await browser.waitUntil(async () =>
      (await textsOf('incident-tracker-item')).some((t) => t.includes('Automate the fail-over')),
    );
    await shot('103-incident-raised');
    await click('incident-cancel');
    await click('nav-tracker');
    await browser.waitUntil(async () =>
      (await textsOf('tracker-row-title')).includes('Automate the fail-over'),
    );
    const [row] = await textsOf('tracker-row');
    expect(row).toContain('INC-001');
  });

  it('records a law in the requirements register and sees S1-REQUIREMENTS ask for its owner', async () => {
    await click('nav-requirements');
    await click('requirements-add');
    await (await byId('requirement-source')).selectByAttribute('value', 'law');
    await typeInto('requirement-title', 'UK GDPR');
    await typeInto('requirement-requires', 'Lawful processing of personal data; breaches reported within 72 hours.');
    await click('requirement-save');
    await browser.waitUntil(async () => (await textsOf('requirements-row-title')).includes('UK GDPR'));
    await shot('104-requirements');
    await click('nav-dashboard');
    const row = await rule('S1-REQUIREMENTS');
    await row.waitForExist({ timeout: 20000 });
    await browser.waitUntil(async () => (await row.getAttribute('data-status')) === 'fail');
    const links = await row.$$('[data-testid="dashboard-record-link"]');
    const kinds = [];
    for (const l of links) kinds.push(await l.getAttribute('data-kind'));
    expect(kinds).toContain('requirement');
  });
});
