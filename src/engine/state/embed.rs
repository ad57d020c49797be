//! Embedding in another site's iframe: URL parameters, the messages sent to the host page and
//! the commands accepted from it. Results go only to the parent origin the host names
//! (`parent=`), never to `*`; commands are accepted only from that origin.

use serde::Serialize;

use crate::engine::scoring::Summary;
use crate::engine::storage::json::Json;
use crate::engine::text::lang::Lang;

/// Protocol version carried in every message, so hosts can detect changes.
pub const PROTOCOL: u32 = 1;

/// Colour scheme requested by the host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Follow the visitor's system setting.
    Auto,
}

impl Theme {
    /// The `data-theme` value.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// A host-chosen accent colour, adjusted so white text on it (and it as text on white) keeps a
/// contrast ratio of at least 4.5:1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accent {
    /// `#rrggbb`.
    pub color: String,
}

/// What the URL asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedConfig {
    pub lang: Option<Lang>,
    pub theme: Theme,
    pub accent: Option<Accent>,
    /// `embed=1`: compact chrome without the site header and footer.
    pub compact: bool,
    /// The host page's origin (`scheme://host[:port]`); no messages are sent without it.
    pub parent_origin: Option<String>,
}

/// Decodes `%XX` escapes and `+` in a query component; invalid escapes are kept as text.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let escaped = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match escaped {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `#rgb`, `#rrggbb` or the same without `#` → `(r, g, b)`.
fn parse_hex_color(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.trim().trim_start_matches('#');
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |h: &str| u8::from_str_radix(h, 16).ok();
    match hex.len() {
        3 => {
            let c: Vec<u8> = hex
                .chars()
                .filter_map(|c| channel(&format!("{c}{c}")))
                .collect();
            Some((c[0], c[1], c[2]))
        }
        6 => Some((
            channel(&hex[0..2])?,
            channel(&hex[2..4])?,
            channel(&hex[4..6])?,
        )),
        _ => None,
    }
}

/// `x^2.4` for `x` in `(0, 1]`, as `x² · ⁵√(x²)` with Newton's method: `f64::powf` would add
/// libm's `pow` (2 KB) to the first load for this one use.
fn pow_2_4(x: f64) -> f64 {
    let a = x * x;
    // From 1, above the root, Newton's steps for y⁵ = a fall monotonically onto it.
    let mut y = 1.0_f64;
    for _ in 0..64 {
        let next = (4.0 * y + a / (y * y * y * y)) / 5.0;
        if next >= y {
            break;
        }
        y = next;
    }
    a * y
}

fn relative_luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            pow_2_4((c + 0.055) / 1.055)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG contrast ratio of a colour against white.
pub fn contrast_with_white(rgb: (u8, u8, u8)) -> f64 {
    1.05 / (relative_luminance(rgb) + 0.05)
}

impl Accent {
    /// Parses a colour and darkens it just enough for 4.5:1 against white.
    pub fn parse(s: &str) -> Option<Accent> {
        let (mut r, mut g, mut b) = parse_hex_color(s)?;
        while contrast_with_white((r, g, b)) < 4.5 {
            let darker = |c: u8| u8::try_from(u16::from(c) * 23 / 25).unwrap_or(c);
            (r, g, b) = (darker(r), darker(g), darker(b));
        }
        Some(Accent {
            color: format!("#{r:02x}{g:02x}{b:02x}"),
        })
    }
}

/// Validates an origin: `http(s)://host[:port]`, nothing after it but an optional `/`.
pub fn parse_origin(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches('/');
    let (scheme, rest) = s.split_once("://")?;
    if !matches!(scheme, "http" | "https") || rest.is_empty() {
        return None;
    }
    let ok = rest
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    ok.then(|| format!("{scheme}://{}", rest.to_ascii_lowercase()))
}

