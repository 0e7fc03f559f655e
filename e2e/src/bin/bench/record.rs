//! What the benchmark page records about itself (`pkg-demo/bench.js`, in `window.__bench`): marks,
//! long tasks, ready events, the widgets' state and resource timing, read as a [`Snapshot`].

use std::time::{Duration, Instant};

use fantoccini::Client;
use serde_json::{Value, json};
use sir_e2e::Result;

use crate::scenarios::POLL;
use crate::stats::Samples;

/// `window.__bench` as JSON text, with the widgets' state now and the embed's resource entries.
const SNAPSHOT: &str = include_str!("../../../js/bench/snapshot.js");

/// The widget files and API calls a page fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Res {
    Loader,
    Glue,
    Wasm,
    /// Any request to the API (`/v1/partner/…`).
    Api,
    CreateLink,
}

/// When one fetch started and ended (resource timing, milliseconds on the page's clock).
#[derive(Debug, Clone)]
pub struct Fetch {
    pub start: f64,
    pub end: f64,
    /// The URL's path.
    pub path: String,
}

/// What `pkg-demo/bench.js` recorded (see `e2e/js/bench/snapshot.js`).
pub struct Snapshot(pub Value);

impl Snapshot {
    /// The page's own record, for the JSON.
    pub fn raw(&self) -> Value {
        let keep = ["timeOrigin", "marks", "longtasks", "shifts", "ready", "clicks", "resources"];
        Value::Object(keep.iter().map(|k| (k.to_string(), self.0[*k].clone())).collect())
    }

    pub fn opt_mark(&self, name: &str) -> Option<f64> {
        self.0["marks"][name].as_f64()
    }

    pub fn mark(&self, name: &str) -> Result<f64> {
        self.opt_mark(name).ok_or_else(|| format!("the page recorded no {name:?}: {}", self.0["marks"]).into())
    }

    pub fn resource(&self, which: Res) -> Result<Vec<Fetch>> {
        let list = self.0["resources"].as_array().ok_or("no resource entries recorded")?;
        Ok(list
            .iter()
            .filter_map(|e| {
                let name = e["name"].as_str()?;
                let path = name.split(['?', '#']).next().unwrap_or(name);
                let file = path.rsplit('/').next().unwrap_or(path);
                let hashed = |ext: &str| {
                    file.strip_prefix("sir-donate.")
                        .and_then(|f| f.strip_suffix(ext))
                        .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
                };
                let hit = match which {
                    Res::Loader => file == "sir-donate.js",
                    Res::Glue => hashed(".js"),
                    Res::Wasm => hashed(".wasm"),
                    Res::Api => path.contains("/v1/partner/"),
                    Res::CreateLink => path.ends_with("/v1/partner/donations/create-link"),
                };
                hit.then(|| Fetch {
                    start: e["start"].as_f64().unwrap_or_default(),
                    end: e["end"].as_f64().unwrap_or_default(),
                    path: url::Url::parse(name).map(|u| u.path().to_owned()).unwrap_or_default(),
                })
            })
            .collect())
    }

    /// Long tasks overlapping `from`..`to`: count, total and longest duration.
    pub fn long_tasks(&self, s: &mut Samples, from: f64, to: f64) {
        let tasks: Vec<f64> = self.0["longtasks"]
            .as_array()
            .map(|l| {
                l.iter()
                    .filter_map(|t| Some((t["start"].as_f64()?, t["duration"].as_f64()?)))
                    .filter(|&(start, d)| start < to && start + d > from)
                    .map(|(_, d)| d)
                    .collect()
            })
            .unwrap_or_default();
        s.count("long-tasks", "long tasks (> 50 ms)", tasks.len() as f64);
        // `+ 0.0`: an empty float sum is -0.0.
        s.ms("long-tasks-total", "long tasks, total", tasks.iter().sum::<f64>() + 0.0);
        s.ms("long-tasks-max", "long tasks, longest", tasks.iter().copied().fold(0.0, f64::max));
    }

    /// The cumulative layout shift: the largest session window of layout shifts not caused by
    /// input (shifts less than 1 s apart, a window at most 5 s long), as Chromium reports CLS.
    pub fn cls(&self) -> f64 {
        let shifts: Vec<(f64, f64)> = self.0["shifts"]
            .as_array()
            .map(|l| l.iter().filter_map(|e| Some((e["start"].as_f64()?, e["value"].as_f64()?))).collect())
            .unwrap_or_default();
        cls(shifts)
    }

    /// Every widget reported ready, shows an enabled button, and nothing failed.
    pub fn check_all_ready(&self, n: usize) -> Result<()> {
        let st = &self.0["state"];
        let ok = st["count"] == json!(n) && st["ready"] == json!(n) && self.0["ready"].as_u64() >= Some(n as u64);
        if !ok {
            return Err(
                format!("not all {n} widgets are interactive: state {st}, ready events {}", self.0["ready"]).into()
            );
        }
        Ok(())
    }

    pub fn failure(&self) -> Option<String> {
        let errors = self.0["errors"].as_array().map(Vec::len).unwrap_or(0);
        if errors > 0 {
            return Some(format!("the page reported errors: {}", self.0["errors"]));
        }
        if self.0["fallback"].as_u64().unwrap_or(0) > 0 {
            return Some("the loader fell back (the widget could not load)".into());
        }
        None
    }
}

/// CLS of `(start, value)` layout shifts, see [`Snapshot::cls`].
fn cls(mut shifts: Vec<(f64, f64)>) -> f64 {
    shifts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut best, mut sum, mut first, mut last) = (0.0_f64, 0.0, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for (start, value) in shifts {
        if start - last > 1000.0 || start - first > 5000.0 {
            (sum, first) = (0.0, start);
        }
        sum += value;
        last = start;
        best = best.max(sum);
    }
    best
}

/// What the page has recorded so far.
pub async fn snapshot(client: &Client) -> Result<Snapshot> {
    let text = client.execute(SNAPSHOT, vec![]).await?;
    let text = text.as_str().ok_or("the page has no window.__bench (not a benchmark page?)")?;
    Ok(Snapshot(serde_json::from_str(text)?))
}

/// Polls the page's record until it has every mark in `marks`; fails at once on an error.
pub async fn wait_marks(client: &Client, marks: &[&str], timeout: Duration) -> Result<Snapshot> {
    let started = Instant::now();
    loop {
        // The page may not have run bench.js yet right after a navigation.
        if let Ok(snap) = snapshot(client).await {
            if let Some(failure) = snap.failure() {
                return Err(failure.into());
            }
            if marks.iter().all(|m| snap.opt_mark(m).is_some()) {
                return Ok(snap);
            }
            if started.elapsed() > timeout {
                return Err(format!(
                    "waited {timeout:?} for {marks:?}; the page has {} with widgets {}",
                    snap.0["marks"], snap.0["state"]
                )
                .into());
            }
        } else if started.elapsed() > timeout {
            return Err(format!("waited {timeout:?} for the benchmark page").into());
        }
        tokio::time::sleep(POLL).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cls_takes_the_largest_session_window() {
        assert_eq!(cls(vec![]), 0.0);
        // Two shifts 0.5 s apart are one window; one 2 s later starts another.
        assert!((cls(vec![(0.0, 0.01), (500.0, 0.02), (2500.0, 0.025)]) - 0.03).abs() < 1e-12);
        // A window ends after 5 s even if shifts keep coming.
        let steady: Vec<(f64, f64)> = (0..12).map(|i| (f64::from(i) * 900.0, 0.01)).collect();
        assert!((cls(steady) - 0.06).abs() < 1e-12);
    }
}
