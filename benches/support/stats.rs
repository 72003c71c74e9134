//! Latency samples and the printed table.
use std::time::Duration;

pub struct Samples {
    pub label: String,
    times: Vec<Duration>,
    /// The goal for p99, when there is one.
    goal: Option<Duration>,
}

impl Samples {
    pub fn new(label: impl Into<String>, goal: Option<Duration>) -> Self {
        Samples {
            label: label.into(),
            times: Vec::new(),
            goal,
        }
    }

    pub fn push(&mut self, d: Duration) {
        self.times.push(d);
    }

    pub fn len(&self) -> usize {
        self.times.len()
    }

    /// Nearest-rank percentile.
    pub fn pct(&self, p: f64) -> Duration {
        let mut t = self.times.clone();
        t.sort();
        if t.is_empty() {
            return Duration::ZERO;
        }
        let rank = ((p / 100.0) * t.len() as f64).ceil() as usize;
        t[rank.clamp(1, t.len()) - 1]
    }

    pub fn max(&self) -> Duration {
        self.times.iter().copied().max().unwrap_or_default()
    }
}

pub fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1e3)
}

pub struct Table {
    rows: Vec<Samples>,
}

impl Table {
    pub fn new() -> Self {
        Table { rows: Vec::new() }
    }

    pub fn add(&mut self, s: Samples) {
        self.rows.push(s);
    }

    pub fn render(&self) -> String {
        let mut out = format!(
            "{:<52} {:>7} {:>10} {:>10} {:>10}  {}\n{}\n",
            "measurement",
            "samples",
            "p50 ms",
            "p99 ms",
            "max ms",
            "p99 goal",
            "-".repeat(108)
        );
        for s in &self.rows {
            let goal = match s.goal {
                None => String::new(),
                Some(g) if s.pct(99.0) <= g => format!("< {} ms  ok", ms(g)),
                Some(g) => format!("< {} ms  MISSED", ms(g)),
            };
            out.push_str(&format!(
                "{:<52} {:>7} {:>10} {:>10} {:>10}  {}\n",
                s.label,
                s.len(),
                ms(s.pct(50.0)),
                ms(s.pct(99.0)),
                ms(s.max()),
                goal
            ));
        }
        out
    }
}
