//! Connections to a vault file: keyed read-write, keyed immutable read-only, the key check that
//! tells "not a database" (a wrong passphrase or damage) from the file system's own failures,
//! and the pragmas of an unlocked vault. Nothing here decides when to open: `vault.rs` does.

use std::path::{Path, PathBuf};
use std::sync::Once;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use super::passphrase::Passphrase;
use crate::error::{CoreError, ErrorCode, Result};

/// `<path><suffix>`, for SQLite's `-wal` and `-shm` and our own staging files.
pub(crate) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut os = path.as_os_str().to_owned();
    os.push(suffix);
    PathBuf::from(os)
}

/// SQLite's side files of a vault: the write-ahead log and its index.
pub(crate) fn side_files(path: &Path) -> [PathBuf; 2] {
    [sidecar(path, "-wal"), sidecar(path, "-shm")]
}

/// How long [`ready`] waits for another thread's SQLCipher start-up to finish.
const START_UP_WAIT: Duration = Duration::from_secs(5);

/// Makes sure SQLCipher has finished starting before the first connection of the process.
///
/// SQLite marks itself initialised *before* it runs SQLCipher's start-up (its crypto provider,
/// and the auto-extension that adds `sqlcipher_export` to every connection), outside its locks.
/// A thread that opens a connection while another thread is inside that start-up gets a
/// connection without `sqlcipher_export` (a backup then fails with "no such function") and
/// possibly a failed `PRAGMA key`. So the first caller initialises SQLite and waits until a
/// fresh connection has the function (opening the first one starts SQLite); every other caller
/// waits on the `Once` meanwhile.
pub(crate) fn ready() {
    static START: Once = Once::new();
    START.call_once(|| {
        let since = Instant::now();
        while !has_export() && since.elapsed() < START_UP_WAIT {
            std::thread::sleep(Duration::from_millis(2));
        }
    });
}

/// Whether a new connection gets SQLCipher's `sqlcipher_export` function.
fn has_export() -> bool {
    Connection::open_in_memory()
        .and_then(|c| {
            c.query_row(
                "SELECT count(*) FROM pragma_function_list WHERE name = 'sqlcipher_export'",
                [],
                |r| r.get::<_, i64>(0),
            )
        })
        .is_ok_and(|n| n > 0)
}

/// Opens a connection and sets the key; nothing is read or written yet.
pub(crate) fn connect(path: &Path, passphrase: &Passphrase) -> Result<Connection> {
    open_with(path, passphrase, OpenFlags::SQLITE_OPEN_READ_WRITE)
}

/// Attempts at keying a fresh connection before giving up (see [`open_with`]).
const KEY_ATTEMPTS: usize = 3;

pub(crate) fn open_with(
    path: &Path,
    passphrase: &Passphrase,
    mode: OpenFlags,
) -> Result<Connection> {
    ready();
    let flags = mode | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut attempt = 0;
    loop {
        attempt += 1;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| {
            CoreError::new(
                ErrorCode::Io,
                format!("Cannot open {}: {e}", path.display()),
            )
        })?;
        // SQLCipher logs decryption failures to stderr by default; a wrong passphrase is not
        // news. After a failed keying its errors are logged, to say why if it fails again.
        let level = if attempt == 1 { "NONE" } else { "ERROR" };
        conn.pragma_update(None, "cipher_log_level", level)?;
        // Setting the key reads nothing and writes nothing: it only builds SQLCipher's codec
        // context. That build was seen to fail once in a long test run ("An error occurred
        // with PRAGMA key"), most likely the start-up race that [`ready`] now closes; a failure
        // is still tried again on a new connection before it is reported.
        match conn.pragma_update(None, "key", passphrase.expose()) {
            Ok(()) => return Ok(conn),
            Err(e) if attempt >= KEY_ATTEMPTS => {
                return Err(CoreError::new(
                    ErrorCode::Database,
                    format!(
                        "SQLCipher could not set the key of {} ({attempt} attempts): {e}",
                        path.display()
                    ),
                ));
            }
            Err(_) => drop(conn),
        }
    }
}

/// A read-only connection that SQLite treats as immutable: no lock, no `-shm`, no journal or
/// log replay, so the file and its side files stay exactly as they are.
pub(crate) fn open_untouched(path: &Path, passphrase: &Passphrase) -> Result<Connection> {
    ready();
    let uri = format!("file:{}?immutable=1", uri_path(path));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(&uri, flags).map_err(|e| {
        CoreError::new(
            ErrorCode::Io,
            format!("Cannot open {}: {e}", path.display()),
        )
    })?;
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    conn.pragma_update(None, "key", passphrase.expose())?;
    Ok(conn)
}

