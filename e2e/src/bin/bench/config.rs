//! The benchmark's settings: command-line arguments, `SIR_BENCH_*` environment variables, and
//! their defaults.

use std::path::PathBuf;

use sir_e2e::{Result, workspace_root};

/// Command-line and environment settings.
#[derive(Debug)]
pub struct Config {
    /// Recorded runs of each scenario.
    pub runs: usize,
    /// The widget counts of the page scenarios.
    pub widgets: Vec<usize>,
    /// The site the sandbox serves: `pkg-demo/` and a built `dist/`.
    pub site: PathBuf,
    /// Where `bench.json` goes.
    pub out: PathBuf,
    /// The BENCH.md to rewrite.
    pub bench_md: PathBuf,
    /// Only these scenarios (see [`SCENARIOS`]); all when empty.
    pub only: Vec<String>,
}

/// The scenarios, by the names `--only` takes.
pub const SCENARIOS: [&str; 6] = ["page", "early-click", "inline", "cpu", "intent", "donate"];

impl Config {
    /// The settings from the command line, else the environment, else the defaults; checks that
    /// the site is a benchmark site.
    pub fn parse() -> Result<Config> {
        let root = workspace_root();
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let mut runs = env("SIR_BENCH_RUNS").unwrap_or_else(|| "5".into());
        let mut widgets = env("SIR_BENCH_WIDGETS").unwrap_or_else(|| "1,10,50".into());
        let mut site = env("SIR_BENCH_SITE").map(PathBuf::from).unwrap_or_else(|| root.join("target/bench/site"));
        let mut out = root.join("target/bench");
        let mut bench_md = root.join("BENCH.md");
        let mut only = env("SIR_BENCH_ONLY").unwrap_or_default();
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
            match arg.as_str() {
                "--runs" => runs = value()?,
                "--widgets" => widgets = value()?,
                "--site" => site = value()?.into(),
                "--out" => out = value()?.into(),
                "--bench-md" => bench_md = value()?.into(),
                "--only" => only = value()?,
                "-h" | "--help" => {
                    println!(
                        "usage: bench [--runs N] [--widgets 1,10,50] [--only {}] [--site DIR] [--out DIR] \
                         [--bench-md FILE]",
                        SCENARIOS.join(",")
                    );
                    std::process::exit(0);
                }
                other => return Err(format!("unknown argument {other:?} (try --help)").into()),
            }
        }
        let runs: usize = runs.parse().map_err(|_| format!("--runs: not a number: {runs:?}"))?;
        if runs == 0 {
            return Err("--runs must be at least 1".into());
        }
        let widgets = widgets
            .split(',')
            .map(|w| w.trim().parse::<usize>().ok().filter(|n| (1..=1000).contains(n)))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| format!("--widgets: a comma-separated list of counts from 1 to 1000, not {widgets:?}"))?;
        let only: Vec<String> = only.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
        if let Some(unknown) = only.iter().find(|s| !SCENARIOS.contains(&s.as_str())) {
            return Err(format!("--only: no scenario {unknown:?}; the scenarios are {}", SCENARIOS.join(", ")).into());
        }
        let has = |p: &str| site.join(p).is_file();
        let pages = ["pkg-demo/bench.html", "pkg-demo/bench-intent.html", "pkg-demo/bench-empty.html"];
        if !pages.iter().all(|p| has(p)) || !has("dist/sir-donate.js") {
            return Err(format!(
                "{} is not a benchmark site (pkg-demo/ and a built dist/): run scripts/bench.sh, which builds it",
                site.display()
            )
            .into());
        }
        Ok(Config { runs, widgets, site, out, bench_md, only })
    }

    /// Whether this run includes the scenario named `name` (one of [`SCENARIOS`]).
    pub fn runs_scenario(&self, name: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|s| s == name)
    }
}
