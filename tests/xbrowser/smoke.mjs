// Rapport cross-browser smoke suite: Firefox (geckodriver) and WebKitGTK (WebKitWebDriver +
// MiniBrowser) over WebDriver, with selenium-webdriver 4 and explicit driver paths.
//
//   node smoke.mjs                 # both engines, every test
//   ENGINES=webkit node smoke.mjs  # one engine;  ONLY=share node smoke.mjs  # tests whose name matches
//
// Self-contained: starts Xvfb if no usable display is found (WebKit only), serves ./dist with
// serve.mjs on 127.0.0.1:4300, runs the engines one after the other (never two browsers at once),
// one fresh browser session (and profile) per test, no retries, bounded waits. Ends with the line
// `xbrowser: N passed, N failed` and exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Selenium Manager must never run (it would try to download drivers/browsers): point it at a path
// that does not exist, so any accidental use fails loudly instead of reaching the network.
process.env.SE_MANAGER_PATH = '/nonexistent/selenium-manager-disabled';
process.env.SE_OFFLINE = 'true';

// Browsers, drivers and their profiles, caches and downloads stay under this folder: HOME, the
// XDG dirs and TMPDIR (geckodriver's temporary profiles) point into it for every child process.
const HERE_DIR = fileURLToPath(new URL('.', import.meta.url));
const SANDBOX = join(HERE_DIR, '.home');
for (const d of ['.config', '.cache', '.local/share', 'Downloads', 'tmp']) mkdirSync(join(SANDBOX, d), { recursive: true });
writeFileSync(join(SANDBOX, '.config/user-dirs.dirs'), 'XDG_DOWNLOAD_DIR="$HOME/Downloads"\n');
Object.assign(process.env, {
  HOME: SANDBOX,
  XDG_CONFIG_HOME: join(SANDBOX, '.config'),
  XDG_CACHE_HOME: join(SANDBOX, '.cache'),
  XDG_DATA_HOME: join(SANDBOX, '.local/share'),
  TMPDIR: join(SANDBOX, 'tmp'),
});

const { By, Key, WebDriver, until } = await import('selenium-webdriver');
const LogInspector = (await import('selenium-webdriver/bidi/logInspector.js')).default;
const firefox = await import('selenium-webdriver/firefox.js');
const http = await import('selenium-webdriver/http/index.js');
const { startServer } = await import('./serve.mjs');

// The last WebDriver command sent (one browser at a time), to say which one never answered.
let lastCommand = null;
{
  const execute = http.Executor.prototype.execute;
  http.Executor.prototype.execute = function (command) {
    const entry = { name: command.getName(), at: Date.now(), done: false };
    lastCommand = entry;
    const p = execute.call(this, command);
    p.then(() => (entry.done = true), () => (entry.done = true));
    return p;
  };
}
const describeLastCommand = () => (lastCommand ? `last WebDriver command ${lastCommand.name} ${lastCommand.done ? 'answered' : `unanswered for ${secs(Date.now() - lastCommand.at)}`}` : 'no command sent');

const HERE = fileURLToPath(new URL('.', import.meta.url));
const DIST = process.env.DIST ?? join(HERE, '..', '..', 'dist');
const PORT = Number(process.env.PORT ?? 4300);
const BASE = `http://127.0.0.1:${PORT}/`;
const WAIT = 15_000; // every wait is bounded by this
const GECKODRIVER = process.env.GECKODRIVER ?? firstExisting(['/root/.cargo/bin/geckodriver', '/usr/local/bin/geckodriver', '/usr/bin/geckodriver']);
const FIREFOX_BIN = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WEBKIT_PORT = Number(process.env.WEBKIT_DRIVER_PORT ?? 4445);
const ENGINES = (process.env.ENGINES ?? 'firefox,webkit').split(',').map((s) => s.trim()).filter(Boolean);
const ONLY = process.env.ONLY ? new RegExp(process.env.ONLY) : null;

