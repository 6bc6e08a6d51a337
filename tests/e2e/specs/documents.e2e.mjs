// Objectives, documents and the clause checklist, as a user lives them: in a vault of its own,
// set an objective, register the information security policy, save its first draft, approve it
// (it locks), and record in the clause checklist that the policy addresses clause 5.2.
import { byId, shot, textOf, textsOf, typeInto, click, createVault } from '../support.mjs';

const PASS = 'documents passphrase 2026';
const ORG = 'Fjord Systems AS';

describe('objectives, documents and the clause checklist, end to end', () => {
  it('creates a vault of its own and a person to own things', async () => {
    await createVault(ORG, PASS);
    await click('nav-people');
    await click('people-add');
    await typeInto('person-name', 'Ingrid Bø');
    await typeInto('person-email', 'ingrid@fjord.example');
    await click('person-save');
    await browser.waitUntil(async () => (await textsOf('people-row-name')).includes('Ingrid Bø'));
  });

  it('sets a measurable objective', async () => {
    await click('nav-objectives');
    await click('objectives-add');
    await typeInto('objective-title', 'Strong authentication everywhere');
    await typeInto('objective-measure', 'MFA on 100 % of admin accounts by 30 April');
    await click('objective-save');
    await browser.waitUntil(async () =>
      (await textsOf('objectives-row-title')).includes('Strong authentication everywhere'),
    );
    await shot('30-objectives');
  });

  it('registers the policy, saves its first draft and approves it', async () => {
    await click('nav-documents');
    await click('documents-add');
    await typeInto('document-reference', 'POL-01');
    await typeInto('document-title', 'Information security policy');
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
    await shot('31-document-approve');
    await click('approve-save');
    await (await byId('version-locked')).waitForDisplayed();
    const [version] = await textsOf('document-version');
    expect(version).toContain('1.0');
    expect(version).toContain('Approved by');
    await shot('32-document-approved');
  });

  it('links the policy to clause 5.2, which the coverage then shows addressed by it', async () => {
    await click('nav-clauses');
    await (await byId('clauses-summary')).waitForDisplayed();
    expect(await textOf(await byId('clauses-summary'))).toMatch(/^\d+ of \d+ clauses addressed/);
    const row = await $('[data-testid="clause-row"][data-clause="5.2"]');
    expect(await row.isExisting()).toBe(true);
    const picker = await row.$('[data-testid="clause-add-doc"]');
    await picker.scrollIntoView({ block: 'center' });
    await picker.selectByIndex(1);
    const save = await row.$('[data-testid="clause-save"]');
    await save.waitForClickable();
    await save.click();
    await browser.waitUntil(async () => (await row.getAttribute('data-status')) === 'addressed');
    expect(await textOf(await row.$('[data-testid="clause-doc"]'))).toContain('POL-01');
    expect(await textOf(await row.$('[data-testid="clause-covering-doc"]'))).toContain('POL-01');
    await shot('33-clauses');
  });
});
