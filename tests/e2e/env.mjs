// The environment the app runs in under test: HOME and the XDG folders pointed at a scratch
// directory, so a run never sees or touches the user's vaults, settings or backups; and the
// settings file that makes the app offer a given vault when it starts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `process.env` with the user's folders moved into `home`. */
export function isolatedEnv(home) {
  return {
    ...process.env,
    HOME: home,
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    // Where the app puts decrypted copies of opened evidence files (created 0700 by the app).
    XDG_RUNTIME_DIR: path.join(home, 'run'),
    // WebKitGTK's sandbox needs user namespaces that CI containers do not grant.
    WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS: '1',
  };
}

/** Writes the app's settings in `dataDir` with `vault` alone on the recent list. */
export function rememberVault(dataDir, vault) {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({ idle_lock_minutes: 60, recent: [{ path: vault, last_opened: new Date().toISOString() }] }),
  );
}