/// `path` made absolute and percent-encoded for an SQLite `file:` URI.
fn uri_path(path: &Path) -> String {
    let full = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut out = String::new();
    for b in full.as_os_str().as_encoded_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                out.push(char::from(*b))
            }
            b'\\' => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    if !out.starts_with('/') {
        out.insert(0, '/');
    }
    out
}

/// Reads the schema: the first read that needs the key. Only SQLite's "file is not a
/// database" (and a corrupt schema) means a wrong key or damaged pages, which SQLCipher cannot
/// tell apart, so that message names both and points to backups. A full disk, a folder where
/// the log cannot be made, a failing read: those are said as they are (see `From<rusqlite::Error>`).
pub(crate) fn check_key(conn: &Connection) -> Result<()> {
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map(|_| ())
    .map_err(|err| key_failure(&err))
}

/// What a failed first read means: see [`check_key`].
pub(crate) fn key_failure(err: &rusqlite::Error) -> CoreError {
    use rusqlite::ErrorCode as Sqlite;
    match err.sqlite_error_code() {
        Some(Sqlite::NotADatabase | Sqlite::DatabaseCorrupt) => wrong_passphrase_or_damaged(),
        _ => {
            let mut coded = CoreError::from_sqlite(err);
            if coded.code == ErrorCode::Database {
                coded.message =
                    format!("The vault could not be read: {err}. The file was not changed.");
            }
            coded
        }
    }
}

pub(crate) fn wrong_passphrase_or_damaged() -> CoreError {
    CoreError::new(
        ErrorCode::WrongPassphraseOrDamaged,
        "The vault could not be unlocked: either the passphrase is wrong or the file is damaged. \
         Check the passphrase (it is case-sensitive); if it is right, restore the newest backup. \
         The file was not changed.",
    )
}

/// Pragmas for an unlocked vault: WAL, durable commits, foreign keys, a 64 MiB page cache.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(CoreError::new(
            ErrorCode::Database,
            format!("Cannot enable WAL (got {mode})."),
        ));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    configure_reads(conn)
}

/// The pragmas that change nothing on disk; all a read-only vault gets.
pub(crate) fn configure_reads(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "cache_size", -65_536)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // Room for the statements one record's write repeats (its insert, history, the checks of
    // its references), so an import of thousands parses each once.
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

#[cfg(test)]
mod tests {
    //! SQLCipher starts once per process, so the start-up check runs in fresh copies of this
    //! test binary.

    use std::process::Command;
    use std::sync::{Arc, Barrier};

    use super::*;

    const INNER: &str = "db::connect::tests::first_connections_on_many_threads";
    const THREADS: usize = 16;
    const RUNS: usize = 10;

    #[test]
    fn the_first_connections_of_a_process_opened_at_once_all_have_sqlcipher_export() {
        let exe = std::env::current_exe().expect("the test binary");
        for run in 0..RUNS {
            let out = Command::new(&exe)
                .args([INNER, "--exact", "--ignored"])
                .output()
                .expect("runs the test binary again");
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success() && stdout.contains("1 passed"),
                "run {run}: {stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }

    /// Run by the test above in a process of its own; in the normal run SQLite has long been
    /// started by other tests, so it is ignored there.
    #[test]
    #[ignore = "run in a fresh process by the_first_connections_of_a_process_…"]
    fn first_connections_on_many_threads() {
        let dir = Arc::new(tempfile::tempdir().unwrap());
        let gate = Arc::new(Barrier::new(THREADS));
        let workers: Vec<_> = (0..THREADS)
            .map(|i| {
                let (dir, gate) = (Arc::clone(&dir), Arc::clone(&gate));
                std::thread::spawn(move || {
                    let pass = Passphrase::new("correct horse".into());
                    gate.wait();
                    let path = dir.path().join(format!("v{i}.isms"));
                    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
                    let conn = open_with(&path, &pass, flags).unwrap();
                    conn.query_row(
                        "SELECT count(*) FROM pragma_function_list WHERE name = 'sqlcipher_export'",
                        [],
                        |r| r.get::<_, i64>(0),
                    )
                    .unwrap()
                })
            })
            .collect();
        let missing = workers
            .into_iter()
            .map(|w| w.join().unwrap())
            .filter(|&n| n == 0)
            .count();
        assert_eq!(missing, 0, "connections without sqlcipher_export");
    }
}
