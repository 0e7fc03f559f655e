//! File sizes, the machine, and the report: a table on stdout, JSON, and `BENCH.md`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};
use sir_e2e::Result;

use crate::stats::{Scenario, Unit, bytes};

/// One file of the embed: bytes raw, `gzip -9` and `brotli -q 11`.
#[derive(Debug, Clone)]
pub struct SizeRow {
    pub part: &'static str,
    pub file: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// Sizes of the loader, glue and wasm in `dist`, and of the widget's CSS (compiled into the wasm).
pub fn sizes(dist: &Path, css: &Path) -> Result<Vec<SizeRow>> {
    let mut glue = None;
    let mut wasm = None;
    for entry in std::fs::read_dir(dist)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with("sir-donate.") && name != "sir-donate.js" {
            if name.ends_with(".js") {
                glue = Some(name);
            } else if name.ends_with(".wasm") {
                wasm = Some(name);
            }
        }
    }
    let glue = glue.ok_or_else(|| format!("no glue sir-donate.<hash>.js in {}", dist.display()))?;
    let wasm = wasm.ok_or_else(|| format!("no sir-donate.<hash>.wasm in {}", dist.display()))?;
    let row = |part: &'static str, path: &Path, file: String| -> Result<SizeRow> {
        let raw = std::fs::metadata(path)?.len();
        Ok(SizeRow {
            part,
            file,
            raw,
            gzip: compressed(path, "gzip", &["-9", "-c"])?,
            brotli: compressed(path, "brotli", &["-q", "11", "-c"])?,
        })
    };
    Ok(vec![
        row("loader", &dist.join("sir-donate.js"), "dist/sir-donate.js".into())?,
        row("glue", &dist.join(&glue), format!("dist/{glue}"))?,
        row("wasm", &dist.join(&wasm), format!("dist/{wasm}"))?,
        row("CSS (inside the wasm)", css, "style/widget.css, minified by build.rs".into())?,
    ])
}

/// Size of `path` compressed by `tool` (as scripts/build-dist.sh measures).
fn compressed(path: &Path, tool: &str, args: &[&str]) -> Result<u64> {
    let out = Command::new(tool)
        .args(args)
        .arg(path)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {tool} (install it with scripts/setup.sh): {e}"))?;
    if !out.status.success() {
        return Err(format!("{tool} failed on {}: {}", path.display(), out.status).into());
    }
    Ok(out.stdout.len() as u64)
}

/// What the numbers were measured on.
#[derive(Debug, Clone, Default)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub ram_bytes: u64,
    pub os: String,
    pub chromium: Option<String>,
    pub rustc: String,
}

