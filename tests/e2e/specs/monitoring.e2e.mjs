// Monitoring and measurement (9.1) as the ISMS owner meets it in the demo company a month into
// operating its ISMS: the dashboard says S2-MONITORING fails because the phishing simulation
// (M-004) has no result for the Stage 1 month; the Monitoring screen flags that month as overdue;
// recording the result, dated inside the month, with its evaluation and (the target being
// missed) a note why no tracker item is needed, turns the rule to pass.
import {
  byId,
  centre,
  click,
  lockPage,
  relaunchAfterLock,
  setDate,
  shot,
  textOf,
  typeInto,
} from '../support.mjs';

const MEASURE = 'M-004';
const rule = (id) => $(`[data-testid="dashboard-rule"][data-rule-id="${id}"]`);

async function statusOf(id) {
  const row = await rule(id);
  await row.waitForExist();
  return row.getAttribute('data-status');
}

/** The last day of a month labelled "YYYY-MM". */
function lastDayOf(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

describe('monitoring results, end to end', () => {
  // The month without a result, as the dashboard names it ("M-004 (2026-03)").
  let missing;

  it('opens the demo company and finds S2-MONITORING failing for M-004', async () => {
    await click('start-demo');
    await (await byId('dashboard-stage2')).waitForDisplayed({ timeout: 60000 });
    expect(await statusOf('S2-MONITORING')).toBe('fail');
    const row = await rule('S2-MONITORING');
    await centre(row);
    const finding = await textOf(await row.$('[data-testid="dashboard-rule-finding"]'));
    const named = new RegExp(`${MEASURE} \\((\\d{4}-\\d{2})\\)`).exec(finding);
    expect(named).not.toBeNull();
    missing = named[1];
    const refs = [];
    for (const link of await row.$$('[data-testid="dashboard-record-link"]')) {
      refs.push(await link.getAttribute('data-ref'));
    }
    expect(refs).toEqual([MEASURE]);
  });

  it('sees the measure overdue for that month on the Monitoring screen', async () => {
    await click('nav-measures');
    await (await byId('measures-list')).waitForDisplayed();
    expect(await browser.getUrl()).toMatch(/\/measures$/);
    const due = await byId(`measure-due-${MEASURE}`);
    await due.waitForDisplayed();
    expect(await textOf(due)).toBe(`Overdue: ${missing}`);
    // The other measures have every month; only the open one may await its result.
    for (const badge of await $$('[data-testid^="measure-due-M-"]')) {
      if ((await badge.getAttribute('data-testid')) === `measure-due-${MEASURE}`) continue;
      expect(await textOf(badge)).not.toContain('Overdue');
    }
    // M-004 has no result to chart yet; the first measure has its months charted with the target.
    expect(await $$(`[data-testid="measure-chart-${MEASURE}"]`)).toHaveLength(0);
    await (await byId('measure-chart-M-001-target')).waitForExist();
    await browser.execute(() => window.scrollTo(0, 0));
    await shot('61-monitoring-overdue');
  });

  it('records the missing result in that month, evaluated and followed up', async () => {
    await click(`measure-record-${MEASURE}`);
    await (await byId('measure-result-dialog')).waitForDisplayed();
    const day = lastDayOf(missing);
    await setDate('measure-result-date', day);
    expect(await (await byId('measure-result-date')).getValue()).toBe(day);
    await typeInto('measure-result-value', '12.5');
    const verdict = await byId('measure-result-verdict');
    await browser.waitUntil(async () => (await textOf(verdict)).includes('missed'), {
      timeoutMsg: 'a click rate of 12.5 % never read as missing the target of at most 10 %',
    });
    await typeInto(
      'measure-result-evaluation',
      'Postponed simulation run at month end: three of twenty-four clicked, all in sales.',
    );
    // The target is missed: say why no tracker item is needed.
    const choice = await byId('measure-result-follow-up-choice');
    await centre(choice);
    await (await choice.$('label*=No tracker item')).click();
    await typeInto(
      'measure-result-note',
      'The sales team is booked on the awareness refresher; next month’s simulation checks it.',
    );
    await centre(await byId('measure-result-save'));
    await shot('62-monitoring-record-result');
    await click('measure-result-save');
    await (await byId('measure-result-dialog')).waitForDisplayed({ reverse: true });
  });

  it('no longer flags the month overdue, and charts the result', async () => {
    const chart = await byId(`measure-chart-${MEASURE}`);
    await chart.waitForExist();
    for (const badge of await $$(`[data-testid="measure-due-${MEASURE}"]`)) {
      expect(await textOf(badge)).not.toContain('Overdue');
    }
    await centre(chart);
    await shot('63-monitoring-recorded');
  });

  it('finds S2-MONITORING passing back on the dashboard', async () => {
    await click('nav-dashboard');
    await (await byId('dashboard-stage2')).waitForDisplayed();
    await browser.waitUntil(async () => (await statusOf('S2-MONITORING')) === 'pass', {
      timeoutMsg: 'S2-MONITORING never passed',
    });
    const passing = await byId('dashboard-passing-2');
    await centre(passing);
    await (await passing.$('summary')).click();
    const row = await rule('S2-MONITORING');
    await row.waitForDisplayed();
    const finding = await textOf(await row.$('[data-testid="dashboard-rule-finding"]'));
    expect(finding).toContain('measured every period since Stage 1');
    await centre(row);
    await shot('64-dashboard-monitoring-passes');
  });

  it('leaves the demo and returns to the start screen', async () => {
    // Leaving locks: the page's process ends, and the WebDriver session with it (page.rs).
    await relaunchAfterLock(await lockPage('demo-leave'));
    await (await byId('start-demo')).waitForDisplayed();
  });
});
