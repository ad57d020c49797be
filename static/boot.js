// Appended by scripts/postbuild.mjs to trunk's start-up module (moved out of index.html so the
// Content-Security-Policy can forbid inline scripts). Registers the offline service worker and
// bridges its "new version waiting" state to the app, which offers "Reload to update".

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  let updateRequested = false;
  const offer = (worker) => {
    window.__rapportWaitingWorker = worker;
    window.__rapportUpdateReady = true;
    dispatchEvent(new CustomEvent('rapport-update-ready'));
  };
  // Relative URL: the worker's scope is the app's own folder, so any sub-path works.
  navigator.serviceWorker
    .register('./sw.js')
    .then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          // Only an update (a page already controlled) is offered; the first install is silent.
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
    })
    .catch((error) => console.warn('Rapport: offline support unavailable:', error));
  addEventListener('rapport-apply-update', () => {
    updateRequested = true;
    window.__rapportWaitingWorker?.postMessage('skip-waiting');
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (updateRequested) location.reload();
  });
}
