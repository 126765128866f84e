// Chromium only: how much of the page's main thread the extension's content scripts take, from
// V8's sampling profiler over the DevTools protocol. A sample counts as the extension's when any
// frame on its stack is one of the extension's scripts, so the browser work those scripts cause
// synchronously (a layout forced by reading geometry, a style recalculation) counts as theirs.
// Firefox's WebDriver BiDi offers no profiler.

// → { result: what `during` returned, totalMs, longestMs: the longest unbroken stretch of the
// extension's script, top: [[function url:line, ms]] the most costly, by self time }.
export async function extensionScriptTime(page, extensionId, during, { intervalUs = 100 } = {}) {
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  let result;
  let profile;
  try {
    result = await during();
  } finally {
    ({ profile } = await cdp.send('Profiler.stop'));
    await cdp.send('Profiler.disable');
    await cdp.detach();
  }
  return { result, ...extensionShare(profile, `chrome-extension://${extensionId}/`) };
}

// `profile`: a Profiler.Profile. Each sample lasts until the next one.
export function extensionShare(profile, prefix) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = new Map();
  const isOurs = (id) => {
    if (ours.has(id)) return ours.get(id);
    const node = byId.get(id);
    const up = parent.get(id);
    const yes = Boolean(node?.callFrame.url.startsWith(prefix)) || (up !== undefined && isOurs(up));
    ours.set(id, yes);
    return yes;
  };
  const self = new Map();
  let totalUs = 0;
  let runUs = 0;
  let longestUs = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const us = timeDeltas[i + 1] ?? 0;
    if (!isOurs(samples[i])) {
      runUs = 0;
      continue;
    }
    totalUs += us;
    runUs += us;
    longestUs = Math.max(longestUs, runUs);
    // A native frame is named with the script's function that called it: the browser's own
    // names for its extension bindings say little (one function serves many APIs).
    let node = byId.get(samples[i]);
    let native = '';
    while (!node.callFrame.url && parent.has(node.id)) {
      native ||= node.callFrame.functionName || '(native)';
      node = byId.get(parent.get(node.id));
    }
    const f = node.callFrame;
    const name = `${native ? `native code from ` : ''}${f.functionName || '(anonymous)'} ${f.url.replace(prefix, '')}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + us);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, us]) => [name, us / 1000]);
  return { totalMs: totalUs / 1000, longestMs: longestUs / 1000, top };
}
