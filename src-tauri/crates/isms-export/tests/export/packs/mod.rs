mod cap;
mod content;
mod gaps;
mod soa;
mod stage1;
mod stage2;
