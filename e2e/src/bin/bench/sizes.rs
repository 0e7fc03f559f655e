//! The sizes of the embed's files: raw, `gzip -9` and `brotli -q 11`, as a CDN would serve them.

use std::path::Path;
use std::process::{Command, Stdio};

use sir_e2e::Result;

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
