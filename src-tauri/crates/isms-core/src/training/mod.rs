//! Training (7.2, 7.3): courses (awareness or other, with how long a completion stays valid)
//! and completions by people. A person's awareness status on a given day is derived: current,
//! expiring within 30 days, expired, or never trained.

mod model;
mod store;

pub use model::{AwarenessStatus, Completion, Course, CourseKind, awareness_status};
pub use store::{
    add_completion, add_completion_in, create_course, create_course_in, delete_completion,
    list_completions, list_courses, update_course,
};
pub(crate) use store::{insert_completion, insert_course};
