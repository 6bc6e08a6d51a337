// Searching every record, end to end: open the demo company, press Ctrl+K from the dashboard,
// type words in another case and without their accents, see the records that hold them (an
// objective found by its measure, with the words around it), and open a risk from its hit.
import { byId, click, shot, textOf, textsOf, typeInto } from '../support.mjs';

describe('search across every record, end to end', () => {
  it('opens the search from the dashboard with Ctrl+K', async () => {
    await click('start-demo');
    await (await byId('dashboard-stage2')).waitForDisplayed({ timeout: 60000 });
    await browser.keys(['Control', 'k']);
    const box = await byId('search-input');
    await box.waitForDisplayed();
    await browser.waitUntil(async () => (await browser.getActiveElement()) !== null);
    expect(await box.isFocused()).toBe(true);
    await (await byId('search-hint')).waitForDisplayed();
  });

  it('finds a record by words of any of its fields and shows where', async () => {
    await typeInto('search-input', 'PHISHING simulation');
    await (await byId('search-summary')).waitForDisplayed();
    const excerpts = await textsOf('search-hit-excerpt');
    expect(excerpts.some((e) => /phishing simulation/i.test(e))).toBe(true);
    await shot('95-search-phishing');
  });

  it('opens a risk from its hit', async () => {
    await typeInto('search-input', 'laptop STOLEN');
    // Read the titles in one script: the previous query's hits are being replaced, and an
    // element read one by one can go stale in between.
    const titles = () =>
      browser.execute(() =>
        [...document.querySelectorAll('[data-testid="search-hit-title"]')].map((e) => e.textContent.trim()),
      );
    await browser.waitUntil(async () =>
      (await titles()).includes('Laptop lost or stolen with client extracts on disk'),
    );
    const hits = await $$('[data-testid="search-hit"]');
    let opened = false;
    for (const hit of hits) {
      if ((await textOf(await hit.$('[data-testid="search-hit-title"]'))).startsWith('Laptop lost')) {
        await (await hit.$('a')).click();
        opened = true;
        break;
      }
    }
    expect(opened).toBe(true);
    const title = await byId('risk-title');
    await title.waitForDisplayed();
    expect(await title.getValue()).toBe('Laptop lost or stolen with client extracts on disk');
    expect(await browser.execute(() => location.pathname)).toMatch(/^\/risks\/\d+$/);
  });
});
