// What the extension and the pages ask the network for, and the check that nothing left the
// machine and no CSP report reached the site.

// Chromium only: every request made by a worker of the browser (the extension's service worker
// and any worker it starts), from its first instruction on. A browser-level auto-attach pauses
// each new worker until Network is enabled on it, so not even the start-up fetches are missed.
// The extension's own files are its business; any other URL is something the site, or someone,
// would see. Content scripts fetch through the page, which `newPage` records.
export async function watchWorkers(browser) {
  const requests = [];
  const root = await browser.target().createCDPSession();
  const connection = root.connection();
  root.on('Target.attachedToTarget', async (event) => {
    const worker = connection.session(event.sessionId);
    if (!worker) return;
    const type = event.targetInfo.type;
    worker.on('Network.requestWillBeSent', (e) => requests.push({ url: e.request.url, type, from: event.targetInfo.url }));
    // A paused worker acknowledges Network.enable only once it runs: send it first (so it is
    // on the wire ahead of the resume), and wait for the answer after resuming, or the worker
    // stays paused for good.
    const start = async () => {
      const enabled = worker.send('Network.enable').catch(() => {});
      await worker.send('Runtime.runIfWaitingForDebugger').catch(() => {});
      await enabled;
    };
    // A stopped worker that is woken again (an event for the extension) comes back under the
    // same session, paused once more.
    worker.on('Inspector.targetReloadedAfterCrash', start);
    await start();
  });
  await root.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: true,
    filter: [
      { type: 'service_worker', exclude: false },
      { type: 'worker', exclude: false },
      { type: 'shared_worker', exclude: false },
      { exclude: true },
    ],
  });
  return {
    requests,
    supported: true,
    stop: () => root.detach().catch(() => {}),
  };
}

export function watchExtensionNetwork(session) {
  const watch = session.workerNetwork;
  if (!watch) return { requests: [], supported: false, foreign: () => [], stop: async () => {} };
  const prefix = `chrome-extension://${session.extensionId}/`;
  return { ...watch, foreign: () => watch.requests.filter((r) => !r.url.startsWith(prefix)) };
}

// ---- Nothing leaked ------------------------------------------------------------------------

export function mark(server) {
  return { reports: server.cspReports.length, requests: server.requests.length };
}

// On LinkedIn a CSP report or an odd request is the site learning that the extension is there
// (or worse, what the user typed). Everything the server saw since `since` must be what the
// fixture pages fetch by themselves, every request the tabs made must go to the fixture server,
// and (Chromium) the extension's own contexts must have fetched nothing but their own files.
export async function assertNothingLeaked({ server, since, tabs, network, kind }) {
  // Reports are sent asynchronously after the violation.
  await new Promise((r) => setTimeout(r, 300));
  const reports = server.cspReports.slice(since.reports).map((r) => r.report);
  if (reports.length) throw new Error(`${kind}: ${reports.length} CSP report(s) reached the server: ${JSON.stringify(reports).slice(0, 2000)}`);
  const recent = server.requests.slice(since.requests);
  if (!recent.some((r) => r.kind === '.html')) throw new Error(`${kind}: the server saw no page load at all; the log is not being recorded`);
  const unexpected = server.unexpected().filter((r) => recent.includes(r));
  if (unexpected.length) throw new Error(`${kind}: requests no fixture page makes: ${JSON.stringify(unexpected, null, 1).slice(0, 2000)}`);
  const foreignFromTabs = tabs.flatMap((t) => t.requests).filter((url) => !url.startsWith(server.origin + '/') && !/^(?:about|data):/.test(url));
  if (foreignFromTabs.length) throw new Error(`${kind}: the tabs requested URLs off the fixture server: ${foreignFromTabs.join(', ')}`);
  if (network?.supported) {
    const foreign = network.foreign();
    if (foreign.length) throw new Error(`${kind}: the extension's own contexts fetched: ${foreign.map((r) => r.url).join(', ')}`);
  }
  const own = recent.filter((r) => r.kind !== 'proxied').length;
  const housekeeping = server.browserOwn().filter((r) => recent.includes(r)).length;
  const workers = network?.supported ? `${network.requests.length} from the extension's worker, all its own files` : 'extension worker not observable here (its off-machine requests would reach the proxy)';
  return `network ${kind}: ${own} page requests, all the fixtures' own; ${workers}; ${housekeeping} browser housekeeping requests ignored; 0 CSP reports`;
}