impl Machine {
    pub fn probe() -> Machine {
        let read = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
        let cpuinfo = read("/proc/cpuinfo");
        let cpu = cpuinfo
            .lines()
            .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')).map(|(_, v)| v.trim()))
            .unwrap_or("unknown")
            .to_owned();
        let ram_bytes = read("/proc/meminfo")
            .lines()
            .find_map(|l| l.strip_prefix("MemTotal:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map_or(0, |kb| kb * 1024);
        let pretty = read("/etc/os-release")
            .lines()
            .find_map(|l| l.strip_prefix("PRETTY_NAME=").map(|v| v.trim_matches('"').to_owned()))
            .unwrap_or_else(|| std::env::consts::OS.to_owned());
        let kernel = output("uname", &["-sr"]);
        let os = if kernel.is_empty() { pretty } else { format!("{pretty} ({kernel})") };
        Machine {
            cpu,
            cores: std::thread::available_parallelism().map_or(0, |n| n.get()),
            ram_bytes,
            os,
            chromium: None,
            rustc: output("rustc", &["--version"]),
        }
    }

    fn to_json(&self) -> Value {
        json!({
            "cpu": self.cpu,
            "cores": self.cores,
            "ramBytes": self.ram_bytes,
            "os": self.os,
            "chromium": self.chromium,
            "rustc": self.rustc,
        })
    }

    fn rows(&self) -> Vec<(&'static str, String)> {
        vec![
            ("CPU", self.cpu.clone()),
            ("Cores (logical)", self.cores.to_string()),
            ("RAM", format!("{:.1} GiB", self.ram_bytes as f64 / (1u64 << 30) as f64)),
            ("OS", self.os.clone()),
            ("Chromium", self.chromium.as_ref().map_or_else(|| "?".into(), |v| format!("{v} (headless)"))),
            ("rustc", self.rustc.clone()),
        ]
    }
}

fn output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
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

/// How each number is taken, for BENCH.md.
const METHOD: &str = "\
- **Runs.** Every run of every scenario opens a fresh headless Chromium (new profile, HTTP cache \
disabled through the DevTools protocol) against a freshly reset in-process sir-sandbox, on loopback: \
cold loads with no network latency, so the times are the widget's own cost (download on loopback, \
compile, run). Scenarios alternate within each run; one unrecorded warm-up run comes first. The \
tables give the median over the runs, the interquartile range (p25–p75) and the extremes (min–max).
- **Clock.** The page measures itself (`pkg-demo/bench.js`, included right before the loader's \
script tag): `performance.now()` at that point is *t0* for the page scenarios. Times across the \
navigation to checkout add each document's `performance.timeOrigin`.
- **Placeholders painted / widgets rendered / interactive.** A `requestAnimationFrame` watcher looks \
at every `<sir-donate>` each frame: the first frame in which all of them show the loader's \
placeholder (or already the widget), all hold the widget's `button.sir-button`, and all of those \
buttons are ready (enabled and not `aria-busy`, i.e. config and nonprofit loaded); the time is taken \
just after that frame was rendered (a task posted from the frame callback). The `sir-donate:ready` \
events are counted as a cross-check.
- **Fetched** is the resource-timing `responseEnd` of the file. **Compiled and instantiated** is when \
the glue's `WebAssembly.instantiateStreaming` call resolved (wrapped by the page, not changed).
- **Intent** is a real pointer move (WebDriver) onto the placeholder of `bench-intent.html`, whose \
loader has `data-load=\"intent\"`; before it the benchmark checks that nothing of the widget was \
fetched and no API request made. Times run from the `pointerover` event's timestamp.
- **Donor flow.** Real WebDriver clicks and typing. *Dialog visible*: from the click event to the \
first rendered frame with the dialog open and laid out. *create-link sent*: from the submit click to \
the `fetch` start in resource timing (the CORS preflight is inside the request's duration). \
*Navigation started*: the Navigation API's `navigate` event. The checkout page's own navigation \
timing gives the rest. The sandbox's request log must show exactly one `create-link` with the typed \
details, and the checkout page its \"Complete donation\" button.
- **Long tasks** are `longtask` performance entries (over 50 ms) overlapping the scenario: page load \
to all interactive, intent to interactive, click on Donate to the navigation.
- **Memory** is taken after two forced garbage collections (DevTools `HeapProfiler.collectGarbage`): \
JS heap used, DOM nodes and JS event listeners from `Performance.getMetrics`, and the wasm module's \
linear memory (`memory.buffer.byteLength`, read through the glue module the loader initialised). \
Removing widgets removes every `<sir-donate>`; the loader unmounts and frees each. WebAssembly memory \
never shrinks, so it stays at its high-water mark after removal. The page scenarios then mount and \
remove all widgets twice more: the second cycle still warms up (compiled code, caches), so a leak \
shows as growth from the second cycle to the third. Nodes and listeners should return to the page's \
own; a few kB of JS heap per cycle are resource-timing entries (the logos are fetched again) and \
engine noise.
- **Sizes** are of the release `dist/` files (`gzip -9`, `brotli -q 11`), as a CDN would serve them \
compressed. The widget's CSS is compiled into the wasm and counted there too.";

/// The page scenarios side by side: (metric id, label).
const PAGE_SUMMARY: &[(&str, &str)] = &[
    ("placeholders", "all placeholders painted (from t0)"),
    ("interactive", "all widgets interactive (from t0)"),
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
    ("wasm-removed", "wasm memory after removing all"),
    ("js-heap-growth", "JS heap growth, 3rd mount + remove cycle over 2nd"),
    ("wasm-growth", "wasm memory growth, 3rd cycle over 2nd"),
];

/// A label and one cell per page scenario.
type SummaryRow = (String, Vec<String>);

impl Report {
    /// Header (one column per page scenario) and rows of `median (min–max)`.
    fn page_summary(&self) -> Option<(Vec<String>, Vec<SummaryRow>)> {
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

    /// BENCH.md: the latest table, the machine, and how to reproduce.
    pub fn markdown(&self) -> String {
        let mut m = String::new();
        let _ = writeln!(m, "# Benchmark\n");
        let _ = writeln!(
            m,
            "The release script-tag embed (`dist/`) in headless Chromium, on loopback against the local \
             sir-sandbox. Generated by `scripts/bench.sh` on {}: {} runs per scenario, median with the \
             spread p25–p75 and min–max. The numbers are for comparing builds on one machine, not a \
             promise about visitors' devices or networks.\n",
            self.generated, self.runs
        );
        let _ = writeln!(m, "## Reproduce\n");
        let _ = writeln!(
            m,
            "```bash\nscripts/bench.sh              # setup, release build of dist/, then the measurement\n\
             scripts/bench.sh --runs 10    # more runs (or SIR_BENCH_RUNS=10)\n\
             scripts/bench.sh --widgets 1,10,100,500\n```\n"
        );
        let _ = writeln!(
            m,
            "It installs what it needs (`scripts/setup.sh`), builds `dist/` (`scripts/build-dist.sh`), \
             serves `pkg-demo/` and `dist/` from `target/bench/site/`, prints the tables, writes every \
             sample to `target/bench/bench.json` and rewrites this file. It fails only if something does \
             not work (a widget never becomes interactive, a request is missing); timings never fail it. \
             This run took {:.0} s after the build.\n",
            self.seconds
        );
        let _ = writeln!(m, "## Machine\n\n| | |\n|---|---|");
        for (k, v) in self.machine.rows() {
            let _ = writeln!(m, "| {k} | {v} |");
        }
        let _ = writeln!(m, "\n## Sizes\n\n| Part | File | Raw | gzip -9 | brotli -q 11 |\n|---|---|---:|---:|---:|");
        for r in &self.sizes {
            let _ = writeln!(
                m,
                "| {} | `{}` | {} | {} | {} |",
                r.part,
                r.file,
                thousands(r.raw),
                thousands(r.gzip),
                thousands(r.brotli)
            );
        }
        let total = |f: fn(&SizeRow) -> u64| self.sizes.iter().filter(|r| !r.part.starts_with("CSS")).map(f).sum();
        let _ = writeln!(
            m,
            "| **Total on the wire** | loader + glue + wasm | {} | {} | {} |",
            thousands(total(|r| r.raw)),
            thousands(total(|r| r.gzip)),
            thousands(total(|r| r.brotli))
        );
        if let Some((header, rows)) = self.page_summary() {
            let _ = writeln!(
                m,
                "\n## Pages with {} widgets\n",
                header.iter().map(|h| h.split(' ').next().unwrap_or_default()).collect::<Vec<_>>().join(", ")
            );
            let _ = writeln!(m, "Median (min–max) over the runs; details of each in the sections below.\n");
            let _ = writeln!(m, "| | {} |", header.join(" | "));
            let _ = writeln!(m, "|---|{}", "---:|".repeat(header.len()));
            for (label, cells) in rows {
                let _ = writeln!(m, "| {label} | {} |", cells.join(" | "));
            }
        }
        for sc in &self.scenarios {
            let _ = writeln!(m, "\n## {}\n\n{}.\n", sc.title, sc.what);
            let _ = writeln!(m, "| Metric | Median | p25–p75 | min–max |\n|---|---:|---:|---:|");
            for metric in &sc.metrics {
                if let Some(s) = metric.summary() {
                    let _ = writeln!(
                        m,
                        "| {} | {} | {} | {} |",
                        metric.label.replace('|', "\\|"),
                        metric.unit.format(s.median),
                        range(metric.unit, s.p25, s.p75),
                        range(metric.unit, s.min, s.max)
                    );
                }
            }
        }
        let _ = writeln!(m, "\n## How it measures\n\n{METHOD}");
        m
    }
}

fn range(unit: Unit, a: f64, b: f64) -> String {
    match unit {
        Unit::Bytes => format!("{}–{}", bytes(a), bytes(b)),
        _ => format!("{}–{}", unit.bare(a), unit.bare(b)),
    }
}

fn thousands(n: u64) -> String {
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
