//! Samples over runs and their summary: median, quartiles, extremes.

use serde_json::{Value, json};

/// What a number measures, for formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Milliseconds.
    Ms,
    /// Bytes.
    Bytes,
    /// A plain count.
    Count,
    /// A unitless score with small values (layout shift).
    Score,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Ms => "ms",
            Unit::Bytes => "bytes",
            Unit::Count => "count",
            Unit::Score => "score",
        }
    }

    /// `12.3 ms`, `1.42 MB`, `7`.
    pub fn format(self, v: f64) -> String {
        match self {
            Unit::Ms => format!("{} ms", self.bare(v)),
            Unit::Bytes | Unit::Count | Unit::Score => self.bare(v),
        }
    }

    /// The number alone, for ranges (`12.1–14.0`).
    pub fn bare(self, v: f64) -> String {
        match self {
            Unit::Ms if v.abs() >= 100.0 => format!("{v:.0}"),
            Unit::Ms => format!("{v:.1}"),
            Unit::Bytes => bytes(v),
            Unit::Count if v.fract() == 0.0 => format!("{v:.0}"),
            Unit::Count => format!("{v:.1}"),
            Unit::Score => format!("{v:.4}"),
        }
    }
}

/// Decimal units, as browsers' and CDNs' size reports use.
pub fn bytes(v: f64) -> String {
    let a = v.abs();
    if a >= 1e6 {
        format!("{:.2} MB", v / 1e6)
    } else if a >= 1e4 {
        format!("{:.1} kB", v / 1e3)
    } else {
        format!("{v:.0} B")
    }
}

/// One metric of one scenario, with a value per run.
#[derive(Debug, Clone)]
pub struct Metric {
    pub id: String,
    pub label: String,
    pub unit: Unit,
    pub values: Vec<f64>,
}

/// Median and spread of a metric's values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub median: f64,
    pub p25: f64,
    pub p75: f64,
    pub min: f64,
    pub max: f64,
}

impl Metric {
    pub fn summary(&self) -> Option<Summary> {
        let mut v = self.values.clone();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        Some(Summary {
            median: quantile(&v, 0.5),
            p25: quantile(&v, 0.25),
            p75: quantile(&v, 0.75),
            min: v[0],
            max: v[v.len() - 1],
        })
    }

    pub fn to_json(&self) -> Value {
        let mut m = json!({ "id": self.id, "label": self.label, "unit": self.unit.name(), "values": self.values });
        if let Some(s) = self.summary() {
            m["median"] = json!(s.median);
            m["p25"] = json!(s.p25);
            m["p75"] = json!(s.p75);
            m["min"] = json!(s.min);
            m["max"] = json!(s.max);
        }
        m
    }
}

/// Linear interpolation between closest ranks (`sorted` is sorted and not empty).
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// A scenario: what was run, and its metrics in the order they were first recorded.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    pub what: String,
    pub metrics: Vec<Metric>,
    /// What the page recorded in each run (its marks, long tasks, events), for a closer look.
    pub raw: Vec<Value>,
}

impl Scenario {
    pub fn new(id: impl Into<String>, title: impl Into<String>, what: impl Into<String>) -> Scenario {
        Scenario { id: id.into(), title: title.into(), what: what.into(), metrics: Vec::new(), raw: Vec::new() }
    }

    /// Adds the samples of one run.
    pub fn record(&mut self, samples: Samples) {
        self.raw.push(samples.raw);
        for s in samples.samples {
            match self.metrics.iter_mut().find(|m| m.id == s.id) {
                Some(m) => m.values.push(s.value),
                None => self.metrics.push(Metric {
                    id: s.id.to_owned(),
                    label: s.label,
                    unit: s.unit,
                    values: vec![s.value],
                }),
            }
        }
    }

    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "title": self.title,
            "what": self.what,
            "metrics": self.metrics.iter().map(Metric::to_json).collect::<Vec<_>>(),
            "runs": self.raw,
        })
    }
}

/// One measured value of one run.
#[derive(Debug, Clone)]
pub struct Sample {
    pub id: &'static str,
    pub label: String,
    pub unit: Unit,
    pub value: f64,
}

/// Collects a run's samples, and what the page recorded.
#[derive(Debug, Default)]
pub struct Samples {
    pub samples: Vec<Sample>,
    pub raw: Value,
}

impl Samples {
    pub fn ms(&mut self, id: &'static str, label: impl Into<String>, value: f64) {
        self.push(id, label, Unit::Ms, value);
    }

    pub fn bytes(&mut self, id: &'static str, label: impl Into<String>, value: f64) {
        self.push(id, label, Unit::Bytes, value);
    }

    pub fn count(&mut self, id: &'static str, label: impl Into<String>, value: f64) {
        self.push(id, label, Unit::Count, value);
    }

    pub fn score(&mut self, id: &'static str, label: impl Into<String>, value: f64) {
        self.push(id, label, Unit::Score, value);
    }

    fn push(&mut self, id: &'static str, label: impl Into<String>, unit: Unit, value: f64) {
        self.samples.push(Sample { id, label: label.into(), unit, value });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 10.0];
        assert_eq!(quantile(&v, 0.5), 3.0);
        assert_eq!(quantile(&v, 0.25), 2.0);
        assert_eq!(quantile(&v, 0.75), 4.0);
        assert_eq!(quantile(&[1.0, 2.0], 0.5), 1.5);
        assert_eq!(quantile(&[7.0], 0.75), 7.0);
    }

    #[test]
    fn summaries_and_formats() {
        let m = Metric { id: "x".into(), label: "x".into(), unit: Unit::Ms, values: vec![5.0, 1.0, 3.0] };
        let s = m.summary().unwrap();
        assert_eq!((s.median, s.min, s.max), (3.0, 1.0, 5.0));
        assert_eq!(Unit::Ms.format(12.345), "12.3 ms");
        assert_eq!(Unit::Ms.format(1234.4), "1234 ms");
        assert_eq!(Unit::Bytes.format(1_234_567.0), "1.23 MB");
        assert_eq!(Unit::Bytes.format(12_345.0), "12.3 kB");
        assert_eq!(Unit::Bytes.format(999.0), "999 B");
        assert_eq!(Unit::Count.format(3.0), "3");
        assert_eq!(Unit::Score.format(0.01234), "0.0123");
    }
}
