// The processes an end-to-end run starts, read from /proc (Linux): which app process a test
// drives, the tree a WebDriver server started, and stopping that tree whole, so no app outlives
// the session that launched it.
import { readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Whether `pid` runs the executable at `wanted` (a real path; a zombie runs none). */
function runs(pid, wanted) {
  try {
    return readlinkSync(`/proc/${pid}/exe`) === wanted;
  } catch {
    return false; // gone, or not ours to look at
  }
}

/** The ids of running processes whose executable is `binary`. */
function pidsOf(binary) {
  const wanted = realpathSync(binary);
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => runs(pid, wanted));
}

/**
 * State, parent pid and start time (clock ticks after boot) from /proc/<pid>/stat, or null if
 * gone.
 */
function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold anything; the fields after it are fixed.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], parent: Number(fields[1]), started: Number(fields[19]) };
  } catch {
    return null;
  }
}

/** Whether `pid` runs (exists and is not a zombie). */
export function running(pid) {
  const now = stat(pid);
  return now !== null && now.state !== 'Z';
}

/** `pid` and every process descended from it. */
export function processTree(pid) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry)) parents.set(Number(entry), stat(entry)?.parent);
  }
  const members = [pid];
  for (let i = 0; i < members.length; i++) {
    for (const [child, parent] of parents) if (parent === members[i]) members.push(child);
  }
  return members;
}

/**
 * Stops `pid` and everything it started: SIGTERM to each, then SIGKILL to whatever of the tree
 * is left after `graceMs`, so no app outlives the WebDriver server that launched it.
 */
export async function stopTree(pid, graceMs = 3000) {
  const members = processTree(pid).map((p) => ({ pid: p, started: stat(p)?.started }));
  for (const m of members) {
    try {
      process.kill(m.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + graceMs;
  const alive = () =>
    members.filter((m) => {
      const now = stat(m.pid);
      // A zombie has exited: only its parent's wait is missing.
      return m.started !== undefined && now?.started === m.started && now.state !== 'Z';
    });
  while (alive().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const m of alive()) {
    try {
      process.kill(m.pid, 'SIGKILL');
    } catch {
      // gone in between
    }
  }
}

/**
 * The process of `binary` that a test drives: among those started under `ancestor` (the
 * WebDriver server that launched it), the newest. An app a closed session left behind is still
 * shutting down for a moment; it is given up to `settleMs` to go, and is never the one returned.
 */
export async function appProcess(binary, ancestor, settleMs = 20000) {
  const wanted = realpathSync(binary);
  const deadline = Date.now() + settleMs;
  for (;;) {
    const mine = processTree(ancestor)
      .filter((pid) => runs(pid, wanted))
      .map((pid) => ({ pid, started: stat(pid)?.started ?? -1 }))
      .filter((p) => p.started >= 0)
      .sort((a, b) => b.started - a.started || b.pid - a.pid);
    if (mine.length === 0) throw new Error(`no process of ${binary} runs under pid ${ancestor}`);
    if (mine.length === 1 || Date.now() > deadline) {
      const others = pidsOf(binary).filter((pid) => pid !== mine[0].pid);
      if (others.length > 0) console.log(`app process ${mine[0].pid}; passed over: ${others.join(', ')}`);
      return mine[0].pid;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * WebKit's processes working for the app `appPid`: its descendants whose executable is one of
 * WebKitGTK's helpers, as `{ pid, kind }` with kind `WebKitWebProcess` (the page: its DOM, its
 * JavaScript heap, the text typed into it) or `WebKitNetworkProcess`.
 */
export function webkitProcesses(appPid) {
  return processTree(appPid)
    .slice(1)
    .map((pid) => {
      try {
        return { pid, kind: path.basename(readlinkSync(`/proc/${pid}/exe`)) };
      } catch {
        return null;
      }
    })
    .filter((p) => p && p.kind.startsWith('WebKit'));
}
