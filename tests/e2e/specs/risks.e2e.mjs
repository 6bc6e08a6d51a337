// Risks and the Statement of Applicability, as an ISMS owner lives them: in a vault of its own,
// add a person, set the common 5×5 method, record a red risk (4 × 5) owned by that person with
// a treatment action linked to an Annex A control, have the owner approve the plan, find the
// risk in the heat map and filter the register by its cell; then in the SoA, learn that an
// exclusion needs a justification, give one, and approve version 1.
import { byId, shot, textOf, textsOf, typeInto, click, centre, createVault } from '../support.mjs';

const PASS = 'risks and applicability passphrase';
const ORG = 'Nordlicht Prüfsysteme GmbH';
const PERSON = 'Ingrid Bjørnstad';
const RISK = 'Customer data exposed through a lost laptop';
const OTHER = 'Phishing leads to a compromised mailbox';
const JUSTIFY = 'An excluded control needs a justification';

const inRow = (control, id) => $(`[data-testid="soa-row-${control}"] [data-testid="${id}"]`);

// The risk form keeps its Save bar stuck to the bottom of the window: bring a control to the
// middle of the view before using it, as a user would scroll to it.
async function choose(id, value) {
  const el = await byId(id);
  await el.waitForDisplayed();
  await centre(el);
  await el.selectByAttribute('value', value);
}

async function chooseText(id, text) {
  const el = await byId(id);
  await el.waitForDisplayed();
  await centre(el);
  await el.selectByVisibleText(text);
}

async function addRisk({ title, likelihood, impact, residual }) {
  await click('risks-add');
  await typeInto('risk-title', title);
  await chooseText('risk-owner', PERSON);
  await choose('risk-inherent-likelihood', String(likelihood));
  await choose('risk-inherent-impact', String(impact));
  const modify = await $('[data-testid="risk-treatment"] input[value="modify"]');
  await centre(modify);
  await modify.click();
  await click('risk-action-add');
  await typeInto('risk-action-0-title', 'Encrypt every laptop disk and enforce it by MDM');
  await chooseText('risk-action-0-owner', PERSON);
  await choose('risk-action-0-controls', '8.24');
  await choose('risk-residual-likelihood', String(residual[0]));
  await choose('risk-residual-impact', String(residual[1]));
}

describe('risks and the SoA, end to end', () => {
  // A failed step leaves a picture of what the window showed.
  afterEach(async function () {
    if (this.currentTest.state !== 'failed') return;
    await shot(`failed-risks-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 40)}`);
  });
  it('creates a vault of its own and adds a person', async () => {
    await createVault(ORG, PASS);

    await click('nav-people');
    await click('people-add');
    await typeInto('person-name', PERSON);
    await typeInto('person-email', 'ingrid@nordlicht.example');
    await typeInto('person-job-title', 'Head of IT');
    await click('person-isms-owner');
    await click('person-save');
    await (await byId('person-dialog')).waitForDisplayed({ reverse: true });
  });

  it('sends an empty register to the risk method, and sets the common 5×5', async () => {
    await click('nav-risks');
    await (await byId('risks-set-method')).waitForDisplayed();
    await shot('20-risks-no-method');
    await click('risks-set-method');
    await (await byId('method-none')).waitForDisplayed();
    await click('method-use-common');
    const cell = await byId('method-preview-4-5');
    expect(await cell.getAttribute('data-level')).toBe('red');
    expect(await (await byId('method-preview-2-2')).getAttribute('data-level')).toBe('acceptable');
    await click('method-save');
    await (await byId('method-saved')).waitForDisplayed();
    await shot('21-risk-method');
  });

  it('records a red risk owned by that person, and the owner approves its plan', async () => {
    await click('nav-risks');
    await (await byId('risks-add')).waitForDisplayed();
    await addRisk({ title: RISK, likelihood: 4, impact: 5, residual: [2, 3] });
    expect(await textOf(await byId('risk-inherent-score'))).toContain('20');
    await click('risk-save');
    await (await byId('risk-approve')).waitForDisplayed();
    await click('risk-approve');
    await (await byId('risk-approval')).waitForDisplayed();
    expect(await textOf(await byId('risk-approval'))).toContain('Inherent 4 × 5 = 20');
    await browser.execute(() => window.scrollTo(0, 0));
    await shot('22-risk-page');
    await centre(await byId('risk-actions'));
    await shot('22-risk-page-treatment');
  });

  it('counts the risk in the inherent heat map, whose cell filters the register', async () => {
    await click('nav-risks');
    await click('risks-add');
    await typeInto('risk-title', OTHER);
    await chooseText('risk-owner', PERSON);
    await choose('risk-inherent-likelihood', '3');
    await choose('risk-inherent-impact', '3');
    await click('risk-save');
    await (await byId('risk-approvals')).waitForDisplayed();

    await click('nav-risks');
    const cell = await byId('heatmap-inherent-4-5');
    await cell.waitForDisplayed();
    await browser.waitUntil(async () => (await textOf(cell)) === '1', {
      timeoutMsg: 'the 4 × 5 cell never read 1',
    });
    await browser.waitUntil(async () => (await textsOf('risks-row-title')).length === 2);
    await cell.click();
    await (await byId('risks-cell-filter')).waitForDisplayed();
    await browser.waitUntil(async () => (await textsOf('risks-row-title')).length === 1);
    expect(await textsOf('risks-row-title')).toEqual([RISK]);
    expect(await textOf(await byId('risks-cell-filter-text'))).toContain('likelihood 4');
    await shot('23-risks');
    await cell.click();
    await browser.waitUntil(async () => (await textsOf('risks-row-title')).length === 2);
  });

  it('refuses an exclusion without a justification, then approves SoA version 1', async () => {
    await click('nav-soa');
    const applicable = await inRow('7.4', 'soa-applicable');
    await applicable.waitForDisplayed();
    await applicable.selectByAttribute('value', 'no');
    const error = await inRow('7.4', 'field-error-justification');
    await error.waitForDisplayed();
    expect(await textOf(error)).toContain(JUSTIFY);
    await error.scrollIntoView({ block: 'center' });
    await shot('24-soa-justification-error');

    const justification = await inRow('7.4', 'soa-justification');
    await justification.setValue('No premises of our own: everyone works remotely.');
    await browser.keys('Enter');
    await error.waitForDisplayed({ reverse: true });
    await browser.waitUntil(
      async () => (await textOf(await byId('soa-total-excluded'))) === '1',
      { timeoutMsg: 'the excluded total never read 1' },
    );

    await (await inRow('8.24', 'soa-applicable')).selectByAttribute('value', 'yes');
    await (await inRow('8.24', 'soa-reason-risk_assessment')).waitForDisplayed();
    await (await inRow('8.24', 'soa-reason-risk_assessment')).click();
    await browser.waitUntil(
      async () => (await textOf(await byId('soa-total-applicable'))) === '1',
      { timeoutMsg: 'the applicable total never read 1' },
    );

    await click('soa-approve');
    await (await byId('soa-approve-dialog')).waitForDisplayed();
    await (await byId('soa-approve-by')).selectByVisibleText(PERSON);
    await click('soa-approve-submit');
    await (await byId('soa-approve-dialog')).waitForDisplayed({ reverse: true });
    const version = await byId('soa-version-number');
    await version.waitForDisplayed();
    expect(await textsOf('soa-version-number')).toEqual(['Version 1']);
    await browser.execute(() => window.scrollTo(0, 0));
    await shot('25-soa');
  });
});
