//! Compiles `style/widget.css` into the crate without its comments and layout whitespace: the
//! stylesheet ships inside the wasm, so every byte of it is paid on every partner page. And sizes
//! the wasm's shadow stack (`STACK_SIZE`).

use std::{env, fs, path::Path};

/// The wasm shadow stack's size in bytes, for every wasm32 build this crate links (the cdylib of
/// the dist, `pkg/` and wasm-pack, the Trunk demo, the browser tests). rustc's default, 1 MiB,
/// was 16 of the widget's 18 pages of linear memory. Optimised builds reach 3.1 KiB (the dist)
/// and 4.4 KiB (the browser tests built with `--release`, their own code included; ARCHITECTURE.md,
/// "Memory"), so 20 KiB is more than 4 times that, and the statics after it still fit in the
/// first 64 KiB page. rustc links the stack first, at address 0, so an overflow traps instead of
/// overwriting the statics and the heap above it.
const STACK_SIZE: u32 = 20 * 1024;
/// Unoptimised builds (the browser tests, `cargo build`) keep every local in its own stack slot
/// and reach 17.5 KiB, the tests' own code included: 128 KiB is more than 4 times that too.
const UNOPTIMISED_STACK_SIZE: u32 = 128 * 1024;

fn main() {
    let var = |name: &str| env::var(name).unwrap_or_default();
    let stack = if var("OPT_LEVEL") == "0" { UNOPTIMISED_STACK_SIZE } else { STACK_SIZE };
    // A wasm-ld option, after rustc's default on the command line, so it wins. Applies to what
    // this package links; a Rust app that embeds the component links its own binary and keeps
    // its own stack size. Emscripten links with emcc, whose options differ.
    if var("CARGO_CFG_TARGET_ARCH") == "wasm32" && var("CARGO_CFG_TARGET_OS") != "emscripten" {
        println!("cargo::rustc-link-arg=-zstack-size={stack}");
    }
    // For the browser test that checks the layout the linker made (tests/widget/stack.rs).
    println!("cargo::rustc-env=SIR_STACK_SIZE={stack}");

    let source = "style/widget.css";
    println!("cargo::rerun-if-changed={source}");
    let css = fs::read_to_string(source).expect("style/widget.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("widget.min.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}

/// Drops comments, collapses whitespace and removes it around `{ } ; , >`. Conservative on
/// purpose: a space before `:` may be a descendant combinator (`a :focus`) and spaces inside
/// `calc()` matter, so they stay. The stylesheet's few strings (font names, `content`) hold no
/// runs of whitespace and none of those characters, so they come through unchanged.
fn minify(css: &str) -> String {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start + 2..].find("*/").map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    text.push_str(rest);
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(collapsed.len());
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',' | '>');
    let chars: Vec<char> = collapsed.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            if before.is_some_and(tight) || after.is_some_and(tight) {
                continue;
            }
        }
        out.push(c);
    }
    out.replace(";}", "}")
}
