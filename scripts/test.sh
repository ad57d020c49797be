#!/usr/bin/env bash
# Installs what is missing, then runs every test: host unit and property tests of the core,
# the release build and its size report, and the end-to-end tests in headless Chromium.
# Exits non-zero if anything fails.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$RAPPORT_ROOT/scripts/setup.sh" --test
cd "$RAPPORT_ROOT"

step "Formatting and lints (rustfmt; clippy on the host and for wasm32, warnings denied)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown -- -D warnings
# The release build's split point (src/ui/lazy.rs), compiled only with the `split` feature.
cargo clippy --locked --target wasm32-unknown-unknown --features split -- -D warnings
# The shell compiled on the host, as the build-time render of the first screen compiles it.
cargo clippy --locked --features prerender --all-targets -- -D warnings

step "Host tests of the core (cargo test)"
cargo test --locked

step "Node tests: the team database's design document, the CSP, the glue slimming (node --test)"
node --test tests/sync/ tests/build/

step "Scoring and sync benchmarks (figures, not pass/fail tests)"
cargo bench --locked --bench scoring
cargo bench --locked --bench sync

"$RAPPORT_ROOT/scripts/build.sh"
node scripts/single-file.mjs dist dist-single/rapport.html

step "Size report"
# The budget is a ceiling against regressions, set from measurement: 240.8 KB on 2026-11-24 with
# the account page, comparison, portfolio and share link in (they cost ~45 KB; tree maps, sort
# copies, Unicode case tables, stateless components and the embedded labels were then removed for
# ~39 KB), plus ~2% headroom. The product target is 150 KB and is NOT met: the report prints the
# gap on every run; the screens' html! view code is where it must come from (README, "Measured").
# Raised to 254 KB on 2026-12-02 (measured 251.8): the assessment model v2 adds ~9 KB gzip of
# rules, borderline probe and results blocks that sit in the one wasm until issue 14 splits the
# first load; ~5 KB of results and rules prose moved to the on-demand labels at the same time.
# Raised to 258 KB the same day (measured 255.5): hostile-input checks (share links with an
# integrity check and the reason they fail, byte-level import with the place of bad UTF-8, the
# storage-space preview, a bounded once-only quarantine) add ~3.6 KB of code to the one wasm.
# Raised to 266 KB the same day (measured 264.1): record format 3 and the two-tab merge (the
# field-by-field merge, edit times and their codec, revisions, the stricter record reader that
# protects records with fields it does not know) add ~8.7 KB, and they run on every screen: a
# storage event or a save can come while any screen is open. The note's save-on-pause was
# rewritten without a component of its own to keep ~1 KB of that out.
# Raised to 268 KB the same day (measured 267.3): the first screen rendered into index.html in
# both languages and the script that picks one (3.2 KB) take Lighthouse's LCP from 2.3 s to
# 0.95 s; the wasm itself did not grow.
# The first paint (9.2 KB measured) and the bytes to the first question (331.1 KB: the first load
# and the on-demand data) each get a ceiling of their own, so no lever is paid for by another.
# Lowered on 2026-12-02 (issue 14, lazy loading): results, shared results, account, compare,
# portfolio and rules moved into a wasm module fetched when one of them opens (first load 267.3 →
# 222.5 KB measured); the action texts come with them; the bank and labels are fetched in the
# visitor's language only (to the first question 331.1 → 244.5 KB for the heavier language,
# Chinese). The later screens (57.8 KB module + 11.6 KB action texts measured) get a ceiling of
# their own, which also fails when the build has no such module (the split silently stopped).
# Later the same day (measured first paint 9.9, first load 223.4, first question 245.4, later
# 71.8): the results' one-page summary and section navigation (issue 15) add 2.5 KB to the later
# module, and their styles (~0.4 KB) and the first-paint script's import-picker guard (~0.1 KB)
# to the one stylesheet and script of the first paint; their strings sit with the others.
# Lowered again the same day (measured first load 217.3, first question 239.3, later 80.3): the
# import (parse, validate, preview) and the CSV export moved behind the later module's split
# point, fetched when a file is picked or the button pressed (−6.1 KB on the first load, +8.4 KB
# on the later module); the JSON export stays in the first load as the storage-failure rescue.
# Raised on 2026-12-02 (issue 15, the account plan; measured first paint 10.2, first load 225.7,
# first question 247.7, later 98.3): a REGRESSION of 8.3 KB on the first load, not yet won back.
# Part is unavoidable where it is (the plan's record fields, their reader and merge run at boot
# and on every save, and the reducer applies plan edits); part is not understood yet: twiggy names
# only ~6 KB raw of plan code in the main module, so string data and functions pulled across the
# split are the suspects (issue 14 stays open for it). The later module grows by the plan screens
# (~13 KB) and the plan's strings moved into the action texts (~4 KB per language).
# Raised on 2026-12-03 (issue 16, the stakeholder map; measured first paint 10.6, first load 228.9,
# first question 250.9, later 134.7 with the portfolio's map-gaps column and the contact cadence). Plan and contact edits moved out of the first load (the
# reducer now merges an edited copy, Action::Edited: -3.8 KB), and so did the import preview
# panel (-1.9 KB), but the contacts' record fields still cost the first load ~5 KB: the boot
# reads every record with its typed lists, so their serde code, merge and equality sit in the
# main module (twiggy: Contact's sequence visitor alone is 5 KB raw). Net +3.2 KB against the
# first load before the map. Winning it back means keeping keyed lists as raw JSON items in the
# first load, decoded by the later module (issue 14). The later module grows by the map, its
# form, the coverage rules and the import panel (~35 KB), and the first paint by the map's
# styles (0.4 KB). Ceilings sit about 1 KB above the measured figures, as before.
# Raised on 2026-12-03 (issue 17, other eyes; measured first paint 10.9, first load 237.0, first
# question 259.0, later 182.4). A REGRESSION of 8.1 KB on the first load: the invitations' and
# responses' record fields (twiggy, before/after: their sequence visitors 8.6 KB raw, the record's
# reader, writer, equality and merge about +6.5 KB raw), read at boot and merged on every save and
# storage event like the plan's and the map's. Won back on the way: the invitation decoder out of
# the boot path (a colleague's respondent screen asks for the bank itself), the customer
# questionnaire in a data set of its own fetched by the later screens (its parser moved with it),
# hand-written serde for the two enums (-2.9 KB together). The lever left is the one issue 14
# names for every keyed list (plan, contacts, invitations, responses): keep them as raw JSON in
# the first load, or read records with the browser's JSON parser. The later module grows by the
# respondent's screen, the account page's section, the gap and team views and their rules
# (~44 KB; Yew's html! expansions dominate: the respondent screen is 25 KB raw), the first paint
# by their styles (0.3 KB).
# Raised on 2026-12-03 (issue 20, team sync; measured first paint 11.1, first load 239.3, first
# question 261.3, later 187.5, sync 62.3; first load +2.3; then 239.8 / 261.8 with the note typed
# just before a reload or close written to storage synchronously on page hide, +0.5 KB). The first paint grows by the sync styles and the privacy
# note, which now says that turning on team sync sends data too (both languages in the HTML). A REGRESSION of 2.1 KB on the first load although sync
# has a split point of its own, called from the later module: what the first load holds of sync
# itself is the footer link, the route and the check of one stored key (<0.5 KB); the rest is the
# price of sharing (twiggy, before/after): functions the first load used to inline (save_account,
# sort_by, serde_json's number formatting, from_utf8_lossy, the split runtime) now also serve the
# sync module, so they exist once, outlined and exported, in the main module. Values the sync code
# turns into JSON go through the record's own serializer (sync::doc::tree) to keep second
# serializers of every type out (-9 KB on the sync module). The later screens grow by the chunk
# they now share with sync and by sync's strings in the action texts (+1.6 KB per language).
# Lowered on 2026-12-03 (issue 20 continued, issue 14; measured first paint 11.1, first load 233.6,
# first question 255.6, later 190.5, sync 70.1). wasm-bindgen names each of the ~190 imported JS
# functions `__wbg_<name>_<16 hex digits>` on both sides of the boundary; the hex barely
# compresses. scripts/slim-glue.mjs gives both sides short names (checked by compiling the wasm)
# and trims the glue's indentation and comment lines: -3.4 KB gzip on the glue, -3.3 KB on the
# main wasm. The embed accent's gamma curve no longer pulls libm's pow in (-0.6 KB). Against
# them, the team view on the home cards (owners, a lookup in the app state, +0.4 KB) and the
# glue of the browser APIs sync now uses (sessionStorage for a token, Promise and Function calls
# for Web Locks; imports cannot be split, +0.6 KB): net -6.3 KB, so the first load is 3.4 KB
# below where it was before issue 20 began. The later screens grow by the team view (owner
# filter and column, assessed-by) and sync's new strings in the action texts (+3.0 KB); the sync
# module by sign-out, bearer-token sign-in, the tab lock, refusals as status and the build-time
# origin (+8.0 KB).
# Lowered on 2026-12-04 (issue 14; measured first paint 11.1, first load 205.4, first question
# 227.4, later 224.9, sync 70.1, stored records 34.7). Reading stored records (the derives of every
# record type and the upgrades of earlier formats), merging two copies and the home cards'
# summaries (scoring) went to a split point of their own (ui::lazy::Records), which a start with
# accounts stored awaits and a new visitor never fetches on the way to the first question; a save
# needs only the stored record's id and revision (persist::save_account_with): -28.4 KB on the
# first load. The later screens grow by the same code (+34.4 KB): it now lives in chunks they load
# instead of in the first load. New: the stored records' budget.
# Then the labels moved from the bank's fetch to the later screens' texts (the questionnaire
# shows none): first question 227.4 -> 220.6, later screens 224.9 -> 232.1.
# Then the interface strings left the wasm for data (src/engine/text/messages.json): the first
# load fetches the visitor's language's (3.7 KB en, 4.3 KB zh, fetched by the first-paint script
# beside the app's code) and never the other's; the main wasm lost both languages' strings and
# their 100 formatting closures (-8.3 KB: 185.8 -> 177.5), so the first load is 205.8 -> 202.1 and
# the first question 220.6 -> 216.9. The first paint grows by the prefetch (+0.2 KB), the later
# screens by the formatting their own texts need, now in their module (+1.8 KB).
# Then no JSON decoder of serde's in the first load (issue 14's third lever): the bank, the
# settings, a stored record's id and revision and the embed API's commands are parsed with the
# browser's JSON.parse into engine::storage::json::Json and read by decoders written once in the
# engine (host tests hold them to the derived ones); the labels' and action texts' decoders moved
# to the records module, which every screen showing them loads anyway. The main wasm 177.5 ->
# 160.7, so the first load 202.1 -> 185.5 and the first question 216.9 -> 200.3. serde_json's
# parser now lives in the chunks the records module shares with the later screens: stored records
# 34.7 -> 50.6, later screens 233.9 -> 246.4 (a returning start reads that from the service
# worker's cache; a new visitor never fetches it on the way to the first question).
# The first paint is 11.1 -> 11.49: the first-paint script starts the interface texts' fetch
# once the browser reports the first contentful paint (+0.4 KB); its ceiling keeps 0.2 above.
node scripts/size-report.mjs dist --budget-kb 186.2 --first-paint-budget-kb 11.7 --first-question-budget-kb 201.2 --later-budget-kb 247.3 --sync-budget-kb 71 --records-budget-kb 51.5 --target-kb 150

step "End-to-end tests in Chromium (headless shell) against dist/"
mkdir -p tests/e2e/.results
cargo run --locked --quiet --example e2e_fixtures > tests/e2e/.results/fixtures.json
rm -f tests/e2e/.results/results.json tests/e2e/.results/portfolio-render.txt tests/e2e/.results/contacts-render.txt
status=0
(cd tests/e2e && npx playwright test) || status=$?
if [ -f tests/e2e/.results/results.json ]; then (cd tests/e2e && node summary.mjs); fi
# The portfolio render figure (tests/e2e/specs/portfolio.spec.js), repeated where it is easy to find.
if [ -f tests/e2e/.results/portfolio-render.txt ]; then cat tests/e2e/.results/portfolio-render.txt; fi
if [ -f tests/e2e/.results/contacts-render.txt ]; then cat tests/e2e/.results/contacts-render.txt; fi
[ "$status" = 0 ] || exit "$status"

step "Cross-engine smoke suite: Firefox ESR and WebKitGTK (Safari's engine) over WebDriver"
# Explicit driver paths: selenium's own driver manager never runs (it would try to download).
(cd tests/xbrowser && GECKODRIVER="$(command -v geckodriver)" DIST="$RAPPORT_ROOT/dist" node smoke.mjs)
