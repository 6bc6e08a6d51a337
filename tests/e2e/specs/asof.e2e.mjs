// The dashboard as of another day, in the demo company a month into operating its ISMS: S2-AUDITS
// counts the months with a completed internal audit since Stage 1; on the day before the latest
// audit was completed, that audit has not happened yet, so the dashboard counts one month fewer
// and says which day it shows. "Back to today" restores it. Then a look at the Roles & competence
// screen and the clause checklist of the same company.
import {
  byId,
  centre,
  click,
  lockPage,
  relaunchAfterLock,
  setDate,
  shot,
  textOf,
  textsOf,
} from '../support.mjs';

const rule = (id) => $(`[data-testid="dashboard-rule"][data-rule-id="${id}"]`);

async function findingOf(id) {
  const row = await rule(id);
  await row.waitForExist();
  return textOf(await row.$('[data-testid="dashboard-rule-finding"]'));
}

/** The number of months with a completed audit that S2-AUDITS reports. */
async function auditMonths() {
  const finding = await findingOf('S2-AUDITS');
  const counted = /completed in (\d+) months? since Stage 1/.exec(finding);
  expect(counted).not.toBeNull();
  return Number(counted[1]);
}

/** The day before a "YYYY-MM-DD" date. */
function dayBefore(ymd) {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

describe('the dashboard as of another day, end to end', () => {
  let today;
  let months;
  let eve;

  it('opens the demo company and reads how many months of audits S2-AUDITS counts', async () => {
    await click('start-demo');
    await (await byId('dashboard-stage2')).waitForDisplayed({ timeout: 60000 });
    today = await (await byId('dashboard-as-of')).getValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    months = await auditMonths();
    expect(months).toBeGreaterThan(0);
    expect(await $$('[data-testid="dashboard-as-of-notice"]')).toHaveLength(0);
  });

  it('finds the day the latest audit was completed on the Audits screen', async () => {
    await click('nav-audits');
    await (await byId('audit-programme')).waitForDisplayed();
    const cards = await textsOf('audit-card');
    const done = [];
    for (let i = 0; i < cards.length; i += 1) {
      if (!cards[i].includes('Completed')) continue;
      const card = (await $$('[data-testid="audit-card"]'))[i];
      await centre(card);
      await card.click();
      await (await byId('audit-dialog')).waitForDisplayed();
      done.push(await (await byId('audit-completed-on')).getValue());
      await click('audit-cancel');
      await (await byId('audit-dialog')).waitForDisplayed({ reverse: true });
    }
    expect(done.length).toBeGreaterThan(0);
    const latest = done.sort().at(-1);
    expect(latest <= today).toBe(true);
    eve = dayBefore(latest);
  });

  it('counts one month fewer as of the day before that audit, and says so', async () => {
    await click('nav-dashboard');
    await (await byId('dashboard-stage2')).waitForDisplayed();
    await setDate('dashboard-as-of', eve);
    const picker = await byId('dashboard-as-of');
    await browser.waitUntil(async () => (await picker.getValue()) === eve);
    const notice = await byId('dashboard-as-of-notice');
    await notice.waitForDisplayed();
    const shown = await browser.execute(
      (ymd) =>
        new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${ymd}T00:00:00Z`),
        ),
      eve,
    );
    expect((await textOf(notice)).replace(/\s+/g, ' ')).toContain(
      `Showing the vault as of ${shown}: records dated after that day are not counted.`,
    );
    await browser.waitUntil(async () => (await auditMonths()) === months - 1, {
      timeoutMsg: `S2-AUDITS never counted ${months - 1} months as of ${eve}`,
    });
    expect(await (await rule('S2-AUDITS')).getAttribute('data-status')).toBe('fail');
    await browser.execute(() => window.scrollTo(0, 0));
    await shot('77-dashboard-as-of-audit-eve');
    await centre(await rule('S2-AUDITS'));
    await shot('78-dashboard-as-of-audits-rule');
  });

  it('comes back to today with one click', async () => {
    await click('dashboard-back-to-today');
    const picker = await byId('dashboard-as-of');
    await browser.waitUntil(async () => (await picker.getValue()) === today);
    await (await byId('dashboard-as-of-notice')).waitForDisplayed({ reverse: true });
    await browser.waitUntil(async () => (await auditMonths()) === months, {
      timeoutMsg: `S2-AUDITS never counted ${months} months again`,
    });
  });

  it('shows the roles and the competence of the demo company', async () => {
    await click('nav-competence');
    await browser.waitUntil(async () => (await browser.getUrl()).endsWith('/competence'));
    await (await byId('role-row')).waitForDisplayed();
    await (await byId('holders-row')).waitForExist();
    await (await byId('person-evidence')).waitForExist();
    await shot('18-competence');
    await centre(await byId('holders-row'));
    await shot('19-competence-holders');
    await browser.execute(() => window.scrollTo(0, document.body.scrollHeight));
    await shot('19-competence-evidence');
  });

  it('shows the clause checklist of the demo company', async () => {
    await click('nav-clauses');
    await browser.waitUntil(async () => (await browser.getUrl()).endsWith('/clauses'));
    await (await byId('clauses-summary')).waitForDisplayed();
    await (await byId('clause-row')).waitForExist();
    await shot('34-clauses-demo');
    const clause9 = await $('[data-testid="clause-row"][data-clause="9"]');
    await clause9.waitForExist();
    await browser.execute((e) => e.scrollIntoView({ block: 'start' }), clause9);
    await shot('34-clauses-demo-clause-9');
    await centre(await byId('mandatory-items'));
    await shot('35-clauses-demo-mandatory');
  });

  it('leaves the demo and returns to the start screen', async () => {
    // Leaving locks: the page's process ends, and the WebDriver session with it (page.rs).
    await relaunchAfterLock(await lockPage('demo-leave'));
    await (await byId('start-demo')).waitForDisplayed();
  });
});
