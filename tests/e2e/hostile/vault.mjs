// Builds the hostile vault: the demo company at `stage2-ready`, exported as a snapshot with the
// `isms` command line, every free-text field and evidence file name replaced by a payload of
// the corpus (cycling through all of them), and imported into a new vault. What lands in the
// vault this way is exactly what a user could type or a snapshot could carry.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PAYLOADS } from './payloads.mjs';

/** Fields whose value is free text a user types (names, titles, descriptions, notes). Keys,
 * references, dates, e-mail addresses and enumerations are left as they are: the import
 * checks them, and a payload there would only be refused. */
const FREE_TEXT = new Set([
  'name',
  'title',
  'description',
  'summary',
  'external_auditor',
  'requirements',
  'impact',
  'reason',
  'measure',
  'certification_body',
  'scope',
  'department',
  'job_title',
  'note',
  'notes',
  'changes_needed',
  'improvement',
  'other_attendees',
  'threat',
  'vulnerability',
  'justification',
  'correction',
  'corrective_action',
  'decision',
  'effectiveness_result',
  'root_cause',
  'change_summary',
  'file_name',
]);

/** Fields whose being filled in means something (an external auditor instead of a person):
 * a payload goes only where the demo already has a value. */
const ONLY_WHEN_SET = new Set(['external_auditor']);

/** Long-text fields, which take three payloads each, one per line. */
const LONG_TEXT = new Set([
  'description',
  'scope',
  'notes',
  'requirements',
  'summary',
  'improvement',
  'changes_needed',
  'root_cause',
  'corrective_action',
  'correction',
  'justification',
  'impact',
  'reason',
]);

/** The controls' and clauses' own titles are the standard's, not the user's. */
const isReferenceTitle = (object, key) =>
  key === 'title' && ('control_id' in object || 'clause_id' in object);

/** Replaces every free-text string (empty ones too: optional text a user could fill in) in `snapshot` with the next payload; returns the
 * number of payloads put in. A file name gets a payload without `/`, which no file name holds. */
export function hostilise(snapshot) {
  let next = 0;
  const take = (fileName) => {
    const { text } = PAYLOADS[next % PAYLOADS.length];
    next += 1;
    return fileName ? text.replaceAll('/', '\u2215') : text;
  };
  const walk = (value) => {
    if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (
          typeof inner === 'string' &&
          FREE_TEXT.has(key) &&
          !(inner === '' && ONLY_WHEN_SET.has(key)) &&
          !isReferenceTitle(value, key)
        ) {
          const count = LONG_TEXT.has(key) ? 3 : 1;
          value[key] = Array.from({ length: count }, () => take(key === 'file_name')).join('\n');
        } else {
          walk(inner);
        }
      }
    }
  };
  walk(snapshot);
  return next;
}

/** Makes `<dir>/hostile.isms` with `passphrase`; returns its path and how many payloads it
 * holds. `isms` is the command-line binary. */
export function makeHostileVault(isms, dir, passphrase) {
  const env = { ...process.env, ISMS_PASSPHRASE: passphrase, ISMS_BACKUP_DIR: path.join(dir, 'cli-backups') };
  const run = (...args) => execFileSync(isms, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const base = path.join(dir, 'base.isms');
  const snap = path.join(dir, 'hostile.json');
  const vault = path.join(dir, 'hostile.isms');
  run('demo', base, '--at', 'stage2-ready', '--today', new Date().toISOString().slice(0, 10));
  const snapshot = JSON.parse(run('snapshot', 'export', base));
  const fields = hostilise(snapshot);
  writeFileSync(snap, JSON.stringify(snapshot));
  run('new', vault, '--org', 'Hostile Ltd');
  run('snapshot', 'import', vault, snap);
  return { vault, payloads: fields, snapshot: JSON.parse(readFileSync(snap, 'utf8')) };
}
