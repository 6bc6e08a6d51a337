//! Cross-layer acceptance tests live in `acceptance/`; this library is empty on purpose.
