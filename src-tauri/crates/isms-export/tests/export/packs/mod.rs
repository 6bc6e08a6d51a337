mod cap;
mod content;
mod coverage;
mod evidence;
mod gaps;
mod soa;
mod stage1;
mod stage2;
