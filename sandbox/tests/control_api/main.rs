//! The `/__sandbox/` control API: faults of every kind, the request log,
//! added organizations, donation transitions and reset.
//!
//! By topic: faults that answer (`faults`), faults that drop the connection
//! (`drops`), and the rest of the control API (`state`). The in-process
//! sandbox and request helpers are in `tests/common`, shared by every test
//! file.

#[path = "../common/mod.rs"]
mod common;

mod drops;
mod faults;
mod state;
