//! What the numbers were measured on: CPU, cores, RAM, OS, Chromium and rustc.

use std::process::{Command, Stdio};

use serde_json::{Value, json};

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
    /// This machine, as its CPU, memory and OS report it (the browser version comes later).
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

    pub fn to_json(&self) -> Value {
        json!({
            "cpu": self.cpu,
            "cores": self.cores,
            "ramBytes": self.ram_bytes,
            "os": self.os,
            "chromium": self.chromium,
            "rustc": self.rustc,
        })
    }

    /// `(label, value)` for the tables.
    pub fn rows(&self) -> Vec<(&'static str, String)> {
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

/// What `program args` prints, trimmed; empty if it cannot run or fails.
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