impl EmbedConfig {
    /// Reads `location.search` (with or without `?`). Unknown or invalid values are ignored.
    pub fn from_query(query: &str) -> EmbedConfig {
        let mut config = EmbedConfig::default();
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "lang" => config.lang = Lang::parse(&value),
                "theme" => {
                    config.theme = match value.as_str() {
                        "dark" => Theme::Dark,
                        "auto" => Theme::Auto,
                        _ => Theme::Light,
                    }
                }
                "accent" => config.accent = Accent::parse(&value),
                "embed" => config.compact = value == "1" || value == "true",
                "parent" => config.parent_origin = parse_origin(&value),
                _ => {}
            }
        }
        config
    }
}

/// The envelope of every message. Typed structs, not `serde_json::Value`: the browser build then
/// needs no generic JSON tree, which keeps the wasm smaller.
#[derive(Serialize)]
struct Message<'a, T: Serialize> {
    source: &'static str,
    version: u32,
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(flatten)]
    fields: T,
}

fn message<T: Serialize>(kind: &str, fields: T) -> String {
    serde_json::to_string(&Message {
        source: "rapport",
        version: PROTOCOL,
        kind,
        fields,
    })
    .unwrap_or_default()
}

#[derive(Serialize)]
struct Ready {
    lang: &'static str,
}

#[derive(Serialize)]
struct Resize {
    height: u32,
}

/// The `completed` payload: the headline figures, the same fields as the results root's `data-*`
/// attributes, as ids and integers (`null` where there are not enough answers). No names, notes
/// or answers are sent.
#[derive(Serialize)]
struct Completed<'a> {
    results: &'a Summary,
}

/// Sent once the app has rendered.
pub fn ready_message(lang: Lang) -> String {
    message("ready", Ready { lang: lang.id() })
}

/// Sent whenever the content height changes, so the host can size the iframe.
pub fn resize_message(height: u32) -> String {
    message("resize", Resize { height })
}

/// Sent when an assessment is completed.
pub fn completed_message(summary: &Summary) -> String {
    message("completed", Completed { results: summary })
}

/// The `response` payload: what a respondent sends back, as the code the inviter pastes (the
/// same text as the response link's payload), with the invitation it answers.
#[derive(Serialize)]
struct ResponseSent<'a> {
    invitation: &'a str,
    kind: &'static str,
    code: &'a str,
}

/// Sent when a respondent finishes an invitation's questionnaire in an embedded page.
pub fn response_message(invitation: &str, kind: &'static str, code: &str) -> String {
    message(
        "response",
        ResponseSent {
            invitation,
            kind,
            code,
        },
    )
}

/// A command from the host page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    SetLang(Lang),
}

/// Whether a message from `origin` may be read at all: only the configured parent's are.
pub fn accepts(config: &EmbedConfig, origin: &str) -> bool {
    config.parent_origin.as_deref() == Some(origin)
}

