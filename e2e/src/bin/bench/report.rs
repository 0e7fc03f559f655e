//! The report of a benchmark run ([`Report`]): the page scenarios side by side, the plain-text
//! table for the terminal and the JSON of every sample; BENCH.md is written by `bench_md`.

use std::fmt::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use crate::machine::Machine;
use crate::sizes::SizeRow;
use crate::stats::{Scenario, Unit, bytes};

/// Everything one benchmark run produced.
#[derive(Debug, Clone)]
pub struct Report {
    pub runs: usize,
    pub machine: Machine,
    pub sizes: Vec<SizeRow>,
    pub scenarios: Vec<Scenario>,
    pub seconds: f64,
    pub generated: String,
}

/// The page scenarios side by side: (metric id, label).
const PAGE_SUMMARY: &[(&str, &str)] = &[
    ("placeholders", "all placeholders painted (from t0)"),
    ("interactive", "all widgets interactive (from t0)"),
    ("cls", "cumulative layout shift (CLS)"),
    ("requests", "requests until interactive (preflights included)"),
    ("round-trips", "round trips in sequence until then"),
    ("long-tasks", "long tasks > 50 ms until then"),
    ("long-tasks-total", "their total duration"),
    ("remount", "re-mount, module loaded → all interactive"),
    ("js-heap-mounted", "JS heap used after mount"),
    ("js-heap-removed", "JS heap used after removing all"),
    ("nodes-mounted", "DOM nodes after mount"),
    ("nodes-removed", "DOM nodes after removing all"),
    ("listeners-mounted", "JS event listeners after mount"),
    ("listeners-removed", "JS event listeners after removing all"),
    ("wasm-mounted", "wasm memory after mount"),
    ("memory-above-empty", "JS heap + wasm memory above the empty page"),
    ("listeners-above-empty", "JS event listeners above the empty page"),
    ("wasm-removed", "wasm memory after removing all"),
    ("js-heap-growth", "JS heap growth, 3rd mount + remove cycle over 2nd"),
    ("wasm-growth", "wasm memory growth, 3rd cycle over 2nd"),
];

/// A label and one cell per page scenario.
type SummaryRow = (String, Vec<String>);

impl Report {
    /// Header (one column per page scenario) and rows of `median (min–max)`.
    pub fn page_summary(&self) -> Option<(Vec<String>, Vec<SummaryRow>)> {
        let pages: Vec<&Scenario> = self.scenarios.iter().filter(|s| s.id.starts_with("page-")).collect();
        if pages.is_empty() {
            return None;
        }
        let header = pages
            .iter()
            .map(|p| {
                let n = p.id.trim_start_matches("page-");
                format!("{n} widget{}", if n == "1" { "" } else { "s" })
            })
            .collect();
        let rows = PAGE_SUMMARY
            .iter()
            .map(|(id, label)| {
                let cells = pages
                    .iter()
                    .map(|p| {
                        p.metrics.iter().find(|m| m.id == *id).and_then(|m| Some((m.unit, m.summary()?))).map_or_else(
                            || "–".to_owned(),
                            |(unit, s)| format!("{} ({})", unit.format(s.median), range(unit, s.min, s.max)),
                        )
                    })
                    .collect();
                (label.to_string(), cells)
            })
            .collect();
        Some((header, rows))
    }

    pub fn to_json(&self) -> Value {
        json!({
            "generated": self.generated,
            "runs": self.runs,
            "seconds": self.seconds,
            "machine": self.machine.to_json(),
            "sizes": self.sizes.iter().map(|r| json!({
                "part": r.part, "file": r.file, "raw": r.raw, "gzip": r.gzip, "brotli": r.brotli,
            })).collect::<Vec<_>>(),
            "scenarios": self.scenarios.iter().map(Scenario::to_json).collect::<Vec<_>>(),
        })
    }

    /// The plain-text table for the terminal.
    pub fn table(&self) -> String {
        let mut t = String::new();
        let _ = writeln!(t, "\nsir-donate benchmark: {} runs per scenario, {}", self.runs, self.generated);
        let _ = writeln!(t, "\nSizes (bytes)                    {:>10} {:>10} {:>10}", "raw", "gzip", "brotli");
        for r in &self.sizes {
            let _ = writeln!(t, "  {:<30} {:>10} {:>10} {:>10}", r.part, r.raw, r.gzip, r.brotli);
        }
        let peers = self.beside_peers();
        if !peers.is_empty() {
            let _ = writeln!(t, "\nBeside every.org (its reference figures, measured 2026-11-30)");
            let _ = writeln!(t, "  {:<86} {:>10} {:>10} {:>6}", "", "every.org", "sir-donate", "ratio");
            for [label, reference, ours, ratio] in peers {
                let _ = writeln!(t, "  {label:<86} {reference:>10} {ours:>10} {ratio:>6}");
            }
        }
        if let Some((header, rows)) = self.page_summary() {
            let _ = write!(t, "\nPages, median (min–max)                       ");
            for h in &header {
                let _ = write!(t, " {h:>27}");
            }
            let _ = writeln!(t);
            for (label, cells) in rows {
                let _ = write!(t, "  {label:<44}");
                for c in cells {
                    let _ = write!(t, " {c:>27}");
                }
                let _ = writeln!(t);
            }
        }
        for sc in &self.scenarios {
            let _ = writeln!(t, "\n{} ({})", sc.title, sc.id);
            let _ = writeln!(t, "  {:<52} {:>11} {:>21} {:>21}", "", "median", "p25–p75", "min–max");
            for m in &sc.metrics {
                if let Some(s) = m.summary() {
                    let _ = writeln!(
                        t,
                        "  {:<52} {:>11} {:>21} {:>21}",
                        m.label,
                        m.unit.format(s.median),
                        range(m.unit, s.p25, s.p75),
                        range(m.unit, s.min, s.max)
                    );
                }
            }
        }
        let _ = writeln!(t, "\nMachine");
        for (k, v) in self.machine.rows() {
            let _ = writeln!(t, "  {k:<16} {v}");
        }
        let _ = writeln!(t, "\nThe benchmark took {:.0} s.", self.seconds);
        t
    }
}

/// `YYYY-MM-DD HH:MM UTC`, without a date crate (civil-from-days, H. Hinnant).
pub fn utc_now() -> String {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02} UTC", rem / 3600, rem % 3600 / 60)
}

/// `a–b` in `unit`, for the spread columns.
pub fn range(unit: Unit, a: f64, b: f64) -> String {
    match unit {
        Unit::Bytes => format!("{}–{}", bytes(a), bytes(b)),
        _ => format!("{}–{}", unit.bare(a), unit.bare(b)),
    }
}

/// `1,234,567`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
        assert!(utc_now().ends_with(" UTC"));
    }
}
