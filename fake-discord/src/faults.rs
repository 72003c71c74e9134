//! Fault knobs: scripted 429s and 5xx for matching routes, and an optional global limit.

use std::time::Instant;

use crate::recorder::Injected;

/// Which requests a fault applies to: an optional method and a path prefix of `/`-separated
/// segments where `*` matches any one segment. Paths are compared without `/api/v10`.
///
/// `"POST /channels/*/messages"`, `"/users/@me/channels"` (any method), `"*"` (everything).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteMatcher {
    method: Option<String>,
    segments: Vec<String>,
}

impl RouteMatcher {
    pub fn new(method: Option<&str>, path_prefix: &str) -> Self {
        Self {
            method: method.map(str::to_ascii_uppercase),
            segments: split(path_prefix.strip_prefix("/api/v10").unwrap_or(path_prefix))
                .map(str::to_owned)
                .collect(),
        }
    }

    /// Every request.
    pub fn any() -> Self {
        Self::new(None, "/")
    }

    /// `"METHOD /prefix"`, `"/prefix"` or `"*"`.
    pub fn parse(spec: &str) -> Self {
        let spec = spec.trim();
        if spec == "*" {
            return Self::any();
        }
        match spec.split_once(' ') {
            Some((method, path)) => Self::new(Some(method), path.trim()),
            None => Self::new(None, spec),
        }
    }

    pub fn matches(&self, method: &str, path: &str) -> bool {
        if let Some(m) = &self.method {
            if !m.eq_ignore_ascii_case(method) {
                return false;
            }
        }
        let path = path.strip_prefix("/api/v10").unwrap_or(path);
        let mut actual = split(path);
        self.segments
            .iter()
            .all(|want| actual.next().is_some_and(|got| want == "*" || want == got))
    }
}

impl From<&str> for RouteMatcher {
    fn from(spec: &str) -> Self {
        Self::parse(spec)
    }
}

fn split(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

/// The `X-RateLimit-Scope` of a scripted 429.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateLimitScope {
    User,
    Global,
    Shared,
}

impl RateLimitScope {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Global => "global",
            Self::Shared => "shared",
        }
    }
}

/// What a matching request gets instead of its normal answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// 429 with `retry_after` seconds in the body and the `Retry-After`/`X-RateLimit-*` headers.
    RateLimited {
        retry_after: f64,
        global: bool,
        scope: RateLimitScope,
    },
    /// That status with Discord's JSON error body, such as 500 or 502.
    Status(u16),
}

impl Fault {
    /// A per-route ("user" scope) 429.
    pub fn rate_limited(retry_after: f64) -> Self {
        Self::RateLimited {
            retry_after,
            global: false,
            scope: RateLimitScope::User,
        }
    }

    /// A global 429.
    pub fn global_rate_limited(retry_after: f64) -> Self {
        Self::RateLimited {
            retry_after,
            global: true,
            scope: RateLimitScope::Global,
        }
    }

    pub fn status(code: u16) -> Self {
        Self::Status(code)
    }
}

#[derive(Debug)]
struct Rule {
    matcher: RouteMatcher,
    remaining: u64,
    fault: Fault,
}

/// Token bucket: `per_second` requests a second with bursts up to `per_second`.
#[derive(Debug)]
struct Bucket {
    per_second: f64,
    tokens: f64,
    last: Instant,
}

#[derive(Debug, Default)]
pub(crate) struct Faults {
    rules: Vec<Rule>,
    global: Option<Bucket>,
}

impl Faults {
    pub(crate) fn add(&mut self, matcher: RouteMatcher, times: u64, fault: Fault) {
        if times > 0 {
            self.rules.push(Rule {
                matcher,
                remaining: times,
                fault,
            });
        }
    }

    pub(crate) fn clear(&mut self) {
        self.rules.clear();
    }

    pub(crate) fn pending(&self) -> u64 {
        self.rules.iter().map(|r| r.remaining).sum()
    }

    /// The first rule that matches, used up by one; rules apply in the order they were added.
    pub(crate) fn take(&mut self, method: &str, path: &str) -> Option<Fault> {
        let index = self
            .rules
            .iter()
            .position(|r| r.matcher.matches(method, path))?;
        let rule = &mut self.rules[index];
        rule.remaining -= 1;
        let fault = rule.fault.clone();
        if rule.remaining == 0 {
            self.rules.remove(index);
        }
        Some(fault)
    }

    pub(crate) fn set_global_limit(&mut self, per_second: Option<u32>) {
        self.global = per_second.filter(|&n| n > 0).map(|n| Bucket {
            per_second: f64::from(n),
            tokens: f64::from(n),
            last: Instant::now(),
        });
    }

    /// Takes a token from the global bucket; `Err(retry_after)` when it is empty.
    pub(crate) fn take_global(&mut self, now: Instant) -> Result<(), f64> {
        let Some(bucket) = &mut self.global else {
            return Ok(());
        };
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        bucket.last = now;
        bucket.tokens = (bucket.tokens + elapsed * bucket.per_second).min(bucket.per_second);
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err((1.0 - bucket.tokens) / bucket.per_second)
        }
    }
}

impl Fault {
    pub(crate) fn injected(&self) -> Injected {
        match *self {
            Fault::RateLimited {
                retry_after,
                global,
                ..
            } => Injected::RateLimited {
                retry_after,
                global,
            },
            Fault::Status(code) => Injected::Status(code),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matcher_segments_and_wildcards() {
        let m = RouteMatcher::parse("POST /channels/*/messages");
        assert!(m.matches("POST", "/api/v10/channels/12/messages"));
        assert!(m.matches("post", "/channels/12/messages/34"));
        assert!(!m.matches("PATCH", "/api/v10/channels/12/messages/34"));
        assert!(!m.matches("POST", "/api/v10/channels/12"));
        assert!(!m.matches("POST", "/api/v10/channels12/messages"));
        assert!(RouteMatcher::parse("*").matches("GET", "/api/v10/gateway"));
        assert!(RouteMatcher::parse("/users/@me").matches("GET", "/api/v10/users/@me"));
    }

    #[test]
    fn rules_are_used_up_in_order() {
        let mut f = Faults::default();
        f.add("/a".into(), 1, Fault::Status(500));
        f.add("/a".into(), 2, Fault::Status(502));
        let got: Vec<_> = (0..4).map(|_| f.take("GET", "/a")).collect();
        assert_eq!(
            got,
            vec![
                Some(Fault::Status(500)),
                Some(Fault::Status(502)),
                Some(Fault::Status(502)),
                None
            ]
        );
    }

    #[test]
    fn bucket_refills_with_time() {
        let mut f = Faults::default();
        f.set_global_limit(Some(2));
        let t0 = Instant::now();
        assert!(f.take_global(t0).is_ok());
        assert!(f.take_global(t0).is_ok());
        let wait = f.take_global(t0).unwrap_err();
        assert!(wait > 0.0 && wait <= 0.5, "{wait}");
        assert!(f
            .take_global(t0 + std::time::Duration::from_millis(600))
            .is_ok());
    }
}
