//! The per-address sign-in limit, kept in memory: a sliding window of failed attempts per
//! client address. An attempt takes a place in the window before the password is checked (so
//! a burst of parallel attempts cannot slip past the limit) and gives it back when it
//! succeeds. The per-account limit lives in the database (`handover_store::accounts`).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Addresses remembered before the expired ones are swept out.
const SWEEP_ABOVE: usize = 10_000;

/// Failed sign-in attempts per client address within a sliding window.
#[derive(Debug)]
pub(crate) struct AddressLimiter {
    max: usize,
    window: Duration,
    attempts: Mutex<HashMap<String, VecDeque<Instant>>>,
}

/// A place taken in an address's window by one attempt.
#[derive(Debug)]
pub(crate) struct Attempt {
    address: String,
    at: Instant,
}

impl AddressLimiter {
    pub(crate) fn new(max: u32, window_minutes: u32) -> Self {
        Self {
            max: usize::try_from(max.max(1)).unwrap_or(usize::MAX),
            window: Duration::from_secs(u64::from(window_minutes.max(1)) * 60),
            attempts: Mutex::new(HashMap::new()),
        }
    }

    /// Takes a place for an attempt from `address`, or says how long until one frees up.
    pub(crate) fn try_attempt(&self, address: &str) -> Result<Attempt, Duration> {
        let now = Instant::now();
        let mut all = self
            .attempts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if all.len() > SWEEP_ABOVE {
            all.retain(|_, q| {
                q.back()
                    .is_some_and(|t| now.duration_since(*t) < self.window)
            });
        }
        let q = all.entry(address.to_owned()).or_default();
        while q
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            q.pop_front();
        }
        if q.len() >= self.max {
            let oldest = q.front().copied().unwrap_or(now);
            return Err(self.window.saturating_sub(now.duration_since(oldest)));
        }
        q.push_back(now);
        Ok(Attempt {
            address: address.to_owned(),
            at: now,
        })
    }

    /// Gives back the place of an attempt that succeeded.
    pub(crate) fn succeeded(&self, attempt: Attempt) {
        let mut all = self
            .attempts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(q) = all.get_mut(&attempt.address) {
            if let Some(i) = q.iter().position(|t| *t == attempt.at) {
                q.remove(i);
            }
            if q.is_empty() {
                all.remove(&attempt.address);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_fill_the_window_and_successes_do_not() {
        let l = AddressLimiter::new(2, 15);
        let ok = l.try_attempt("10.0.0.1").unwrap();
        l.succeeded(ok);
        l.try_attempt("10.0.0.1").unwrap();
        l.try_attempt("10.0.0.1").unwrap();
        let wait = l.try_attempt("10.0.0.1").unwrap_err();
        assert!(wait > Duration::from_secs(14 * 60) && wait <= Duration::from_secs(15 * 60));
        assert!(
            l.try_attempt("10.0.0.2").is_ok(),
            "each address has its own window"
        );
    }
}
