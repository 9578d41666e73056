//! Bundles the checkout's stylesheet for Rust users (`paykka_checkout::STYLESHEET`): the theme's
//! custom properties (`style/theme.css`), then every CSS module of `src/` with its class names
//! scoped exactly as `stylance::import_crate_style!` scopes them in the code, in the order
//! stylance-cli bundles them (the SDK's `paykka-checkout.css` is the same text, minified). Needs
//! nothing but cargo: stylance-core is the library both stylance's macro and its CLI use.

use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=style/theme.css");
    println!("cargo:rerun-if-changed=src");

    let config = stylance_core::Config::load(manifest_dir.clone())
        .unwrap_or_else(|e| panic!("stylance configuration in Cargo.toml: {e}"));
    let mut modules = Vec::new();
    for folder in &config.folders {
        collect(folder, &config.extensions, &mut modules);
    }
    let mut modified: Vec<_> = modules
        .iter()
        .map(|path| {
            stylance_core::load_and_modify_css(path, &config)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect();
    // stylance-cli's order: by file name, then by path.
    modified.sort_by(|a, b| {
        (a.path.file_name(), &a.relative_path).cmp(&(b.path.file_name(), &b.relative_path))
    });
    let theme = std::fs::read_to_string(manifest_dir.join("style/theme.css"))
        .unwrap_or_else(|e| panic!("style/theme.css: {e}"));
    let modules: Vec<&str> = modified.iter().map(|m| m.contents.as_str()).collect();
    let bundle = format!("{theme}{}", modules.join("\n\n"));
    std::fs::write(out_dir.join("paykka-checkout.css"), bundle)
        .unwrap_or_else(|e| panic!("writing the stylesheet: {e}"));
}

/// Every file under `dir` whose name ends with one of `extensions`.
fn collect(dir: &Path, extensions: &[String], found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, extensions, found);
        } else if extensions
            .iter()
            .any(|ext| path.to_string_lossy().ends_with(ext.as_str()))
        {
            found.push(path);
        }
    }
}