/// Accepts a message (parsed by the platform: the browser's parser, so the first load needs no
/// decoder of its own) only from the configured parent origin and only in a known shape.
pub fn parse_command(config: &EmbedConfig, origin: &str, data: &Json) -> Option<Command> {
    if !accepts(config, origin) {
        return None;
    }
    match data.get("type")?.as_str()? {
        "set-lang" => Lang::parse(data.get("lang")?.as_str()?).map(Command::SetLang),
        _ => None,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_gamma_curve_matches_powf_on_every_channel_value() {
        for c in 11_u8..=255 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            let exact = x.powf(2.4);
            assert!((super::pow_2_4(x) - exact).abs() < 1e-12, "channel {c}");
        }
    }
    use super::*;
    use crate::engine::model::answers::Answers;
    use crate::engine::model::bank::bank;
    use crate::engine::scoring::score;
    use crate::engine::storage::json::parse;
    use serde_json::Value;

    #[test]
    fn query_parameters_are_read_and_validated() {
        let c = EmbedConfig::from_query("?lang=zh-CN&theme=dark&accent=%23ff8800&embed=1&parent=https%3A%2F%2FConsultant.example%2F");
        assert_eq!(c.lang, Some(Lang::Zh));
        assert_eq!(c.theme, Theme::Dark);
        assert!(c.compact);
        assert_eq!(
            c.parent_origin.as_deref(),
            Some("https://consultant.example")
        );
        let accent = c.accent.unwrap();
        let rgb = parse_hex_color(&accent.color).unwrap();
        assert!(contrast_with_white(rgb) >= 4.5, "{}", accent.color);

        let none = EmbedConfig::from_query("");
        assert_eq!(none, EmbedConfig::default());
        let bad = EmbedConfig::from_query("lang=fr&theme=neon&accent=red&embed=yes&parent=*");
        assert_eq!(bad, EmbedConfig::default());
    }

    #[test]
    fn only_real_origins_are_accepted_as_parent() {
        assert_eq!(
            parse_origin("http://127.0.0.1:4176").as_deref(),
            Some("http://127.0.0.1:4176")
        );
        for bad in [
            "*",
            "null",
            "javascript:alert(1)",
            "https://a.example/path",
            "ftp://a.example",
            "https://",
            "https://a b",
        ] {
            assert_eq!(parse_origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn dark_accents_are_kept_and_light_ones_darkened() {
        assert_eq!(Accent::parse("#1d4f91").unwrap().color, "#1d4f91");
        assert_eq!(Accent::parse("036").unwrap().color, "#003366");
        let yellow = Accent::parse("#ffff00").unwrap();
        assert_ne!(yellow.color, "#ffff00");
        assert!(contrast_with_white(parse_hex_color(&yellow.color).unwrap()) >= 4.5);
    }

    #[test]
    fn commands_are_accepted_only_from_the_parent() {
        let c = EmbedConfig::from_query("parent=https://host.example");
        let cmd = r#"{"type":"set-lang","lang":"zh"}"#;
        assert_eq!(
            parse_command(&c, "https://host.example", &parse(cmd).unwrap()),
            Some(Command::SetLang(Lang::Zh))
        );
        assert_eq!(
            parse_command(&c, "https://evil.example", &parse(cmd).unwrap()),
            None
        );
        assert_eq!(
            parse_command(
                &EmbedConfig::default(),
                "https://host.example",
                &parse(cmd).unwrap()
            ),
            None
        );
        assert_eq!(
            parse_command(
                &c,
                "https://host.example",
                &parse(r#"{"type":"delete-all"}"#).unwrap()
            ),
            None
        );
        assert_eq!(
            parse_command(&c, "https://host.example", &parse(r#""set-lang""#).unwrap()),
            None
        );
        assert_eq!(
            parse_command(
                &c,
                "https://host.example",
                &parse(r#"{"type":"set-lang","lang":7}"#).unwrap()
            ),
            None
        );
        assert!(accepts(&c, "https://host.example") && !accepts(&c, "https://evil.example"));
    }

    #[test]
    fn messages_carry_type_version_and_results() {
        let summary = score(bank(), &Answers::new()).summary();
        let msg: Value = serde_json::from_str(&completed_message(&summary)).unwrap();
        assert_eq!(msg["source"], "rapport");
        assert_eq!(msg["type"], "completed");
        assert_eq!(msg["version"], PROTOCOL);
        assert_eq!(msg["results"]["level"], "supplier");
        assert_eq!(msg["results"]["bottleneck"], "none");
        assert!(msg["results"]["satisfaction"].is_null());
        let ready: Value = serde_json::from_str(&ready_message(Lang::Zh)).unwrap();
        assert_eq!(ready["lang"], "zh");
        let resize: Value = serde_json::from_str(&resize_message(640)).unwrap();
        assert_eq!(resize["height"], 640);
        let response: Value =
            serde_json::from_str(&response_message("inv-1", "customer", "UgE")).unwrap();
        assert_eq!(response["type"], "response");
        assert_eq!(
            (
                &response["invitation"],
                &response["kind"],
                &response["code"]
            ),
            (
                &Value::from("inv-1"),
                &Value::from("customer"),
                &Value::from("UgE")
            )
        );
    }

    #[test]
    fn percent_decoding_handles_edges() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%E4%B8%AD"), "中");
    }
}
