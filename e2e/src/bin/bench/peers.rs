//! The widget beside every.org's donate button, the peer issue 17 measured: every.org's figures
//! are reference values taken once on this kind of machine (2026-11-30: every.org donate button
//! 0.4 `button.js` and our release dist on the same host page, headless Chromium, loopback,
//! brotli, 5 runs alternating; every.org's servers replaced by a local stub and its Stripe.js and
//! font requests failing, so its figures are a lower bound). Its code is not part of this
//! repository; only the figures are cited. Ours are this run's medians.

use std::fmt::Write as _;

use crate::report::Report;
use crate::stats::Unit;

/// One figure: what it is, every.org's reference value (`None`: not measured for it), and where
/// ours comes from (scenario id, metric id).
pub struct Figure {
    pub label: &'static str,
    pub every_org: Option<f64>,
    pub unit: Unit,
    pub ours: (&'static str, &'static str),
}

const fn figure(label: &'static str, every_org: Option<f64>, unit: Unit, ours: (&'static str, &'static str)) -> Figure {
    Figure { label, every_org, unit, ours }
}

/// The figures, in the order. Lower is better for each.
pub const FIGURES: &[Figure] = &[
    figure(
        "Fast 3G, donor clicks 300 ms after the button paints: donation form visible, from t0",
        Some(1249.0),
        Unit::Ms,
        ("early-click", "form"),
    ),
    figure("button usable, from t0, unthrottled (1 widget)", Some(40.7), Unit::Ms, ("page-1", "interactive")),
    figure(
        "JS heap + wasm memory above an empty page, 1 widget",
        Some(416_000.0),
        Unit::Bytes,
        ("page-1", "memory-above-empty"),
    ),
    figure(
        "JS heap + wasm memory above an empty page, 50 widgets",
        Some(605_000.0),
        Unit::Bytes,
        ("page-50", "memory-above-empty"),
    ),
    figure("JS event listeners on the page, 50 widgets", Some(55.0), Unit::Count, ("page-50", "listeners-mounted")),
    figure("layout shift (CLS), 1 widget", None, Unit::Score, ("page-1", "cls")),
    figure("layout shift (CLS), 10 widgets", Some(0.0001), Unit::Score, ("page-10", "cls")),
    figure("layout shift (CLS), 50 widgets", Some(0.014), Unit::Score, ("page-50", "cls")),
    figure("layout shift (CLS), inline form", None, Unit::Score, ("inline", "cls")),
    figure("main-thread task time above an empty page, 4× CPU, 1 widget", Some(133.0), Unit::Ms, ("cpu", "tasks")),
    figure(
        "requests before the form, Fast 3G early click (preflights included)",
        None,
        Unit::Count,
        ("early-click", "requests"),
    ),
    figure(
        "round trips in sequence before the form, Fast 3G early click",
        None,
        Unit::Count,
        ("early-click", "round-trips"),
    ),
    figure("requests until interactive, 1 widget (preflights included)", None, Unit::Count, ("page-1", "requests")),
    figure("round trips in sequence until interactive, 1 widget", None, Unit::Count, ("page-1", "round-trips")),
];

impl Report {
    /// Rows of (label, every.org's reference, ours, ours / every.org's) for the figures this run
    /// measured.
    pub fn beside_peers(&self) -> Vec<[String; 4]> {
        FIGURES
            .iter()
            .filter_map(|f| {
                let (scenario, metric) = f.ours;
                let m = self.scenarios.iter().find(|s| s.id == scenario)?.metrics.iter().find(|m| m.id == metric)?;
                let ours = m.summary()?.median;
                let reference = f.every_org.map_or_else(|| "–".to_owned(), |v| f.unit.format(v));
                let ratio = match f.every_org {
                    Some(v) if v > 0.0 => format!("{:.2}", ours / v),
                    _ => "–".to_owned(),
                };
                Some([f.label.to_owned(), reference, f.unit.format(ours), ratio])
            })
            .collect()
    }

    /// The same as a Markdown table.
    pub fn peers_markdown(&self) -> String {
        let mut m = String::new();
        let _ = writeln!(m, "| Figure | every.org (reference, 2026-11-30) | sir-donate (median) | ratio |");
        let _ = writeln!(m, "|---|---:|---:|---:|");
        for [label, reference, ours, ratio] in self.beside_peers() {
            let _ = writeln!(m, "| {label} | {reference} | {ours} | {ratio} |");
        }
        m
    }
}
