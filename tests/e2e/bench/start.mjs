// The app's own start-up and memory, measured on the release build: how long from launching the
// app to its start screen offering the recent vault (ready to unlock), and how much memory the
// whole process tree (the app and its WebKit processes) holds once the large demo company is
// unlocked and the app has sat idle on its dashboard. Run by `make bench` under xvfb-run; prints
// table rows (`| what | result |`).
//
// The app is launched over WebDriver (tauri-driver and WebKitWebDriver), as the end-to-end tests
// do, so the start time includes the driver starting the app: an upper bound of what a user
// waits. Memory is read from /proc: PSS (each shared page split between the processes that map
// it, so the sum is what the tree really costs) and RSS (what each process reports, shared
// pages counted in each).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { remote } from 'webdriverio';
import { isolatedEnv, rememberVault } from '../env.mjs';
import { appProcess, processTree, stopTree } from '../processes.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const target = process.env.CARGO_TARGET_DIR ?? path.join(root, 'target');
const application = process.env.ISMS_DESK_RELEASE ?? path.join(target, 'release', 'isms-desk');
const isms = process.env.ISMS_CLI_RELEASE ?? path.join(target, 'release', 'isms');
const driverBin = process.env.TAURI_DRIVER ?? path.join(target, 'tools', 'bin', 'tauri-driver');
const port = Number(process.env.ISMS_BENCH_PORT ?? 4464);
const STARTS = 5;
const IDLE_MS = 15000;
const PASS = 'benchmark passphrase for the app';

for (const file of [application, isms, driverBin]) {
  if (!existsSync(file)) throw new Error(`missing ${file}: \`make bench\` builds it`);
}

const home = mkdtempSync(path.join(tmpdir(), 'isms-desk-bench-'));
const vault = path.join(home, 'Large Demo.isms');
const env = isolatedEnv(home);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function memoryOf(pid) {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kib = (field) => Number(rollup.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
  const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  return { name, pss: kib('Pss') / 1024, rss: kib('Rss') / 1024 };
}

/** The app the open session drives (one a closed session left is still shutting down). */
const appPid = () => appProcess(application, driver.pid);

async function launch() {
  const started = performance.now();
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    connectionRetryTimeout: 90000,
    connectionRetryCount: 3,
    capabilities: { 'tauri:options': { application }, 'wdio:enforceWebDriverClassic': true },
  });
  await (await browser.$('[data-testid="recent-item"]')).waitForDisplayed({ timeout: 60000 });
  return { browser, ms: performance.now() - started };
}

const driver = spawn(driverBin, ['--port', String(port), '--native-port', String(port + 1)], {
  stdio: 'ignore',
  env,
});
try {
  await sleep(1500);
  execFileSync(isms, ['demo', vault, '--at', 'stage2-ready', '--scale', 'large'], {
    env: { ...env, ISMS_PASSPHRASE: PASS, ISMS_BACKUP_DIR: path.join(home, 'cli-backups') },
    stdio: 'ignore',
  });
  rememberVault(path.join(home, '.local/share', 'app.ismsdesk.desktop'), vault);

  const starts = [];
  for (let i = 0; i < STARTS; i++) {
    const { browser, ms } = await launch();
    starts.push(ms);
    await browser.deleteSession();
  }

  const { browser } = await launch();
  await sleep(5000);
  const atStart = processTree(await appPid()).map(memoryOf);
  await (await browser.$('[data-testid="recent-item"]')).click();
  await (await browser.$('[data-testid="unlock-passphrase"]')).setValue(PASS);
  const unlocking = performance.now();
  await (await browser.$('[data-testid="unlock-submit"]')).click();
  await (await browser.$('[data-testid="dashboard-stage2"]')).waitForDisplayed({ timeout: 120000 });
  const unlockMs = performance.now() - unlocking;
  await sleep(IDLE_MS);
  const processes = processTree(await appPid()).map(memoryOf);
  await browser.deleteSession();

  const sum = (field, of = processes) => of.reduce((total, p) => total + p[field], 0);
  const names = (of) => of.map((p) => `${p.name} ${p.pss.toFixed(0)}`).join(', ');
  console.log(
    `| start the app to its start screen, ready to unlock (release, median of ${STARTS}, over WebDriver) | ${(median(starts) / 1000).toFixed(2)} s |`,
  );
  console.log(`| unlock the large demo in the app, to its dashboard drawn | ${(unlockMs / 1000).toFixed(2)} s |`);
  console.log(
    `| memory of the whole process tree on the start screen, no vault open (${atStart.length} processes) | ${sum('pss', atStart).toFixed(0)} MiB PSS (${names(atStart)}); ${sum('rss', atStart).toFixed(0)} MiB RSS summed |`,
  );
  console.log(
    `| memory of the whole process tree, large demo open, idle ${IDLE_MS / 1000} s on the dashboard (${processes.length} processes) | ${sum('pss').toFixed(0)} MiB PSS (${names(processes)}); ${sum('rss').toFixed(0)} MiB RSS summed |`,
  );
} finally {
  await stopTree(driver.pid);
  rmSync(home, { recursive: true, force: true });
}
