// People and assets, as a user lives them: in a vault of its own, add a person, find them in
// the People table, give them an asset, and learn that someone who owns records is given an
// end date rather than deleted. Independent of the other specs: it creates its own vault under
// its own organisation name, whatever the start screen already lists.
import { byId, shot, textOf, textsOf, expectText, typeInto, click, createVault } from '../support.mjs';

const PASS = 'people and assets passphrase';
const ORG = 'Wąs & Partners sp. z o.o.';
const PERSON = 'Łukasz Wąs';
const EMAIL = 'lukasz.was@example.com';
const ASSET = 'Customer database';
const CEO = 'Maria Nowak';

/** The texts of every element with this test id, in page order. */

describe('people and assets, end to end', () => {
  it('creates a vault of its own from the start screen', async () => {
    await createVault(ORG, PASS);
    await expectText('sidebar-org-name', ORG);
  });

  it('says what to do on an empty People screen, and adds a person', async () => {
    await click('nav-people');
    await (await byId('people-add')).waitForDisplayed();
    await shot('10-people-empty');
    await click('people-add');
    await (await byId('person-dialog')).waitForDisplayed();
    await typeInto('person-name', PERSON);
    await typeInto('person-email', 'not an e-mail');
    await typeInto('person-job-title', 'Information security lead');
    await typeInto('person-department', 'Operations');
    await click('person-isms-owner');
    await click('person-save');
    const error = await byId('field-error-email');
    await error.waitForDisplayed();
    expect(await textOf(error)).toContain('e-mail');
    await shot('11-person-invalid');
    await typeInto('person-email', EMAIL);
    await click('person-save');
    await (await byId('people-table')).waitForDisplayed();
    await (await byId('person-dialog')).waitForDisplayed({ reverse: true });
  });

  it('shows the person in the People table, which the search box filters', async () => {
    await browser.waitUntil(async () => (await textsOf('people-row-name')).includes(PERSON), {
      timeoutMsg: `${PERSON} never appeared in the People table`,
    });
    expect(await textsOf('people-row-email')).toEqual([EMAIL]);
    const row = await textOf(await byId('people-row'));
    expect(row).toContain('ISMS owner');
    expect(row).toContain('Active');

    await click('people-add');
    await typeInto('person-name', CEO);
    await typeInto('person-email', 'maria.nowak@example.com');
    await typeInto('person-job-title', 'Chief executive');
    await typeInto('person-department', 'Management');
    await click('person-top-management');
    await click('person-save');
    await (await byId('person-dialog')).waitForDisplayed({ reverse: true });
    await browser.waitUntil(async () => (await textsOf('people-row-name')).length === 2);
    expect(await textsOf('people-row-name')).toEqual([PERSON, CEO]);
    await shot('12-people');

    await typeInto('people-search', 'lukasz');
    await browser.waitUntil(async () => (await textsOf('people-row-name')).length === 1);
    expect(await textsOf('people-row-name')).toEqual([PERSON]);
    // Element Clear fires no input event in WebKitWebDriver: erase the way a user does.
    await (await byId('people-search')).click();
    await browser.keys(['Control', 'a']);
    await browser.keys('Backspace');
    await browser.waitUntil(async () => (await textsOf('people-row-name')).length === 2);
  });

  it('adds an asset owned by that person', async () => {
    await click('nav-assets');
    await (await byId('assets-add')).waitForDisplayed();
    await shot('13-assets-empty');
    await click('assets-add');
    await (await byId('asset-dialog')).waitForDisplayed();
    await typeInto('asset-name', ASSET);
    await typeInto('asset-kind', 'Database');
    await (await byId('asset-owner')).selectByVisibleText(PERSON);
    await typeInto('asset-classification', 'Confidential');
    await typeInto('asset-description', 'Accounts, contacts and contracts of every customer.');
    await shot('14-asset-dialog');
    await click('asset-save');
    await (await byId('asset-dialog')).waitForDisplayed({ reverse: true });
    await browser.waitUntil(async () => (await textsOf('assets-row-name')).includes(ASSET), {
      timeoutMsg: `${ASSET} never appeared in the Assets table`,
    });
    expect(await textsOf('assets-row-owner')).toEqual([PERSON]);
    await shot('15-assets');
  });

  it('refuses to delete a person who owns an asset, and says why', async () => {
    await click('nav-people');
    await (await byId('people-row-name')).waitForDisplayed();
    for (const name of await $$('[data-testid="people-row-name"]')) {
      if ((await textOf(name)) === PERSON) await name.click();
    }
    await (await byId('person-dialog')).waitForDisplayed();
    await click('person-delete');
    await click('confirm-ok');
    const notice = await byId('person-referenced');
    await notice.waitForDisplayed();
    const text = await textOf(notice);
    expect(text).toContain(`${PERSON} owns 1 asset`);
    expect(text).toContain('end date');
    await shot('16-person-referenced');
    await click('person-cancel');
    await (await byId('person-dialog')).waitForDisplayed({ reverse: true });
    expect(await textsOf('people-row-name')).toEqual([PERSON, CEO]);
  });

  it('records the context of the organisation (4.1 issues, 4.2 interested parties)', async () => {
    await click('nav-organisation');
    await click('issues-add');
    await (await byId('issue-dialog')).waitForDisplayed();
    await $('[data-testid="issue-kind"] input[value="external"]').click();
    await typeInto('issue-title', 'NIS2 applies to our customers');
    await typeInto('issue-description', 'Customers in essential sectors ask for supply-chain evidence.');
    await click('issue-save');
    await (await byId('issue-dialog')).waitForDisplayed({ reverse: true });
    await click('parties-add');
    await (await byId('party-dialog')).waitForDisplayed();
    await typeInto('party-name', 'Customers');
    await typeInto('party-requirements', 'Confidentiality of their data; 99.9% availability; breach notice within 24 hours.');
    await click('party-save');
    await (await byId('party-dialog')).waitForDisplayed({ reverse: true });
    await browser.waitUntil(async () => (await textsOf('parties-list-item')).length === 1);
    expect((await textsOf('issues-list-item'))[0]).toContain('NIS2 applies to our customers');
    await (await byId('org-context')).scrollIntoView();
    await shot('17-organisation-context');
  });
});
