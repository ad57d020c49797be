// Runs while the page is parsed, right after the prerendered first screen (scripts/postbuild.mjs
// puts the English render in <div id="prerender"> and the Chinese one in a <template>, so no
// id appears twice in the document), before the app's code is even fetched. It only chooses
// what to show until the app takes over; the app then renders the same components into
// #prerender, replacing what is there (src/ui/mod.rs, `start`).
(() => {
  const query = new URLSearchParams(location.search);
  const supported = (tag) => {
    const primary = String(tag || '').trim().split(/[-_]/)[0].toLowerCase();
    return primary === 'en' || primary === 'zh' ? primary : null;
  };
  // The app's own order (engine::text::lang, storage::settings): the host page's lang=, the
  // user's stored choice, the browser's preferences, English.
  let lang = supported(query.get('lang'));
  let stored = [];
  try {
    if (!lang) lang = supported(JSON.parse(localStorage.getItem('rapport.v1.settings') || '{}').lang);
    stored = Object.keys(localStorage);
  } catch {
    // Storage blocked or the settings unreadable: the app reports it; show the default.
  }
  if (!lang) lang = (navigator.languages || [navigator.language]).map(supported).find(Boolean) || 'en';
  // The app renders once its interface texts (one language's, listed in <meta name="rapport-data">)
  // are in: fetch them beside the app's code rather than after it has started. The app picks the
  // promise up (src/ui/edge/data.rs, ensure_messages) and fetches again if it is null. Not
  // before the first screen is painted: a request started before that paint is one Lighthouse's
  // model of a slow network dates the paint after (LCP 0.92 s or 1.22 s from run to run,
  // measured). Two animation frames were not always enough (a frame can pass before the first
  // contentful one), so the browser's own paint timing says when, with a timer for browsers
  // without it or a page opened in the background.
  const texts = (window.__rapportTexts = {});
  const prefetch = (next) => {
    const listed = document.querySelector('meta[name="rapport-data"]')?.content || '';
    const file = listed.split(/\s+/).find((pair) => pair.startsWith(`messages.${next}=`))?.split('=')[1];
    if (!file || texts[next]) return;
    texts[next] = fetch(`./${file}`).then((r) => (r.ok ? r.text() : null), () => null);
  };
  let painted = false;
  const afterPaint = () => {
    if (painted) return;
    painted = true;
    prefetch(document.documentElement.dataset.chosenLang || lang);
  };
  setTimeout(afterPaint, 300);
  try {
    new PerformanceObserver((entries) => {
      if (entries.getEntriesByName('first-contentful-paint').length) setTimeout(afterPaint, 0);
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // No paint timing here: the timer above decides.
  }
  const shown = document.getElementById('prerender');
  if (!shown) return;
  // Embedded with a host page's appearance: the app applies it; a default-looking screen
  // would flash first.
  if (['embed', 'theme', 'accent'].some((p) => query.has(p))) {
    shown.remove();
    return;
  }
  const show = (next) => {
    const template = document.getElementById(`prerender-${next}`);
    if (!template) return;
    const current = document.getElementById('prerender');
    const other = document.createElement('template');
    other.id = `prerender-${current.dataset.prerenderLang}`;
    other.content.append(...current.childNodes);
    current.append(template.content);
    current.dataset.prerenderLang = next;
    current.lang = next === 'zh' ? 'zh-CN' : 'en';
    template.replaceWith(other);
    document.documentElement.lang = current.lang;
  };
  if (lang !== 'en') show(lang);
  // A returning user (stored accounts) or a link to another screen must not see the new
  // visitor's welcome, not even for a moment: only the header stays until the app renders.
  const returning = stored.some((k) => k.startsWith('rapport.v1.account.'));
  const elsewhere = location.hash && location.hash !== '#' && location.hash !== '#/';
  if (returning || elsewhere) {
    shown.querySelectorAll('main, .site-footer').forEach((e) => e.remove());
  }
  // If the app's code cannot be fetched or started (a dropped connection on the first visit),
  // the screen above would stay up with buttons that do nothing: say so instead, and offer a
  // reload. Once the app runs (<html data-app>), errors are the app's to report.
  const failed = () => {
    if (document.documentElement.dataset.app || document.getElementById('start-failed')) return;
    const zh = (shown.dataset.prerenderLang || 'en') === 'zh';
    const notice = document.createElement('div');
    notice.id = 'start-failed';
    notice.className = 'notice';
    notice.setAttribute('role', 'alert');
    const text = document.createElement('p');
    text.textContent = zh
      ? 'Rapport 无法启动：程序未能加载。请检查网络连接，然后重新加载页面。您保存的数据不受影响。'
      : 'Rapport could not start: its code did not load. Check the connection, then reload the page. Your saved data is not affected.';
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.className = 'button-primary';
    reload.textContent = zh ? '重新加载' : 'Reload';
    reload.addEventListener('click', () => location.reload());
    notice.append(text, reload);
    const main = shown.querySelector('main') || shown;
    main.prepend(notice);
  };
  addEventListener('error', failed);
  addEventListener('unhandledrejection', failed);
  // Clicks before the app runs are not lost: "New assessment" goes where the app would go, and
  // a language picked is handed to the app (which stores it as the user's choice).
  shown.addEventListener('click', (event) => {
    // A file chosen in this copy of the import picker would go nowhere once the app replaces
    // it: the picker opens as soon as the app's own is there (within the click's activation).
    // The app renders into this same element: once it runs, its clicks are its own.
    if (document.documentElement.dataset.app === 'running') return;
    if (event.target.closest('input[type="file"]')) {
      event.preventDefault();
      const reopen = () => {
        if (document.documentElement.dataset.app !== 'running') return false;
        document.querySelector('[data-action="import"]')?.click();
        return true;
      };
      const watch = new MutationObserver(() => reopen() && watch.disconnect());
      watch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-app'] });
      return;
    }
    const target = event.target.closest('[data-action="new-assessment"], [data-lang]');
    if (!target) return;
    if (target.dataset.lang) {
      prefetch(target.dataset.lang);
      document.documentElement.dataset.chosenLang = target.dataset.lang;
      show(target.dataset.lang);
    } else {
      location.hash = '#/new';
    }
  });
})();
