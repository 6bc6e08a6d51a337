//! Monitoring and measurement (9.1): measures (what is monitored, the method, how often, who
//! measures and who evaluates, the target) and their dated results. A result is append-only:
//! once recorded it never changes and is never deleted (the schema's triggers refuse both), and
//! every result is evaluated; one that misses its target either raises a tracker item in the same
//! write or carries a note saying why none is needed.
//!
//! [`periods`] says which month, quarter or year a day falls in and which periods still lack a
//! result; [`computed`] calculates the value of a measure computed from the vault on a day. The
//! readiness rules (S1-MONITORING, S2-MONITORING) live in `readiness`, and read these.

pub mod computed;
mod model;
pub mod periods;
mod store;

pub use computed::{propose, value};
pub use model::{
    Direction, Frequency, Measure, MeasureResult, MeasureWithResults, NewResult, RaiseItem, Source,
    with_unit,
};
pub use periods::{Period, missing, period_containing, periods_between, start_day};
pub use store::{
    create, create_in, delete, get, list, list_with_results, record_result, record_result_in,
    results, update, update_in,
};
pub(crate) use store::{insert, insert_result};
