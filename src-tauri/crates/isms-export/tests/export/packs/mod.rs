mod auditor;
mod cap;
mod content;
mod coverage;
mod gaps;
mod soa;
mod stage1;
mod stage2;
