// End-to-end tests of the real ISMS Desk binary: tauri-driver proxies WebDriver to Debian's
// WebKitWebDriver, which starts the app in a real WebKitGTK window (under xvfb-run in CI).
// The app runs with HOME and the XDG folders pointed at a fresh temporary directory, so tests
// never see or touch the user's vaults, settings or backups.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv } from './env.mjs';
import { stopTree } from './processes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, 'target');
export const application = process.env.ISMS_DESK_BINARY ?? path.join(targetDir, 'debug', 'isms-desk');
const driverBin = process.env.TAURI_DRIVER ?? path.join(targetDir, 'tools', 'bin', 'tauri-driver');

export const artifacts = path.join(here, '.artifacts');
mkdirSync(artifacts, { recursive: true });

// One home for the whole run: the relaunch test needs the app to find the same vault again.
const home = mkdtempSync(path.join(tmpdir(), 'isms-desk-e2e-'));
process.env.ISMS_E2E_HOME = home;

// Two runs on one machine (a developer's and a CI clone's) each need their own ports.
const port = Number(process.env.ISMS_E2E_PORT ?? 4444);
const nativePort = port + 1;

let driver;

export const config = {
  runner: 'local',
  specs: ['./specs/**/*.e2e.mjs'],
  maxInstances: 1,
  hostname: '127.0.0.1',
  port,
  capabilities: [
    {
      maxInstances: 1,
      'tauri:options': { application },
      'wdio:enforceWebDriverClassic': true,
    },
  ],
  logLevel: process.env.WDIO_LOG_LEVEL ?? 'warn',
  reporters: ['spec'],
  framework: 'mocha',
  mochaOpts: { ui: 'bdd', timeout: 120000 },
  waitforTimeout: 15000,
  connectionRetryCount: 2,
  // A spec file that fails is run once more, in a new app process, and the log says so
  // ("Retrying"). It was added for the SoA screen that sometimes stayed "Loading…" after a
  // navigation, with all its data in the cache: the screen read `a.isPending || b.isPending`,
  // so a query whose state it never read did not notify it (fixed with `anyPending`). Kept
  // for one more round as a guard; remove it once the suite has run clean without retries.
  specFileRetries: 1,

  onPrepare() {
    if (!existsSync(application)) {
      throw new Error(`No app binary at ${application}: run \`make app\` first.`);
    }
    // The users' build (`make run`) refuses WebDriver and exits at once with status 2; say so here
    // rather than let every spec fail to start it. (Without a display the test build fails
    // differently, so this starts no window.)
    const probe = spawnSync(application, [], {
      env: { ...isolatedEnv(home), TAURI_WEBVIEW_AUTOMATION: 'true', DISPLAY: '', WAYLAND_DISPLAY: '' },
      encoding: 'utf8',
      timeout: 20000,
    });
    if (probe.status === 2 && probe.stderr.includes('will not start')) {
      throw new Error(`${application} is the users' build, which cannot be driven: run \`make app\` first.`);
    }
    if (!existsSync(driverBin)) {
      throw new Error(`No tauri-driver at ${driverBin}: run \`make test-e2e\` (it installs it).`);
    }
  },

  beforeSession() {
    driver = spawn(driverBin, ['--port', String(port), '--native-port', String(nativePort)], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: isolatedEnv(home),
    });
    // The memory test finds the app it drives among this driver's descendants.
    process.env.ISMS_E2E_DRIVER_PID = String(driver.pid);
    return new Promise((resolve) => setTimeout(resolve, 1500));
  },

  // The driver and everything it started (WebKitWebDriver, the app, WebKit's processes): an app
  // left running would hold its vault and be mistaken for the next spec's.
  async afterSession() {
    if (driver?.pid) await stopTree(driver.pid);
  },
};
