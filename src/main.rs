//! Entry point. In the browser it mounts the Yew app; on the host there is nothing to run,
//! because Rapport has no server: build it with `trunk` (see README).

#[cfg(target_arch = "wasm32")]
fn main() {
    rapport::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Rapport is a browser app. Run ./scripts/serve.sh and open the printed URL.");
    std::process::exit(2);
}
