// The dashboard as a first-time user meets it: open the demo company from the start screen,
// read where it stands (Stage 2 not ready, the auditor of an audit not independent), follow the
// gap to the audit, give it an external auditor, and come back to find the rule passing.
import {
  byId,
  centre,
  click,
  lockPage,
  relaunchAfterLock,
  shot,
  textOf,
  typeInto,
} from '../support.mjs';

const EXTERNAL = 'Priya Raman, Raman Audit Services';
const rule = (id) => $(`[data-testid="dashboard-rule"][data-rule-id="${id}"]`);

async function statusOf(id) {
  const row = await rule(id);
  await row.waitForExist();
  return row.getAttribute('data-status');
}

describe('the dashboard, end to end', () => {
  it('opens the demo company from the start screen onto the dashboard', async () => {
    await (await byId('start-demo')).waitForDisplayed();
    await shot('80-start-demo');
    await click('start-demo');
    await (await byId('dashboard-stage2')).waitForDisplayed({ timeout: 60000 });
    await (await byId('demo-banner')).waitForDisplayed();
    const banner = (await textOf(await byId('demo-banner'))).replace(/\s+/g, ' ');
    expect(banner).toContain('nothing you do here is kept');
    await (await rule('S2-INDEPENDENCE')).waitForExist();
    await shot('81-dashboard');
  });

  it('says Stage 2 is not ready, naming the audit whose auditor is not independent', async () => {
    const verdict = await textOf(await byId('dashboard-verdict-2'));
    expect(verdict).toMatch(/^\d+ gaps?$/);
    expect(await statusOf('S2-INDEPENDENCE')).toBe('fail');
    const row = await rule('S2-INDEPENDENCE');
    await centre(row);
    const link = await row.$('[data-testid="dashboard-record-link"]');
    expect(await link.getAttribute('data-kind')).toBe('audit');
    expect(await textOf(link)).toMatch(/^IA-\d{3} /);
    await shot('82-dashboard-independence-gap');
  });

  it('shows what falls due and the heat maps below the rules', async () => {
    await centre(await byId('dashboard-audits-due'));
    await (await byId('heatmap-inherent')).waitForExist();
    await shot('83-dashboard-follow-ups');
  });

  it('re-evaluates on the Stage 2 date', async () => {
    const picker = await byId('dashboard-as-of');
    const today = await picker.getValue();
    await click('dashboard-as-of-stage2');
    await browser.waitUntil(async () => (await picker.getValue()) !== today);
    await browser.waitUntil(async () =>
      (await textOf(await byId('dashboard-when-2'))).includes('Stage 2 is today'),
    );
    await shot('84-dashboard-on-stage2-date');
    await click('dashboard-as-of-today');
    await browser.waitUntil(async () => (await picker.getValue()) === today);
  });

  it('follows the gap to the audit and gives it an external auditor', async () => {
    const link = await (await rule('S2-INDEPENDENCE')).$('[data-testid="dashboard-record-link"]');
    await centre(link);
    await link.click();
    await (await byId('audit-dialog')).waitForDisplayed();
    await (await byId('independence-conflict')).waitForDisplayed();
    await shot('85-audit-from-dashboard');
    await (await byId('audit-auditor-kind')).selectByAttribute('value', 'external');
    await typeInto('audit-external-auditor', EXTERNAL);
    await browser.waitUntil(
      async () => (await $$('[data-testid="independence-none"]')).length === 1,
    );
    await click('audit-save');
    await (await byId('audit-dialog')).waitForDisplayed({ reverse: true });
  });

  it('finds S2-INDEPENDENCE passing back on the dashboard', async () => {
    await click('nav-dashboard');
    await (await byId('dashboard-stage2')).waitForDisplayed();
    await browser.waitUntil(async () => (await statusOf('S2-INDEPENDENCE')) === 'pass', {
      timeoutMsg: 'S2-INDEPENDENCE never passed',
    });
    const passing = await byId('dashboard-passing-2');
    await centre(passing);
    await (await passing.$('summary')).click();
    await (await rule('S2-INDEPENDENCE')).waitForDisplayed();
    await centre(await rule('S2-INDEPENDENCE'));
    await shot('86-dashboard-independence-passes');
  });

  it('leaves the demo and returns to the start screen', async () => {
    // Leaving locks: the page's process ends, and the WebDriver session with it (page.rs).
    await relaunchAfterLock(await lockPage('demo-leave'));
    await (await byId('start-demo')).waitForDisplayed();
  });
});
