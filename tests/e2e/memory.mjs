// Reads a running process's memory through /proc/<pid>/mem (Linux), only the pages it holds
// (/proc/<pid>/pagemap), and says where given byte strings lie in it. Reading another
// process's memory needs ptrace rights over it: the test runner has them as the app's ancestor
// (or as root). Also derives the two keys SQLCipher 4 makes from a passphrase, so a test can
// look for the key material as well as the passphrase.
import { pbkdf2Sync } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/**
 * The readable mappings of `pid` that hold something: a mapping with no page in memory and none
 * swapped out reads as zeros (or its file), and WebKit reserves tens of GiB of those.
 */
function readableRegions(pid) {
  const regions = [];
  let region = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = line.match(/^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/);
    if (header) {
      const [, start, end, perms, name] = header;
      region = { start: parseInt(start, 16), end: parseInt(end, 16), perms, name: name || '[anonymous]', held: 0 };
      regions.push(region);
      continue;
    }
    const size = line.match(/^(Rss|Swap):\s+(\d+) kB/);
    if (size && region) region.held += Number(size[2]);
  }
  return regions.filter(
    (r) =>
      r.perms.startsWith('r') &&
      r.held > 0 &&
      r.end <= Number.MAX_SAFE_INTEGER &&
      !['[vvar]', '[vvar_vclock]', '[vsyscall]'].includes(r.name),
  );
}

const CHUNK = 8 * 1024 * 1024;
const PAGE = 4096;
const PAGEMAP_ENTRIES = 65536;

/**
 * The runs of pages of `region` that are in memory or swapped out, from /proc/<pid>/pagemap
 * (bit 63: present, bit 62: swapped). WebKit reserves mappings of tens of GiB of which a few
 * MiB are ever touched; a page never touched holds zeros, so reading only these runs finds the
 * same as reading everything, hundreds of times faster.
 */
function heldRuns(pagemapFd, region) {
  const runs = [];
  const entries = Buffer.alloc(PAGEMAP_ENTRIES * 8);
  let runStart = null;
  for (let page = region.start / PAGE; page < region.end / PAGE; page += PAGEMAP_ENTRIES) {
    const count = Math.min(PAGEMAP_ENTRIES, region.end / PAGE - page);
    const got = readSync(pagemapFd, entries, 0, count * 8, page * 8) / 8;
    for (let i = 0; i < count; i++) {
      const high = i < got ? entries.readUInt32LE(i * 8 + 4) : 0;
      const held = (high & 0xc0000000) !== 0;
      const address = (page + i) * PAGE;
      if (held && runStart === null) runStart = address;
      if (!held && runStart !== null) {
        runs.push([runStart, address]);
        runStart = null;
      }
    }
  }
  if (runStart !== null) runs.push([runStart, region.end]);
  return runs;
}

/**
 * Every place in `pid`'s memory where one of `needles` (name → Buffer) appears, as
 * `{ needle, address, region }`, plus how many bytes were read. Regions that cannot be read
 * (a guard page, a device mapping) are skipped and counted.
 */
export function scanMemory(pid, needles) {
  const longest = Math.max(...Object.values(needles).map((b) => b.length));
  const found = [];
  let bytesRead = 0;
  let unreadable = 0;
  const buffer = Buffer.alloc(CHUNK + longest);
  const fd = openSync(`/proc/${pid}/mem`, 'r');
  const pagemap = openSync(`/proc/${pid}/pagemap`, 'r');
  try {
    for (const region of readableRegions(pid)) {
      for (const [start, end] of heldRuns(pagemap, region)) {
        let at = start;
        // Each chunk repeats the tail of the one before, so a needle across the seam is found.
        let carried = 0;
        while (at < end) {
          const want = Math.min(CHUNK, end - at);
          let got;
          try {
            got = readSync(fd, buffer, carried, want, at);
          } catch {
            unreadable += 1;
            break;
          }
          if (got <= 0) break;
          bytesRead += got;
          const view = buffer.subarray(0, carried + got);
          for (const [needle, bytes] of Object.entries(needles)) {
            for (let i = view.indexOf(bytes); i !== -1; i = view.indexOf(bytes, i + 1)) {
              const context = view.subarray(Math.max(0, i - 96), i + bytes.length + 48);
              found.push({
                needle,
                address: (at - carried + i).toString(16),
                region: region.name,
                context: JSON.stringify(context.toString('latin1')),
              });
            }
          }
          carried = Math.min(longest - 1, view.length);
          view.copy(buffer, 0, view.length - carried);
          at += got;
        }
      }
    }
  } finally {
    closeSync(pagemap);
    closeSync(fd);
  }
  return { found, bytesRead, unreadable };
}

/**
 * The key material SQLCipher 4 (default settings) derives for `vault` from `passphrase`: the
 * page key, PBKDF2-HMAC-SHA512 over the file's 16-byte salt with 256,000 iterations, and the
 * HMAC key, two more iterations of it over the salt with every byte XOR 0x3a. SQLCipher keeps
 * both masked in memory ("shielded"), so their raw bytes should never be found at all.
 */
export function sqlcipherKeys(vault, passphrase) {
  const salt = readFileSync(vault).subarray(0, 16);
  const key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, 256000, 32, 'sha512');
  const hmacSalt = Buffer.from(salt.map((b) => b ^ 0x3a));
  const hmacKey = pbkdf2Sync(key, hmacSalt, 2, 32, 'sha512');
  return { key, hmacKey };
}
