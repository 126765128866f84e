// One `describe` block's browser: its hooks for node:test.

import { before, after, beforeEach } from 'node:test';
import { launch } from './launch.mjs';
import { newPage } from './page.mjs';
import { mark, watchExtensionNetwork } from './leaks.mjs';
import { seconds } from './report.mjs';

// Registers the hooks of one `describe` block: a browser (with the extension unless told
// otherwise), one tab, and the network watch, all closed afterwards whatever happened. A set-up
// failure (no build, a browser that won't start) is rethrown by every test through `ctx.tab()`,
// so each one fails with the reason instead of merely being cancelled.
export function useBrowser(kind, { extension = true, server, timings, firefoxPrefs, chromiumArgs }) {
  const ctx = { kind, session: null, network: null, since: null, error: null };
  let tab = null;
  let started = 0;
  before(async () => {
    started = performance.now();
    ctx.since = mark(server);
    try {
      ctx.session = await launch(kind, { extension, proxyPort: server.port, firefoxPrefs, chromiumArgs });
      ctx.network = watchExtensionNetwork(ctx.session);
      tab = await newPage(ctx.session);
    } catch (error) {
      ctx.error = error;
    }
  });
  after(async () => {
    await ctx.network?.stop();
    await ctx.session?.close();
    timings?.push(`${kind} ${seconds(performance.now() - started)}${ctx.session ? ` (launch ${seconds(ctx.session.timings.launch)})` : ', not started'}`);
  });
  // Each test answers for the errors raised while it ran.
  beforeEach(() => {
    if (tab) tab.errors.length = 0;
  });
  ctx.tab = () => {
    if (ctx.error) throw ctx.error;
    return tab;
  };
  return ctx;
}
