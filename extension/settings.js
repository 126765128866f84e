// The writer's settings, shared by the options page, the popup and the content script. Kept in
// storage.local: nothing here leaves the browser.
//
//   settings: { sender_name, sender_role, limit: 'auto' | 200 | 300, expecting, disabled_rules }
//   paused:   true while the writer has paused the coach on LinkedIn

(function (U) {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  const DEFAULTS = Object.freeze({
    sender_name: '',
    sender_role: '',
    limit: 'auto',
    expecting: false,
    disabled_rules: [],
  });

  function clean(raw) {
    const s = { ...DEFAULTS, ...(raw && typeof raw === 'object' ? raw : {}) };
    return {
      sender_name: String(s.sender_name ?? '').slice(0, 100),
      sender_role: String(s.sender_role ?? '').slice(0, 120),
      limit: s.limit === 200 || s.limit === 300 ? s.limit : 'auto',
      expecting: s.expecting === true,
      disabled_rules: Array.isArray(s.disabled_rules) ? s.disabled_rules.filter((r) => typeof r === 'string') : [],
    };
  }

  async function load() {
    const stored = await api.storage.local.get(['settings', 'paused']);
    return { settings: clean(stored.settings), paused: stored.paused === true };
  }

  function saveSettings(settings) {
    return api.storage.local.set({ settings: clean(settings) });
  }

  function setPaused(paused) {
    return api.storage.local.set({ paused: Boolean(paused) });
  }

  // Calls back with the new state whenever another page changes it.
  function watch(callback) {
    const listener = (changes, area) => {
      if (area === 'local' && (changes.settings || changes.paused)) load().then(callback, () => {});
    };
    api.storage.onChanged.addListener(listener);
    return () => api.storage.onChanged.removeListener(listener);
  }

  // What the settings add to the engine's context; the page's own limit stands unless overridden.
  function contextFrom(settings, pageContext) {
    const ctx = { ...pageContext };
    if (settings.sender_name) ctx.sender_name = settings.sender_name;
    if (settings.sender_role) ctx.sender_role = settings.sender_role;
    if (settings.limit !== 'auto') ctx.limit = settings.limit;
    ctx.expecting = settings.expecting;
    ctx.disabled_rules = settings.disabled_rules;
    return ctx;
  }

  U.settings = { DEFAULTS, load, saveSettings, setPaused, watch, contextFrom };
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
