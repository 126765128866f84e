// Wires the site adapter to the coach and the engine client: exactly one coach per visible note
// box, gone when the box is replaced (era C's stage switch) or the dialog closes.

(function (U) {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;
  const site = U.linkedin;

  // A page whose framework keeps removing our host would otherwise get a fresh coach each frame.
  const MAX_REATTACH = 10;

  const coaches = new Map(); // textarea → { coach, contextKey, context }
  const ownHosts = new WeakSet();
  // Dismissed findings belong to the dialog: they survive a re-render of the box, not a new dialog.
  const dismissedByDialog = new WeakMap();
  const reattached = new WeakMap();

  // The stylesheet's retries: soon at first, then less often, never given up for good (the
  // next change on the page tries again once the wait is over).
  const CSS_RETRY_MS = [250, 1000, 4000, 15000];
  let css = null;
  let cssPending = false;
  let cssFailures = 0;
  let cssRetryAt = 0;
  let cssRetryTimer = 0;
  let stopWatching = null;
  // The writer's settings; nothing attaches until they are known, so a paused coach never flashes.
  let state = null;

  // Each render asks for a dozen strings (the checklist's states, the verdict) and each call into
  // the extension API is far dearer than a lookup here; they cannot change while the page lives.
  // Strings with substitutions are asked for each time.
  const plainMessages = new Map();
  function messages(key, substitutions) {
    if (!substitutions?.length && plainMessages.has(key)) return plainMessages.get(key);
    let text;
    try {
      text = api.i18n.getMessage(`coach_${key}`, substitutions?.map(String));
    } catch {
      return '';
    }
    if (!substitutions?.length && text) plainMessages.set(key, text);
    return text;
  }

  // The language of the extension's own strings, so the engine's messages match the coach
  // around them. Neither getUILanguage nor @@ui_locale says it reliably: Chromium started with
  // --lang=de shows German strings and still reports en-US.
  // Asked once: it is fixed while the browser runs, and each keystroke's context needs it.
  let uiLang;
  function uiLanguage() {
    if (uiLang) return uiLang;
    try {
      uiLang = api.i18n.getMessage('ui_lang') || api.i18n.getUILanguage();
    } catch {
      return undefined;
    }
    return uiLang;
  }

  function dismissedFor(box) {
    const owner = box.dialog || box.textarea;
    let set = dismissedByDialog.get(owner);
    if (!set) dismissedByDialog.set(owner, (set = new Set()));
    return set;
  }

  // A previous copy of this script (the extension was reloaded or updated under the page) may
  // have left its coach behind; it can no longer reach the engine.
  function removeStrayHosts(box) {
    const scope = box.dialog || box.textarea.parentNode;
    for (const host of scope?.querySelectorAll?.('[data-uncanned-coach]') ?? []) {
      if (!ownHosts.has(host)) host.remove();
    }
  }

  function attach(box) {
    if ((reattached.get(box.textarea) ?? 0) > MAX_REATTACH) return;
    removeStrayHosts(box);
    const client = U.createEngineClient();
    const entry = { context: box.context, contextKey: JSON.stringify(box.context), coach: null };
    entry.coach = U.coach.attach(box.textarea, {
      analyze: (text, context) => client.analyze(text, context),
      suggest: (text, context) => client.suggest(text, context),
      openSettings: () => { U.openSettings().catch(() => {}); },
      // The engine writes its messages in the browser's language, whatever the note's.
      getContext: () => U.settings.contextFrom(state.settings, { ...entry.context, lang: uiLanguage() }),
      placeAfter: box.placeAfter,
      css,
      theme: site.theme(),
      messages,
      dismissed: dismissedFor(box),
    });
    ownHosts.add(entry.coach.host);
    coaches.set(box.textarea, entry);
  }

  function detach(textarea) {
    const entry = coaches.get(textarea);
    coaches.delete(textarea);
    entry?.coach.destroy();
  }

  function detachAll() {
    U.coach.runAll([...coaches.keys()].map((textarea) => () => detach(textarea)));
  }

  // Runs when the extension was reloaded or updated under the page: its APIs may throw from here
  // on, and each step must still run, above all the coaches' removal.
  function teardown() {
    clearTimeout(cssRetryTimer);
    U.coach.runAll([
      () => stopWatching?.(),
      () => stopSettings?.(),
      detachAll,
    ]);
    stopWatching = null;
  }

  // → whether a note box is on the page (the watcher keeps a close eye on it while one is).
  function sync() {
    if (!U.extensionAlive()) {
      teardown();
      return false;
    }
    if (!state || state.paused) {
      detachAll();
      return false;
    }
    const boxes = site.scan();
    const present = new Set(boxes.map((box) => box.textarea));

    for (const [textarea, entry] of coaches) {
      if (!present.has(textarea)) {
        detach(textarea);
      } else if (!entry.coach.host.isConnected) {
        // The page re-rendered around the box and dropped our host: attach again below.
        reattached.set(textarea, (reattached.get(textarea) ?? 0) + 1);
        detach(textarea);
      }
    }
    if (!boxes.length) return false;

    // The stylesheet comes from the background (content scripts cannot read extension files
    // without exposing them to the page); it is fetched when the first box appears. Without it
    // the coach would show its mirror of the note as plain text, so no coach attaches until it
    // is here.
    if (css === null) {
      if (!cssPending && performance.now() >= cssRetryAt) {
        cssPending = true;
        U.loadCoachCss().then(
          (text) => { css = text; },
          () => {
            const wait = CSS_RETRY_MS[Math.min(cssFailures++, CSS_RETRY_MS.length - 1)];
            cssRetryAt = performance.now() + wait;
            clearTimeout(cssRetryTimer);
            cssRetryTimer = setTimeout(sync, wait);
          },
        ).finally(() => {
          cssPending = false;
          if (css !== null) sync();
        });
      }
      return true;
    }

    const theme = site.theme();
    for (const box of boxes) {
      const entry = coaches.get(box.textarea);
      if (!entry) {
        attach(box);
        continue;
      }
      entry.coach.setTheme(theme);
      const key = JSON.stringify(box.context);
      if (key !== entry.contextKey) {
        // A different recipient or limit changes the verdict even if the note did not change.
        entry.context = box.context;
        entry.contextKey = key;
        entry.coach.update();
      }
    }
    return true;
  }

  // The popup asks whether this page has a note box, and whether the coach is paused.
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (message?.type !== 'status' || sender.id !== api.runtime.id) return false;
    sendResponse({ ...site.status(), paused: Boolean(state?.paused) });
    return false;
  });

  function applySettings(next) {
    const settingsChanged = JSON.stringify(next.settings) !== JSON.stringify(state?.settings);
    state = next;
    sync();
    // Options changed in another tab reach an open dialog at once: same note, new context.
    if (settingsChanged) for (const { coach } of coaches.values()) coach.update();
  }

  const stopSettings = U.settings.watch(applySettings);
  U.settings.load().then(applySettings, () => applySettings({ settings: U.settings.DEFAULTS, paused: false }));
  stopWatching = site.watch(sync);
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
