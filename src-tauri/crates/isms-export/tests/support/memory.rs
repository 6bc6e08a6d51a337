//! What the memory test and the bundle benchmark both need (Linux only): the process's peak
//! resident memory and its reset, and large log-like evidence files to bundle.

use std::io::Write;
use std::path::Path;

/// Peak resident memory of this process since the last reset, in bytes.
pub fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("VmHWM");
    line.split_whitespace()
        .nth(1)
        .and_then(|v| v.parse::<u64>().ok())
        .expect("a size")
        * 1024
}

/// Resets the peak to the current resident size (Linux 4.0 and later).
pub fn reset_peak() {
    std::fs::write("/proc/self/clear_refs", "5").expect("clear_refs");
}

/// Writes `bytes` of firewall-log-like text with noise to `path` (deflate has real work to
/// do and cannot shrink it to nothing); `seed` varies the noise.
pub fn write_log(path: &Path, bytes: usize, seed: u64) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("the log file"));
    let mut state = 0x9E37_79B9_7F4A_7C15u64 ^ seed;
    let (mut written, mut line) = (0, 0u64);
    while written < bytes {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let text = format!(
            "{line:09} DENY tcp 10.0.{}.{} -> 192.0.2.{} port {} {state:016x}\n",
            state % 250,
            (state >> 8) % 250,
            (state >> 16) % 250,
            (state >> 24) % 65_535,
        );
        let chunk = &text.as_bytes()[..text.len().min(bytes - written)];
        f.write_all(chunk).expect("written");
        written += chunk.len();
        line += 1;
    }
}
