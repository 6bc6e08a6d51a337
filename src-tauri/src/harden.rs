//! Process hardening applied at start in release builds: no core dump and, on Linux, no
//! ptrace attach or `/proc/<pid>/mem` read by other processes of the same user. A crash of
//! an unlocked app would otherwise write the vault's key, the passphrase being typed and
//! decrypted records to a core file on disk. Debug builds keep dumps for debugging.

/// Sets the core file size limit to zero (soft and hard, so no child can raise it again) and,
/// on Linux, marks the process not dumpable. Returns what could not be applied.
pub fn disable_core_dumps() -> Vec<String> {
    let mut failed = Vec::new();
    #[cfg(unix)]
    {
        use rustix::process::{Resource, Rlimit, setrlimit};
        let none = Rlimit {
            current: Some(0),
            maximum: Some(0),
        };
        if let Err(e) = setrlimit(Resource::Core, none) {
            failed.push(format!("core file limit: {e}"));
        }
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{DumpableBehavior, set_dumpable_behavior};
        if let Err(e) = set_dumpable_behavior(DumpableBehavior::NotDumpable) {
            failed.push(format!("not dumpable: {e}"));
        }
    }
    failed
}

#[cfg(test)]
mod tests {
    use super::*;

    // This changes the test process itself, which is harmless: it only stops it dumping core.
    #[cfg(target_os = "linux")]
    #[test]
    fn after_hardening_no_core_can_be_dumped() {
        use rustix::process::{DumpableBehavior, Resource, dumpable_behavior, getrlimit};
        assert_eq!(disable_core_dumps(), Vec::<String>::new());
        let limit = getrlimit(Resource::Core);
        assert_eq!((limit.current, limit.maximum), (Some(0), Some(0)));
        assert_eq!(dumpable_behavior().unwrap(), DumpableBehavior::NotDumpable);
        let limits = std::fs::read_to_string("/proc/self/limits").unwrap();
        let core = limits
            .lines()
            .find(|l| l.starts_with("Max core file size"))
            .unwrap();
        assert_eq!(core.split_whitespace().nth(4), Some("0"), "{core}");
    }
}
