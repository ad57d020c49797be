//! Prints the first screen, rendered by Yew's server-side renderer, in the language given
//! (`en` or `zh`): `cargo run --example prerender --features prerender -- zh`.
//! scripts/postbuild.mjs puts both languages into dist/index.html.

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "en".into());
    let Some(lang) = rapport::engine::text::lang::Lang::parse(&arg) else {
        eprintln!("prerender: unknown language {arg:?} (en or zh)");
        std::process::exit(2);
    };
    print!("{}", rapport::ui::prerender(lang));
}
