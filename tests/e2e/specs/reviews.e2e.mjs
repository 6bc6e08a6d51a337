// Changes and management reviews, as a user lives them: in a vault of its own, add the managing
// director, record a change (CH-001) and approve it once its impact is assessed, then hold a
// management review: keep the vault's proposed summary for one input, write a note for another,
// record who attended, save (leaving unsaved asks first), raise an action and find it in the
// tracker, sourced to the review.
import { byId, shot, textOf, textsOf, typeInto, click, centre, createVault } from '../support.mjs';

const PASS = 'reviews passphrase 2026';
const ORG = 'Fjord Ledger AS';
const CEO = 'Ingrid Solberg';

const inputCard = (id) => $(`[data-testid="review-input"][data-input="${id}"]`);

async function inCard(input, testid) {
  const el = await (await inputCard(input)).$(`[data-testid="${testid}"]`);
  await el.waitForDisplayed();
  await centre(el);
  return el;
}

describe('changes and management reviews, end to end', () => {
  it('creates a vault of its own and its managing director', async () => {
    await createVault(ORG, PASS);
    await click('nav-people');
    await click('people-add');
    await typeInto('person-name', CEO);
    await typeInto('person-email', 'ingrid@fjord.example');
    await click('person-top-management');
    await click('person-save');
    await browser.waitUntil(async () => (await textsOf('people-row-name')).includes(CEO));
  });

  it('records a change and sees it as CH-001 in the register', async () => {
    await click('nav-changes');
    await click('changes-add');
    await typeInto('change-title', 'Move e-mail to a new provider');
    await typeInto('change-reason', 'The current provider ends its small-business plan.');
    await (await byId('change-requester')).selectByVisibleText(CEO);
    await click('change-save');
    await (await byId('change-dialog')).waitForDisplayed({ reverse: true });
    await browser.waitUntil(async () => (await textsOf('changes-row-ref')).includes('CH-001'));
    const [row] = await textsOf('changes-row');
    expect(row).toContain('Move e-mail to a new provider');
    expect(row).toContain('Proposed');
    expect(row).toContain(CEO);
    await shot('70-changes');
  });

  it('is told what an approval needs, then approves the change', async () => {
    await click('changes-row-title');
    await (await byId('change-dialog')).waitForDisplayed();
    expect(await browser.getUrl()).toMatch(/\/changes\/\d+$/);
    await click('change-move-approved');
    await click('change-save');
    await (await byId('field-error-impact')).waitForDisplayed();
    expect(await textOf(await byId('field-error-approver_id'))).toContain('approved');
    await centre(await byId('change-workflow'));
    await shot('71-change-approval-refused');
    await typeInto('change-impact', 'Mail retention and MFA move with it; update the e-mail policy.');
    await (await byId('change-approver')).selectByVisibleText(CEO);
    await click('change-save');
    await browser.waitUntil(async () => (await browser.getUrl()).endsWith('/changes'));
    await browser.waitUntil(async () => (await textsOf('changes-row-status')).includes('Approved'));
  });

  it('holds a management review with a proposed summary, a note and an attendee', async () => {
    await click('nav-reviews');
    await click('reviews-add');
    await (await byId('review-inputs-covered')).waitForDisplayed();
    expect(await textOf(await byId('review-inputs-covered'))).toBe('0 of 10 inputs covered');
    await (await byId('review-attendees')).selectByVisibleText(`${CEO} (top management)`);
    await typeInto('review-other-attendees', 'Ola Nordmann (external consultant)');

    const proposed = await textOf(await inCard('9.3.2 b)', 'review-input-proposed'));
    expect(proposed).toContain('issue');
    await (await inCard('9.3.2 b)', 'review-input-use-proposed')).click();
    expect(await (await inCard('9.3.2 b)', 'review-input-note')).getValue()).toBe(proposed);

    const note = await inCard('9.3.2 g)', 'review-input-note');
    await note.setValue('Automate the quarterly access review.');
    await typeInto('review-improvement', 'Budget a penetration test for the autumn.');
    expect(await textOf(await byId('review-inputs-covered'))).toBe('2 of 10 inputs covered');
    await centre(await inputCard('9.3.2 a)'));
    await shot('72-review-inputs');

    await click('review-save');
    await browser.waitUntil(async () => /\/reviews\/\d+$/.test(await browser.getUrl()));
    await browser.waitUntil(async () => (await textOf(await byId('review-save-state'))) === 'All changes saved');
    expect(await textOf(await $('h1'))).toBe('MR-001 Management review');
    expect(await (await inCard('9.3.2 b)', 'review-input-note')).getValue()).toBe(proposed);
    await browser.execute(() => window.scrollTo(0, 0));
    await shot('73-review-saved');

    // Leaving with unsaved changes asks first; staying keeps them.
    await (await inCard('9.3.2 e)', 'review-input-note')).setValue('No complaints from customers.');
    await click('nav-tracker');
    await click('confirm-cancel');
    expect(await browser.getUrl()).toMatch(/\/reviews\/\d+$/);
    await click('review-save');
    await browser.waitUntil(async () => (await textOf(await byId('review-save-state'))) === 'All changes saved');
    expect(await textOf(await byId('review-inputs-covered'))).toBe('3 of 10 inputs covered');
  });

  it('raises an action in the review and finds it in the tracker, sourced to the review', async () => {
    await centre(await byId('review-action-title'));
    await typeInto('review-action-title', 'Budget a penetration test');
    await (await byId('review-action-owner')).selectByVisibleText(CEO);
    await click('review-action-raise');
    await browser.waitUntil(async () =>
      (await textsOf('review-action')).some((t) => t.includes('Budget a penetration test')),
    );
    await centre(await byId('review-action'));
    await shot('74-review-actions');

    await click('nav-reviews');
    await browser.waitUntil(async () => (await textsOf('reviews-row-ref')).includes('MR-001'));
    const [row] = await textsOf('reviews-row');
    expect(row).toContain('3 of 10');
    expect(row).toContain('1 action, 1 open');
    await shot('75-reviews');

    await click('nav-tracker');
    await browser.waitUntil(async () =>
      (await textsOf('tracker-row-title')).includes('Budget a penetration test'),
    );
    const [item] = await textsOf('tracker-row');
    expect(item).toContain('Action');
    expect(item).toContain('Management review');
    expect(item).toContain('MR-001');
    await shot('76-tracker-review-action');
  });
});
