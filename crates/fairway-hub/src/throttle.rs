//! Slowing down code guessing, per client address. A client may get a few codes wrong (a typo,
//! a code read out wrongly); after [`Policy::free_failures`] wrong codes within
//! [`Policy::window`], each further attempt must wait, twice as long after every further wrong
//! code. Codes have 140 random bits, so this is not what makes guessing hopeless; it keeps a
//! guessing script from filling the log and the CPU. A right code from another address is never
//! delayed: the state is per address, kept in memory (a restart forgets it). Behind a reverse
//! proxy every client has the proxy's address, so the hub is meant to be reached directly.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// How wrong codes are slowed down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Wrong codes allowed within the window before any waiting.
    pub free_failures: u32,
    pub window: Duration,
    /// The first wait; each further wrong code doubles it.
    pub first_wait: Duration,
    pub max_wait: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            free_failures: 5,
            window: Duration::from_secs(10 * 60),
            first_wait: Duration::from_secs(2),
            max_wait: Duration::from_secs(15 * 60),
        }
    }
}

#[derive(Debug, Clone)]
struct Client {
    failures: Vec<Instant>,
    blocked_until: Option<Instant>,
}

/// The wrong-code record of every client address.
#[derive(Debug, Default)]
pub struct Throttle {
    policy: Policy,
    clients: HashMap<IpAddr, Client>,
}

impl Throttle {
    pub fn new(policy: Policy) -> Throttle {
        Throttle {
            policy,
            clients: HashMap::new(),
        }
    }

    /// `Some(wait)` when this address must wait before its code is even looked at.
    pub fn check(&mut self, ip: IpAddr, now: Instant) -> Option<Duration> {
        let client = self.clients.get(&ip)?;
        let until = client.blocked_until?;
        (until > now).then(|| until - now)
    }

    /// Records a wrong code; returns the wait it now imposes, if any.
    pub fn failed(&mut self, ip: IpAddr, now: Instant) -> Option<Duration> {
        let policy = self.policy;
        if self.clients.len() > 100_000 {
            // A flood of addresses: forget the ones whose window has passed.
            self.clients.retain(|_, c| {
                c.failures
                    .last()
                    .is_some_and(|t| now.duration_since(*t) < policy.window)
            });
        }
        let client = self.clients.entry(ip).or_insert(Client {
            failures: Vec::new(),
            blocked_until: None,
        });
        client
            .failures
            .retain(|t| now.duration_since(*t) < policy.window);
        client.failures.push(now);
        let count = u32::try_from(client.failures.len()).unwrap_or(u32::MAX);
        if count < policy.free_failures {
            return None;
        }
        let doublings = (count - policy.free_failures).min(20);
        let wait = policy
            .first_wait
            .saturating_mul(1 << doublings)
            .min(policy.max_wait);
        client.blocked_until = Some(now + wait);
        Some(wait)
    }

    /// A right code clears the address's record.
    pub fn succeeded(&mut self, ip: IpAddr) {
        self.clients.remove(&ip);
    }
}

/// Whole seconds to tell the client, rounded up.
pub fn retry_after_s(wait: Duration) -> u32 {
    let s = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    u32::try_from(s.max(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_wrong_codes_make_that_address_wait_twice_as_long_each_time_and_no_other() {
        let mut throttle = Throttle::new(Policy::default());
        let guesser: IpAddr = [192, 168, 1, 9].into();
        let exhibitor: IpAddr = [192, 168, 1, 10].into();
        let t0 = Instant::now();
        for i in 0..4 {
            assert_eq!(throttle.failed(guesser, t0), None, "wrong code {i} is free");
        }
        assert_eq!(throttle.failed(guesser, t0), Some(Duration::from_secs(2)));
        assert!(throttle.check(guesser, t0).is_some(), "the guesser waits");
        assert_eq!(
            throttle.check(exhibitor, t0),
            None,
            "another address does not"
        );
        let later = t0 + Duration::from_secs(3);
        assert_eq!(throttle.check(guesser, later), None, "the wait ends");
        assert_eq!(
            throttle.failed(guesser, later),
            Some(Duration::from_secs(4))
        );
        let much_later = later + Duration::from_secs(11 * 60);
        assert_eq!(
            throttle.failed(guesser, much_later),
            None,
            "wrong codes older than the window are forgotten"
        );
    }
}
