//! Mutex access that survives poisoning.
//!
//! Every critical section in the sandbox leaves its data consistent, so a
//! panic elsewhere must not turn every later request into a panic too.

use std::sync::{Mutex, MutexGuard, PoisonError};

pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
