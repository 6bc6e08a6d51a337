mod gaps;
mod soa;