function firstExisting(paths) {
  return paths.find((p) => existsSync(p)) ?? paths[0];
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

class AssertionError extends Error {}
class TimeoutError extends Error {}
const TEST_TIMEOUT = Number(process.env.TEST_TIMEOUT ?? 120_000); // a whole test, sessions included
const SESSION_TIMEOUT = 30_000; // starting one browser
/** Rejects with a TimeoutError after `ms` (the promise itself is abandoned). */
function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([promise, new Promise((_, fail) => (timer = setTimeout(() => fail(new TimeoutError(message)), ms)))]).finally(() => clearTimeout(timer));
}
function assert(cond, message) {
  if (!cond) throw new AssertionError(message);
}
function assertEq(actual, expected, what) {
  if (actual !== expected) throw new AssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

// ---------------------------------------------------------------------------------------------
// The question bank of the build under test (content-hashed file name in dist/).

function loadBank() {
  const name = readdirSync(DIST).find((f) => /^bank(?:[-.][0-9a-z]+)?\.json$/i.test(f));
  assert(name, `no bank*.json in ${DIST}`);
  const bank = JSON.parse(readFileSync(join(DIST, name), 'utf8'));
  const sections = bank.sections.map((s) => ({
    id: s.id,
    title: s.title,
    questions: bank.questions.filter((q) => q.section === s.id),
  }));
  return { file: name, sections, total: bank.questions.length };
}

/**
 * The files a split point's load fetches: its module and the chunks it imports, as the split
 * loader of the build under test lists them (`const __chunk_N = makeLoad(() => … "./chunk_N-….wasm"`,
 * and `export const __wasm_split_load_<point> = …"./split_<point>-….wasm"…, [__chunk_4, …]))`).
 */
function splitFiles(point) {
  const loaderName = readdirSync(DIST).find((f) => /^split-loader-[0-9a-f]+\.js$/.test(f));
  assert(loaderName, `no split loader in ${DIST}`);
  const loader = readFileSync(join(DIST, loaderName), 'utf8');
  const chunkFile = Object.fromEntries([...loader.matchAll(/const __(chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const part = loader.split('export const __wasm_split_load_').find((p) => p.startsWith(`${point} `));
  assert(part, `the split loader has no load for ${point}`);
  const own = part.match(/new URL\("\.\/([^"]+)"/)[1];
  return [own, ...[...part.matchAll(/__(chunk_\d+)/g)].map((m) => chunkFile[m[1]])];
}

/**
 * Waits until the page has fetched every file of these split points. A reload while a prefetch
 * is still on the wire makes Firefox log the cancelled, service-worker-intercepted request as an
 * error in the page being left: that is the browser's report of the test's own timing, not the
 * app's, so a test that reloads on a screen that prefetches lets the prefetch finish first.
 */
async function splitsFetched(driver, points) {
  const files = [...new Set(points.flatMap(splitFiles))];
  await waitFor(
    driver,
    async () => {
      const done = await driver.executeScript(() => performance.getEntriesByType('resource').filter((e) => e.responseEnd > 0).map((e) => new URL(e.name).pathname.split('/').pop()));
      return files.every((f) => done.includes(f));
    },
    `the prefetch of ${points.join(' and ')} (${files.join(', ')}) never finished`,
  );
}

/** The option whose score is nearest `target` (lower index on a tie), as src/engine/model/scenarios.rs. */
function nearest(q, target) {
  let best = 0;
  q.options.forEach((o, i) => {
    if (Math.abs(o.score - target) < Math.abs(q.options[best].score - target)) best = i;
  });
  return best;
}

// ---------------------------------------------------------------------------------------------
// Processes: Xvfb (WebKit needs a display), the static server, WebKitWebDriver.

const children = [];
function track(child) {
  children.push(child);
  return child;
}

/**
 * An X display for WebKitGTK. XB_DISPLAY=:N uses an existing server; otherwise this suite starts
 * its own Xvfb on the first free display from :99, with -noreset. Without -noreset Xvfb resets
 * whenever its last client disconnects, i.e. every time a MiniBrowser quits, and the next
 * MiniBrowser can hit the reset window: "cannot open display: :99", and WebKitWebDriver then never
 * answers the new-session request (seen about once in 30 sessions here; see NOTES.md).
 */
async function ensureDisplay() {
  if (process.env.XB_DISPLAY) return { display: process.env.XB_DISPLAY, started: false };
  for (let n = 99; n < 110; n++) {
    if (existsSync(`/tmp/.X${n}-lock`) || existsSync(`/tmp/.X11-unix/X${n}`)) continue;
    const xvfb = track(spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp', '-noreset'], { stdio: 'ignore' }));
    const t0 = Date.now();
    while (Date.now() - t0 < 10_000 && !existsSync(`/tmp/.X11-unix/X${n}`) && xvfb.exitCode === null) await sleep(100);
    if (existsSync(`/tmp/.X11-unix/X${n}`)) return { display: `:${n}`, started: true, proc: xvfb };
    xvfb.kill();
  }
  throw new Error('could not start Xvfb on :99..:109');
}

let server = null;
async function serverStart() {
  server = await startServer({ dir: DIST, port: PORT });
}
async function serverStop() {
  if (server) await server.stop();
  server = null;
}

async function waitHttp(url, ms) {
  const t0 = Date.now();
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    if (Date.now() - t0 > ms) throw new Error(`${url} did not answer in ${ms} ms`);
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------
// Engines: each `newSession()` is a new browser with a new, empty profile.

function firefoxEngine() {
  assert(existsSync(GECKODRIVER), `geckodriver not found at ${GECKODRIVER}`);
  const downloads = [];
  const services = [];
  return {
    name: 'firefox',
    async setup() {},
    /** After a timeout: end every geckodriver this engine started (it ends its Firefox). */
    async recover() {
      while (services.length) await services.pop().kill().catch(() => {});
      return 'geckodriver killed';
    },
    async newSession() {
      const dir = mkdtempSync(join(tmpdir(), 'xb-ff-dl-'));
      downloads.push(dir);
      const options = new firefox.Options()
        .setBinary(FIREFOX_BIN)
        .addArguments('-headless')
        .setPreference('intl.accept_languages', 'en-US')
        // Real downloads go straight to `dir` without a dialog (export test reads them back).
        .setPreference('browser.download.folderList', 2)
        .setPreference('browser.download.dir', dir)
        .setPreference('browser.download.useDownloadDir', true)
        .setPreference('browser.download.always_ask_before_handling_new_types', false)
        .setPreference('browser.helperApps.neverAsk.saveToDisk', 'application/json,text/csv')
        .setPreference('browser.download.start_downloads_in_tmp_dir', false)
        .setPreference('browser.download.manager.showWhenStarting', false)
        .setPreference('browser.download.alwaysOpenPanel', false)
        .enableBidi();
      const service = new firefox.ServiceBuilder(GECKODRIVER).build();
      services.push(service);
      const driver = await firefox.Driver.createSession(options, service);
      await driver.manage().window().setRect({ width: 1280, height: 1000 });
      driver.downloadDir = dir;
      // WebDriver BiDi (Firefox only here): every console error and uncaught exception fails
      // the test, as in the Chromium suite's fixture. Warnings are reported as notes.
      driver.problems = [];
      driver.warnings = [];
      const log = await LogInspector(driver);
      await log.onConsoleEntry((e) => {
        if (e.level === 'error') driver.problems.push(`console error: ${e.text}`);
        else if (e.level === 'warn') driver.warnings.push(`console warning: ${e.text}`);
      });
      await log.onJavascriptException((e) => driver.problems.push(`uncaught: ${e.text}`));
      return driver;
    },
    async teardown() {
      for (const d of downloads) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** "name(state) …" of the processes in process group `pgid` (Linux /proc). */
function groupProcesses(pgid) {
  if (!pgid) return 'none';
  const out = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, , pg] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pg) === pgid) out.push(`${name}[${pid}](${state})`);
    } catch {}
  }
  return out.join(' ') || 'none';
}

function webkitEngine() {
  let driverProc = null;
  let xvfb = null;
  let logFd = null;
  mkdirSync(join(SANDBOX, 'logs'), { recursive: true });
  const logPath = join(SANDBOX, 'logs', `webkitwebdriver-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
  // WebKitWebDriver (and the MiniBrowser it launches) run in their own process group, so a stuck
  // browser can be ended with its driver, by the group id of the driver this suite started.
  const startDriver = async () => {
    driverProc = track(
      spawn(WEBKIT_DRIVER, [`--port=${WEBKIT_PORT}`], {
        env: { ...process.env, DISPLAY: xvfb.display, LANG: 'C.UTF-8', LANGUAGE: 'en_US' },
        stdio: ['ignore', logFd, logFd],
        detached: true,
      }),
    );
    await waitHttp(`http://127.0.0.1:${WEBKIT_PORT}/status`, 10_000);
  };
  const stopDriver = async () => {
    if (!driverProc) return;
    const pid = driverProc.pid;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {}
    const t0 = Date.now();
    while (driverProc.exitCode === null && driverProc.signalCode === null && Date.now() - t0 < 5000) await sleep(100);
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
    driverProc = null;
  };
  return {
    name: 'webkit',
    async setup() {
      assert(existsSync(WEBKIT_DRIVER), `WebKitWebDriver not found at ${WEBKIT_DRIVER}`);
      assert(existsSync(MINIBROWSER), `MiniBrowser not found at ${MINIBROWSER}`);
      xvfb = await ensureDisplay();
      const { openSync } = await import('node:fs');
      logFd = openSync(logPath, 'w');
      await startDriver();
    },
    async beforeEach() {
      rmSync(join(SANDBOX, 'Downloads'), { recursive: true, force: true });
      mkdirSync(join(SANDBOX, 'Downloads'), { recursive: true });
    },
    async newSession() {
      const executor = new http.Executor(new http.HttpClient(`http://127.0.0.1:${WEBKIT_PORT}`));
      const driver = await WebDriver.createSession(executor, {
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      });
      await driver.manage().window().setRect({ width: 1280, height: 1000 }).catch(() => {});
      driver.downloadDir = join(SANDBOX, 'Downloads');
      return driver;
    },
    /** After a timeout: end the driver and its browser, start a fresh driver. */
    async recover() {
      const procs = groupProcesses(driverProc?.pid);
      await stopDriver();
      await startDriver();
      return `processes then: ${procs}; WebKitWebDriver restarted (its log: ${logPath})`;
    },
    async teardown() {
      await stopDriver();
      if (xvfb?.started) xvfb.proc.kill();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Page helpers (all waits bounded by WAIT).

const css = (s) => By.css(s);

async function waitFor(driver, fn, message, ms = WAIT) {
  return driver.wait(async () => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof AssertionError) throw e;
      return false;
    }
  }, ms, message);
}

async function visible(driver, selector, ms = WAIT) {
  const el = await driver.wait(until.elementLocated(css(selector)), ms, `no element ${selector} within ${ms} ms`);
  await driver.wait(until.elementIsVisible(el), ms, `${selector} not visible within ${ms} ms`);
  return el;
}

async function openApp(driver, path = '') {
  await driver.get(BASE + path);
  await visible(driver, 'html[data-app="running"] header.site-header');
}

const attr = (driver, selector, name) => driver.executeScript((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name);
const activeMatches = (driver, selector) => driver.executeScript((s) => document.activeElement?.matches(s) ?? false, selector);
const activeQuestion = (driver) => driver.executeScript(() => document.activeElement?.closest('fieldset')?.dataset.question ?? null);
const accountKeys = (driver) => driver.executeScript(() => Object.keys(localStorage).filter((k) => k.startsWith('rapport.v1.account.')));

/** A user's reload (F5): location.reload(), then waits for the new document's shell. Not
 *  driver.navigate().refresh(): geckodriver's Refresh bypasses the service worker (like
 *  Shift+Reload), so offline it reaches the network and fails — see NOTES.md. */
async function userReload(driver) {
  await driver.executeScript(() => {
    window.__xbOldDocument = true;
    setTimeout(() => location.reload(), 0);
  });
  await waitFor(driver, async () => (await driver.executeScript(() => window.__xbOldDocument !== true && document.readyState === 'complete')), 'location.reload() did not load a new document');
  await visible(driver, 'html[data-app="running"] header.site-header');
}

async function press(driver, ...keys) {
  await driver.actions().sendKeys(...keys).perform();
}

/** From the home screen with the pointer: name an account and open its first section. */
async function startAssessment(driver, name) {
  await (await visible(driver, '[data-action="new-assessment"]')).click();
  await (await visible(driver, '[data-field="account-name"]')).sendKeys(name);
  await (await visible(driver, '[data-action="start"]')).click();
  await visible(driver, '[data-screen="questionnaire"]');
}

async function waitSection(driver, id) {
  await waitFor(driver, async () => (await attr(driver, '.section-body', 'data-section')) === id, `section ${id} not shown`);
}

/** Answers one section by clicking radios; returns after the last click (no navigation). */
async function clickSection(driver, section, answerOf) {
  for (const q of section.questions) {
    const sel = `#q-${q.id}-${answerOf(q)}`;
    const radio = await visible(driver, sel);
    await radio.click();
    await waitFor(driver, async () => (await radio.isSelected()) && (await attr(driver, `#q-${q.id}`, 'data-answered')) === 'true', `${sel} not checked/recorded after click`);
  }
}

async function clickForward(driver, last) {
  await (await visible(driver, `[data-action="${last ? 'finish' : 'next'}"]`)).click();
}

/** The results root's data-* attributes (waits for it). */
async function resultAttributes(driver) {
  await visible(driver, '[data-results]');
  return driver.executeScript(() => {
    const el = document.querySelector('[data-results]');
    return Object.fromEntries([...el.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name, a.value]));
  });
}

/** Every answer pointer-clicked (all-best or all-worst), finishing on the results. */
async function completeByPointer(driver, bank, target) {
  for (const [i, section] of bank.sections.entries()) {
    await waitSection(driver, section.id);
    await clickSection(driver, section, (q) => nearest(q, target));
    await clickForward(driver, i === bank.sections.length - 1);
  }
  return resultAttributes(driver);
}

// ---------------------------------------------------------------------------------------------
// The tests. Each gets a fresh session (fresh profile) and the bank.

const tests = [
  {
    name: 'home renders',
    async run(driver) {
      await openApp(driver);
      await waitFor(driver, async () => (await driver.findElements(css('[data-screen="accounts"]'))).length === 1, 'no [data-screen="accounts"]');
      assertEq(await (await driver.findElement(css('.brand-name'))).getText(), 'Rapport', 'brand name');
      assertEq((await driver.findElements(css('.account-card'))).length, 0, 'fresh profile: no account cards');
      assert((await (await driver.findElement(css('main'))).getText()).includes('No accounts assessed yet'), 'empty-state text');
      assertEq(await attr(driver, 'html', 'lang'), 'en', '<html lang>');
      const h1 = await (await visible(driver, 'h1')).getText();
      assertEq(h1, 'Accounts', 'h1');
      assert(/Rapport/.test(await driver.getTitle()), 'title mentions Rapport');
    },
  },
  {
    name: 'assessment by keyboard (2 sections) and pointer (7 sections) → results',
    async run(driver, bank) {
      await openApp(driver);
      // Keyboard alone from the home screen: Tab to "New assessment", Enter, Tab to the name, type, Enter.
      for (let i = 0; i < 25 && !(await activeMatches(driver, '[data-action="new-assessment"]')); i++) await press(driver, Key.TAB);
      assert(await activeMatches(driver, '[data-action="new-assessment"]'), 'Tab never reached [data-action="new-assessment"] in 25 presses');
      await press(driver, Key.ENTER);
      await visible(driver, '[data-field="account-name"]');
      for (let i = 0; i < 25 && !(await activeMatches(driver, '[data-field="account-name"]')); i++) await press(driver, Key.TAB);
      assert(await activeMatches(driver, '[data-field="account-name"]'), 'Tab never reached the account-name field');
      await press(driver, 'Keyboard Co');
      await press(driver, Key.ENTER);
      await visible(driver, '[data-screen="questionnaire"]');

      const KEYBOARD_SECTIONS = 2;
      for (const [i, section] of bank.sections.entries()) {
        await waitSection(driver, section.id);
        const last = i === bank.sections.length - 1;
        if (i >= KEYBOARD_SECTIONS) {
          await clickSection(driver, section, (q) => nearest(q, 100));
          await clickForward(driver, last);
          continue;
        }
        for (const [qi, q] of section.questions.entries()) {
          // The app moves focus into the current question (section start, then after each Enter).
          await waitFor(driver, async () => (await activeQuestion(driver)) === q.id, `focus never landed in question ${q.id} (active: ${await activeQuestion(driver).catch(() => '?')})`);
          const want = nearest(q, 100);
          if (i === 0 && qi === 0) {
            // Tab itself reaches the first option: Shift+Tab back to the help toggle, Tab forward.
            await driver.actions().keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform();
            await waitFor(driver, () => activeMatches(driver, `#q-${q.id} .question-help summary`), `Shift+Tab from #q-${q.id}-0 did not reach its help toggle (active: ${(await driver.executeScript(() => document.activeElement?.outerHTML.slice(0, 120)))})`);
            await press(driver, Key.TAB);
            await waitFor(driver, () => activeMatches(driver, `#q-${q.id}-0`), `Tab from the help toggle did not focus the first option #q-${q.id}-0`);
          }
          if (qi === 0 && want > 0) {
            // Native radio-group arrows: pick option 1 with its number key, then ArrowDown/Right
            // until the wanted one (each arrow checks the next radio and fires change).
            await press(driver, '1');
            await waitFor(driver, async () => (await driver.findElement(css(`#q-${q.id}-0`))).isSelected(), `key 1 did not check #q-${q.id}-0`);
            for (let k = 0; k < want; k++) await press(driver, k % 2 ? Key.ARROW_RIGHT : Key.ARROW_DOWN);
          } else {
            await press(driver, String(want + 1));
          }
          const radio = await driver.findElement(css(`#q-${q.id}-${want}`));
          await waitFor(driver, async () => (await radio.isSelected()) && (await attr(driver, `#q-${q.id}`, 'data-answered')) === 'true', `keyboard did not check/record #q-${q.id}-${want}`);
          await press(driver, Key.ENTER);
        }
        const forward = last ? 'finish' : 'next';
        await waitFor(driver, () => activeMatches(driver, `[data-action="${forward}"]`), `Enter after the last question did not focus [data-action="${forward}"]`);
        await press(driver, Key.ENTER);
      }
      const a = await resultAttributes(driver);
      assert(['supplier', 'preferred', 'extended', 'partner'].includes(a['data-level']), `data-level ${a['data-level']}`);
      assertEq(a['data-level'], 'partner', 'data-level (all-best answers)');
      assertEq(a['data-target-level'], 'partner', 'data-target-level');
      assertEq(a['data-quadrant'], 'loyal', 'data-quadrant');
      assertEq(a['data-confidence'], '100', 'data-confidence (every question answered)');
      assertEq(await attr(driver, '[data-screen="results"]', 'data-screen'), 'results', 'results screen');
    },
  },
  {
    name: 'reload keeps the account',
    async run(driver) {
      await openApp(driver);
      await startAssessment(driver, 'Reload Ltd');
      await (await visible(driver, `#q-${'ctx_volume'}-2`)).click();
      await (await visible(driver, 'a.brand')).click();
      const cardSel = '.account-card';
      await waitFor(driver, async () => (await driver.findElements(css(cardSel))).length === 1, 'account card missing before reload');
      assert((await (await driver.findElement(css(cardSel))).getText()).includes('Reload Ltd'), 'card shows the name');
      // A home screen listing accounts prefetches the later screens (ui::root::use_later_prefetch).
      await splitsFetched(driver, ['later']);
      await driver.navigate().refresh();
      await visible(driver, 'html[data-app="running"] header.site-header');
      await waitFor(driver, async () => (await driver.findElements(css(cardSel))).length === 1, 'account card missing after reload');
      // The draft's progress needs the question bank, which a reload fetches again: wait for it.
      const cardText = async () => (await driver.findElement(css(cardSel))).getText();
      await waitFor(driver, async () => (await cardText()).includes(`1 of ${loadBank().total}`), `card after reload shows the progress "1 of ${loadBank().total}"`);
      assert((await cardText()).includes('Reload Ltd'), 'card after reload shows the name');
      assertEq((await accountKeys(driver)).length, 1, 'stored account records');
    },
  },
  {
    name: 'stakeholder map: add a contact, see it on the map, reload',
    async run(driver) {
      await openApp(driver);
      await startAssessment(driver, 'Map Co');
      await waitFor(driver, async () => (await accountKeys(driver)).length === 1, 'the new account was never stored');
      const [key] = await accountKeys(driver);
      const id = key.replace('rapport.v1.account.', '');
      await driver.get(`${BASE}#/account/${id}`);
      await (await visible(driver, '[data-action="add-contact"]')).click();
      await (await visible(driver, '#contact-name')).sendKeys('Wang <b>Fang</b>');
      await (await driver.findElement(css('#contact-seniority option[value="executive"]'))).click();
      await (await driver.findElement(css('#contact-attitude option[value="champion"]'))).click();
      await (await driver.findElement(css('[data-action="save-contact"]'))).click();
      await visible(driver, '[data-stakeholder-map] [data-map-contact]');
      assert((await (await driver.findElement(css('[data-contact] .contact-name'))).getText()).includes('Wang <b>Fang</b>'), 'the name is shown as text');
      await visible(driver, '[data-coverage="no-economic-buyer"]');
      await userReload(driver);
      await visible(driver, '[data-stakeholder-map] [data-map-contact]');
      const stored = await driver.executeScript((k) => JSON.parse(localStorage.getItem(k)).contacts.map((c) => c.name), key);
      assertEq(JSON.stringify(stored), JSON.stringify(['Wang <b>Fang</b>']), 'stored contacts');
    },
  },
  {
    name: 'other eyes: invite, answer the invitation, attach the code, see the gap',
    async run(driver, bank) {
      await openApp(driver);
      await startAssessment(driver, 'Eyes Co');
      await completeByPointer(driver, bank, 100);
      const [key] = await accountKeys(driver);
      const id = key.replace('rapport.v1.account.', '');
      await driver.get(`${BASE}#/account/${id}`);
      await (await visible(driver, '#invite-shown')).sendKeys('Supplier <b>X</b>');
      await (await visible(driver, '[data-action="invite"][data-kind="customer"]')).click();
      const input = await visible(driver, '[data-invitation] input');
      let link = '';
      await waitFor(driver, async () => (link = await input.getAttribute('value')) !== '' && link !== null, 'the invitation link stayed empty');
      assert(/#\/respond\/[A-Za-z0-9_-]+$/.test(link), `invitation link shape: ${link}`);

      // The respondent's screen (in this same browser: the two-profile flow is the Chromium e2e
      // test's) answers every question with its lowest option.
      const other = driver;
      await other.get(link);
      await visible(other, '[data-screen="respond"]');
      assert((await (await other.findElement(css('[data-screen="respond"]'))).getText()).includes('Supplier <b>X</b>'), 'the shown name is text');
      for (let step = 0; step < 3; step++) {
        const firsts = await other.findElements(css('[data-screen="respond"] fieldset .option:first-child input'));
        for (const radio of firsts) await radio.click();
        await (await visible(other, '[data-action="respond-next"]')).click();
      }
      await (await visible(other, '[data-action="finish-response"]')).click();
      const codeBox = await visible(other, '#response-code');
      let code = '';
      await waitFor(other, async () => (code = await codeBox.getAttribute('value')) !== '' && code !== null, 'no response code');
      await driver.get(`${BASE}#/account/${id}`);

      await (await visible(driver, '#attach-text')).sendKeys(code);
      await (await visible(driver, '.attach [data-action="attach-response"]')).click();
      await visible(driver, '[data-perception-gap] [data-gap="satisfaction.product_quality"]');
      assertEq(await attr(driver, '[data-gap="satisfaction.product_quality"]', 'data-theirs'), '0', 'the customer\'s figure');
      assertEq(await attr(driver, '[data-gap="satisfaction.product_quality"]', 'data-mark'), 'blind-spot', 'all-best own vs all-worst theirs');
      await userReload(driver);
      await visible(driver, '[data-perception-gap] [data-gap]');
    },
  },
  {
    name: 'team sync: sign in to a team database on this origin and share an account',
    async run(driver) {
      // The CouchDB stand-in the e2e suite uses (tests/sync/server.mjs), serving the same build.
      const port = PORT + 1;
      const base = `http://127.0.0.1:${port}/`;
      const child = spawn(process.execPath, [join(HERE, '..', 'sync', 'server.mjs'), String(port)], {
        env: { ...process.env, DIST },
        stdio: 'ignore',
      });
      try {
        await waitHttp(base, 15_000);
        await driver.get(base);
        await visible(driver, 'html[data-app="running"] header.site-header');
        await startAssessment(driver, 'Team Co');
        await waitFor(driver, async () => (await accountKeys(driver)).length === 1, 'the new account was never stored');
        const [key] = await accountKeys(driver);
        await driver.get(`${base}#/sync`);
        await (await visible(driver, '[data-field="sync-url"]')).sendKeys('/couch/rapport-team/');
        await (await driver.findElement(css('[data-field="sync-user"]'))).sendKeys('ana');
        await (await driver.findElement(css('[data-field="sync-password"]'))).sendKeys('anapw');
        await (await driver.findElement(css('[data-action="sync-on"]'))).click();
        await waitFor(driver, async () => (await attr(driver, '[data-sync-status]', 'data-sync-status')) === 'synced', 'never synced');
        const id = key.replace('rapport.v1.account.', '');
        const auth = 'Basic ' + Buffer.from('admin:adminpw').toString('base64');
        const doc = await (await fetch(`${base}couch/rapport-team/account:${id}`, { headers: { Authorization: auth, Accept: 'application/json' } })).json();
        assertEq(doc.record?.name, 'Team Co', 'the account on the server');
        assertEq(doc.by, 'ana', 'written as the member');
      } finally {
        child.kill('SIGTERM');
      }
    },
  },
  {
    name: 'language switch to 简体中文 and back',
    async run(driver) {
      await openApp(driver);
      const button = async (label) => {
        const found = await driver.findElements(By.xpath(`//button[normalize-space(.)='${label}']`));
        assert(found.length === 1, `one button "${label}" (found ${found.length})`);
        return found[0];
      };
      const zh = await button('简体中文');
      assertEq(await zh.getAttribute('aria-pressed'), 'false', 'zh aria-pressed before');
      await zh.click();
      await waitFor(driver, async () => (await attr(driver, 'html', 'lang')) === 'zh-CN', `<html lang> did not become zh-CN (is ${await attr(driver, 'html', 'lang')})`);
      await waitFor(driver, async () => (await (await driver.findElement(css('h1'))).getText()) === '客户', 'Chinese h1 客户 did not appear');
      assertEq(await (await button('简体中文')).getAttribute('aria-pressed'), 'true', 'zh aria-pressed after');
      assertEq(await driver.getTitle(), 'Rapport · 大客户关系评估', 'Chinese title');
      assertEq(await driver.executeScript(() => localStorage.getItem('rapport.v1.settings')), '{"lang":"zh"}', 'saved language');
      await (await button('English')).click();
      await waitFor(driver, async () => (await attr(driver, 'html', 'lang')) === 'en', '<html lang> did not go back to en');
      await waitFor(driver, async () => (await (await driver.findElement(css('h1'))).getText()) === 'Accounts', 'English h1 did not come back');
    },
  },
  {
    name: 'export-all produces a JSON file with the account',
    async run(driver, bank, engine) {
      await openApp(driver);
      await startAssessment(driver, 'Export 出口 Co');
      await (await visible(driver, 'a.brand')).click();
      await waitFor(driver, async () => (await driver.findElements(css('.account-card'))).length === 1, 'account card missing');
      // Capture what the app hands to the browser: the Blob and the <a download> it clicks.
      await driver.executeScript(() => {
        window.__xb = { blobs: [], clicks: [] };
        const create = URL.createObjectURL;
        URL.createObjectURL = function (blob) {
          window.__xb.blobs.push(blob);
          return create.call(this, blob);
        };
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () {
          window.__xb.clicks.push({ download: this.download, href: this.href, connected: this.isConnected });
          return click.call(this);
        };
      });
      await (await visible(driver, '[data-action="export-all"]')).click();
      await waitFor(driver, () => driver.executeScript(() => window.__xb.blobs.length === 1), 'no Blob handed to URL.createObjectURL');
      const captured = await driver.executeAsyncScript(function (done) {
        const b = window.__xb.blobs[0];
        b.text().then((text) => done({ type: b.type, text, clicks: window.__xb.clicks }), (e) => done({ error: String(e) }));
      });
      assert(!captured.error, `reading the blob: ${captured.error}`);
      assert(/^application\/json/.test(captured.type), `blob type ${captured.type}`);
      assertEq(captured.clicks.length, 1, 'anchor clicks');
      assert(/^rapport-\d{4}-\d{2}-\d{2}\.json$/.test(captured.clicks[0].download), `download name ${captured.clicks[0].download}`);
      const parsed = JSON.parse(captured.text);
      assertEq(parsed.format, 'rapport-export', 'export format');
      assert(Array.isArray(parsed.accounts) && parsed.accounts.some((a) => a.name === 'Export 出口 Co'), 'the account is in the export');
      // A real download too: the file lands in the browser's download dir with the same content
      // (Firefox: the profile's browser.download.dir; WebKitGTK MiniBrowser: XDG_DOWNLOAD_DIR).
      const dir = driver.downloadDir;
      const file = captured.clicks[0].download;
      await waitFor(driver, () => existsSync(join(dir, file)) && readFileSync(join(dir, file), 'utf8').length > 0,
        `${engine.name} did not save ${file} into ${dir} (saw: ${readdirSync(dir).join(', ') || 'nothing'})`);
      assertEq(readFileSync(join(dir, file), 'utf8'), captured.text, 'downloaded file equals the blob');
    },
  },
  {
    name: 'share link opens read-only results in a fresh profile',
    async run(driver, bank, engine, ctx) {
      await openApp(driver);
      await startAssessment(driver, 'Shared Co 共享');
      const a = await completeByPointer(driver, bank, 0);
      assertEq(a['data-level'], 'supplier', 'data-level (all-worst answers)');
      await (await visible(driver, '[data-action="share"]')).click();
      const input = await visible(driver, '#share-link');
      let link = '';
      await waitFor(driver, async () => (link = await input.getAttribute('value')) !== '' && link !== null, '#share-link stayed empty');
      assert(/^http:\/\/127\.0\.0\.1:\d+\/[^?#]*#\/shared\/[A-Za-z0-9_-]+$/.test(link), `share link shape: ${link}`);
      // "Copy link": watch what navigator.clipboard.writeText really does (same promise passed
      // through), and require the status line to tell the truth about it.
      await driver.executeScript(() => {
        window.__xbCopy = [];
        const c = navigator.clipboard;
        if (!c || !c.writeText) return;
        const write = c.writeText.bind(c);
        c.writeText = (text) => {
          const entry = { text, outcome: 'pending' };
          window.__xbCopy.push(entry);
          const p = write(text);
          p.then(() => (entry.outcome = 'resolved'), (e) => (entry.outcome = `rejected: ${e && e.name}: ${e && e.message}`));
          return p;
        };
      });
      await (await visible(driver, '[data-action="copy-link"]')).click();
      const status = await driver.findElement(css('[data-share-panel] [role="status"]'));
      await waitFor(driver, async () => (await status.getText()) !== '', 'no status after Copy link');
      await waitFor(driver, () => driver.executeScript(() => window.__xbCopy.every((e) => e.outcome !== 'pending')), 'clipboard write still pending');
      const copy = await driver.executeScript(() => window.__xbCopy);
      const statusText = await status.getText();
      ctx.notes.push(`copy-link: writeText ${copy.map((e) => e.outcome).join(',') || 'not called'}; status "${statusText}"`);
      if (copy.length && copy.every((e) => e.outcome === 'resolved')) assertEq(statusText, 'Link copied.', 'status after a successful copy');
      else assert(statusText !== 'Link copied.', `status says "Link copied." but navigator.clipboard.writeText ${copy.map((e) => e.outcome).join(',') || 'was not called'}`);
      if (copy.length) assertEq(copy[0].text, link, 'copied text is the share link');
      await driver.quit();
      ctx.driver = null;

      const other = await ctx.newSession();
      await other.get(link);
      await visible(other, '[data-shared]');
      const b = await resultAttributes(other);
      for (const k of ['data-level', 'data-target-level', 'data-quadrant', 'data-satisfaction', 'data-switching-cost', 'data-defection-risk', 'data-confidence']) {
        assertEq(b[k], a[k], `shared ${k}`);
      }
      const heading = await (await visible(other, '#results-heading')).getText();
      assert(heading.includes('Shared Co 共享'), `shared heading names the account (got ${JSON.stringify(heading)})`);
      assertEq((await accountKeys(other)).length, 0, 'fresh profile: nothing stored until saved');
      assert((await other.findElements(css('[data-action="save-shared"]'))).length === 1, 'Save to my accounts is offered');
    },
  },
  {
    name: 'offline reload through the service worker',
    async run(driver) {
      await openApp(driver);
      const controlled = () => driver.executeScript(() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller));
      assert(await driver.executeScript(() => 'serviceWorker' in navigator), 'navigator.serviceWorker exists');
      let reloaded = false;
      try {
        await waitFor(driver, controlled, 'not controlled', WAIT);
      } catch {
        // The worker claims clients on activation; one reload is allowed if it has not yet.
        reloaded = true;
        await driver.navigate().refresh();
        await visible(driver, 'html[data-app="running"] header.site-header');
        await waitFor(driver, controlled, `navigator.serviceWorker.controller still null after a reload (registration: ${await driver.executeScript(() => navigator.serviceWorker.getRegistration().then((r) => (r ? `${r.scope} active=${Boolean(r.active)} waiting=${Boolean(r.waiting)} installing=${Boolean(r.installing)}` : 'none')))})`);
      }
      await serverStop();
      try {
        // The server is really gone.
        let down = false;
        try {
          await fetch(BASE, { signal: AbortSignal.timeout(2000) });
        } catch {
          down = true;
        }
        assert(down, 'static server still answering');
        await userReload(driver);
        await waitFor(driver, async () => (await driver.findElements(css('[data-screen="accounts"]'))).length === 1, 'offline: no accounts screen');
        // On-demand data (the question bank) comes from the cache too.
        await startAssessment(driver, 'On a plane');
        await visible(driver, `#q-${'ctx_volume'}-0`);
      } finally {
        await serverStart();
      }
      return reloaded ? 'needed one reload before the page was controlled' : undefined;
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Runner.

/** After a failure: where the page was (URL, screen, focus) and a screenshot under home/failures. */
async function diagnose(driver, label) {
  const state = await driver.executeScript(() => ({
    url: location.href,
    screens: [...document.querySelectorAll('[data-screen]')].map((e) => e.dataset.screen),
    active: document.activeElement ? document.activeElement.outerHTML.slice(0, 100) : null,
    main: (document.querySelector('main')?.innerText ?? '').slice(0, 160).replace(/\s+/g, ' '),
    readyState: document.readyState,
  }));
  const dir = join(SANDBOX, 'failures');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${label.replace(/[^A-Za-z0-9-]+/g, '_')}-${Date.now()}.png`);
  writeFileSync(file, Buffer.from(await driver.takeScreenshot(), 'base64'));
  return `at failure: ${JSON.stringify(state)}; screenshot ${file}`;
}

async function main() {
  const results = [];
  const t0 = Date.now();
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no app at ${DIST} (run scripts/build.sh first)`);
  const bank = loadBank();
  console.log(`xbrowser smoke: ${DIST} (${bank.file}: ${bank.sections.length} sections, ${bank.total} questions) at ${BASE}`);
  await serverStart();
  const engines = { firefox: firefoxEngine, webkit: webkitEngine };
  try {
    for (const name of ENGINES) {
      assert(engines[name], `unknown engine ${name}`);
      const engine = engines[name]();
      await engine.setup();
      try {
        for (const test of tests) {
          if (ONLY && !ONLY.test(test.name)) continue;
          const label = `${engine.name} › ${test.name}`;
          const start = Date.now();
          const sessions = [];
          const ctx = {
            driver: null,
            notes: [],
            async newSession() {
              ctx.driver = await withTimeout(engine.newSession(), SESSION_TIMEOUT, `${engine.name}: new session not created in ${secs(SESSION_TIMEOUT)}`);
              sessions.push(ctx.driver);
              return ctx.driver;
            },
          };
          let error = null;
          let note;
          let timedOut = false;
          try {
            if (engine.beforeEach) await engine.beforeEach();
            const run = async () => test.run(await ctx.newSession(), bank, engine, ctx);
            note = await withTimeout(run(), TEST_TIMEOUT, `test did not finish in ${secs(TEST_TIMEOUT)} (a WebDriver command never answered)`);
          } catch (e) {
            error = e;
            timedOut = e instanceof TimeoutError;
          } finally {
            if (error && ctx.driver && !timedOut) ctx.notes.push(await withTimeout(diagnose(ctx.driver, `${engine.name}-${test.name}`), 10_000, 'diagnosis hung').catch((e) => `no diagnosis: ${e.message}`));
            if (ctx.driver && !timedOut) {
              await withTimeout(ctx.driver.quit(), 20_000, 'quit hung').catch((e) => {
                timedOut = true;
                if (!error) error = e;
              });
            }
          }
          if (timedOut) ctx.notes.push(describeLastCommand(), await engine.recover());
          const problems = sessions.flatMap((d) => d.problems ?? []);
          if (!error && problems.length) error = new AssertionError(`console errors / uncaught exceptions: ${problems.join(' | ')}`);
          const warnings = [...new Set(sessions.flatMap((d) => d.warnings ?? []))];
          note = [note, ...ctx.notes, ...warnings].filter(Boolean).join('; ') || undefined;
          const ms = Date.now() - start;
          results.push({ engine: engine.name, test: test.name, ok: !error, ms, error: error ? String(error.message ?? error).split('\n')[0] : null, note });
          if (error) console.log(`  FAIL ${label} (${secs(ms)})\n       ${String(error.message ?? error).split('\n').slice(0, 3).join('\n       ')}${note ? `\n       note: ${note}` : ''}`);
          else console.log(`  ok   ${label} (${secs(ms)})${note ? ` — note: ${note}` : ''}`);
        }
      } finally {
        await engine.teardown();
      }
    }
  } finally {
    await serverStop();
    for (const c of children) if (c.exitCode === null) c.kill();
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`\ntotal ${secs(Date.now() - t0)}`);
  if (process.env.XB_JSON) (await import('node:fs')).writeFileSync(process.env.XB_JSON, JSON.stringify(results, null, 2));
  console.log(`xbrowser: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

process.on('SIGINT', () => {
  for (const c of children) if (c.exitCode === null) c.kill();
  process.exit(130);
});

main().catch((e) => {
  console.error(`xbrowser: setup error: ${e.stack ?? e}`);
  for (const c of children) if (c.exitCode === null) c.kill();
  console.log('xbrowser: 0 passed, 1 failed');
  process.exitCode = 1;
});
