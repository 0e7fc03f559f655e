//! The pending faults, first in first out per endpoint.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use tokio::sync::Notify;

use super::{Endpoint, Fault, FaultKind};
use crate::sync::lock;

/// FIFO queues of pending faults, one per endpoint.
#[derive(Default)]
pub struct FaultQueue {
    queues: Mutex<HashMap<Endpoint, VecDeque<Fault>>>,
    /// Woken when a `drop` is queued: the API listener then closes its idle keep-alive
    /// connections (see `http_server`).
    pub drop_queued: Arc<Notify>,
}

impl FaultQueue {
    /// Queues a fault; returns how many faults are now pending for its endpoint.
    pub fn push(&self, fault: Fault) -> usize {
        let is_drop = fault.kind == FaultKind::Drop;
        let pending = {
            let mut queues = lock(&self.queues);
            let queue = queues.entry(fault.endpoint).or_default();
            queue.push_back(fault);
            queue.len()
        };
        if is_drop {
            self.drop_queued.notify_waiters();
        }
        pending
    }

    /// Uses up one application of the oldest fault for `endpoint`.
    pub fn take(&self, endpoint: Endpoint) -> Option<Fault> {
        let mut queues = lock(&self.queues);
        let queue = queues.get_mut(&endpoint)?;
        let front = queue.front_mut()?;
        front.times = front.times.saturating_sub(1);
        let fault = front.clone();
        if front.times == 0 {
            queue.pop_front();
        }
        Some(fault)
    }

    /// True while any endpoint has a `drop` fault waiting.
    pub fn has_pending_drop(&self) -> bool {
        lock(&self.queues).values().flatten().any(|f| f.kind == FaultKind::Drop)
    }

    pub fn reset(&self) {
        lock(&self.queues).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_is_fifo_and_counts_times() {
        let q = FaultQueue::default();
        let two = Fault::from_json(br#"{"endpoint":"config","kind":"status","status":502,"times":2}"#).unwrap();
        let one = Fault::from_json(br#"{"endpoint":"config","kind":"drop"}"#).unwrap();
        assert_eq!(q.push(two), 1);
        assert_eq!(q.push(one), 2);
        assert_eq!(q.take(Endpoint::Status).map(|f| f.kind), None);
        assert_eq!(q.take(Endpoint::Config).unwrap().kind, FaultKind::Status);
        assert_eq!(q.take(Endpoint::Config).unwrap().kind, FaultKind::Status);
        assert_eq!(q.take(Endpoint::Config).unwrap().kind, FaultKind::Drop);
        assert!(q.take(Endpoint::Config).is_none());
    }
}
