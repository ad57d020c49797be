//! The pinned tool versions must agree, or trunk (offline) refuses to build on a clean machine.

use std::fs;

fn read(path: &str) -> String {
    fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn locked_version(lock: &str, package: &str) -> Option<String> {
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{package}\"") {
            return lines
                .next()?
                .strip_prefix("version = \"")?
                .strip_suffix('"')
                .map(str::to_owned);
        }
    }
    None
}

fn toml_value(toml: &str, key: &str) -> Option<String> {
    toml.lines().find_map(|l| {
        l.trim()
            .strip_prefix(key)?
            .trim_start()
            .strip_prefix('=')
            .map(|v| v.trim().trim_matches('"').to_owned())
    })
}

#[test]
fn trunk_wasm_bindgen_matches_cargo_lock_and_manifest_pin() {
    let locked =
        locked_version(&read("Cargo.lock"), "wasm-bindgen").expect("wasm-bindgen in Cargo.lock");
    assert_eq!(
        toml_value(&read("Trunk.toml"), "wasm_bindgen").as_deref(),
        Some(locked.as_str())
    );
    assert!(
        read("Cargo.toml").contains(&format!("wasm-bindgen = \"={locked}\"")),
        "Cargo.toml must pin ={locked}"
    );
}

#[test]
fn trunk_wasm_opt_matches_the_installed_binaryen() {
    let wanted = toml_value(&read("scripts/env.sh"), "WASM_OPT_VERSION")
        .expect("WASM_OPT_VERSION in env.sh");
    assert_eq!(
        toml_value(&read("Trunk.toml"), "wasm_opt"),
        Some(format!("version_{wanted}"))
    );
}
