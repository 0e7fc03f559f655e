//! Compiles `style/widget.css` into the crate without its comments and layout whitespace: the
//! stylesheet ships inside the wasm, so every byte of it is paid on every partner page.

use std::{env, fs, path::Path};

fn main() {
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
