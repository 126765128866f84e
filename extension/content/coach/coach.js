// The coach: what the writer sees under the note box. It knows nothing about LinkedIn or the
// extension APIs (it is given a textarea, a way to analyse text and a stylesheet), so the
// playground page reuses it with the wasm loaded directly. This file joins its parts, each a
// file of its own in this folder, loaded before it:
//
//   dom.js       building elements, clamping spans
//   strings.js   the English strings (written by the build from _locales/en/messages.json)
//   edit.js      the one way the text changes: applyEdit
//   rewrites.js  when to ask for rewrites, which answer is current, where focus may go
//   overlay.js   the marks over the text: mirror, layout, scroll sync
//   panel.js     verdict, checklist, findings, rewrites list, and the handlers of its buttons
//
//   const coach = Uncanned.coach.attach(textarea, {
//     analyze: async (text, context) => report,   // null/undefined = superseded, ignore
//     suggest: async (text, context) => ({ suggestions }), // optional: rewrites
//     openSettings: () => {},                     // optional: a "Settings" button
//     getContext: () => ({ recipient, limit }),   // optional
//     css: '…coach.css text…',
//     placeAfter: element,                        // or placeWithin: element; default after the textarea
//     messages: (key, subs) => string,            // optional; English built in
//   });
//   coach.update(); coach.setTheme('dark'); coach.destroy();
//
// Contract relied on by the browser tests: the host element has `data-uncanned-coach` and
// `data-uncanned-verdict`; in its open shadow root each finding has `data-rule`, and each
// one-click edit is a `<button data-action="apply">`. Rewrites live in `[data-suggestions]`, one
// `[data-intent]` item each, with their own `data-action="apply"` button.

(function (U) {
  'use strict';

  const parts = U.coachParts;
  const SEVERITY_RANK = parts.overlay.SEVERITY_RANK;

  // Screen readers should hear where the writer ended up, not every keystroke's verdict.
  const ANNOUNCE_DELAY_MS = 1200;
  // The longest note the coach sends to be checked, in UTF-16 code units; the background refuses
  // longer strings (extension/README.md, "Messages"). Beyond it the coach says so by itself.
  const MAX_TEXT_LENGTH = 100000;
  // The panel lists at most this many findings, most severe first, and marks only those.
  const MAX_SHOWN = 12;
  // How many UTF-16 units of a finding's words tell it apart from another of the same rule.
  const KEY_QUOTE = 200;

  function englishMessage(key, subs) {
    const text = U.coachStrings?.[key] ?? key;
    return text.replace(/\$(\d)/g, (_, n) => String(subs?.[n - 1] ?? ''));
  }

  // Every step runs even if one before it throws (an extension reloaded under the page takes its
  // APIs with it mid-teardown). → the errors, for a caller that wants them; teardown goes on.
  function runAll(steps) {
    const errors = [];
    for (const step of steps) {
      try {
        step();
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }

  function attach(textarea, options) {
    if (!(textarea instanceof HTMLTextAreaElement)) throw new TypeError('attach needs a textarea');
    if (typeof options?.analyze !== 'function') throw new TypeError('attach needs options.analyze');

    const analyze = options.analyze;
    const suggest = typeof options.suggest === 'function' ? options.suggest : null;
    const openSettings = typeof options.openSettings === 'function' ? options.openSettings : null;
    const getContext = typeof options.getContext === 'function' ? options.getContext : () => undefined;
    const msg = typeof options.messages === 'function'
      ? (key, subs) => options.messages(key, subs) || englishMessage(key, subs)
      : englishMessage;
    // Dismissals outlive this coach when the caller keeps the set (e.g. one per dialog).
    const dismissed = options.dismissed instanceof Set ? options.dismissed : new Set();
    const maxTextLength = Number.isInteger(options.maxTextLength) ? options.maxTextLength : MAX_TEXT_LENGTH;

    // Everything this coach listens to or waits for hangs off this one signal.
    const life = new AbortController();
    const signal = life.signal;
    const timers = new Set();
    const later = (fn, ms) => {
      const id = setTimeout(() => { timers.delete(id); if (!signal.aborted) fn(); }, ms);
      timers.add(id);
      return id;
    };
    const cancel = (id) => { clearTimeout(id); timers.delete(id); };

    let report = null;
    let reportText = '';
    let status = 'pending';
    let activeKey = null;
    let shownFindings = [];
    let inFlight = false;
    let queued = false;
    let announceTimer = 0;
    let announced = null;
    let suggestTimer = 0;
    const rewrites = parts.rewrites.create();

    const host = parts.el('uncanned-coach', { 'data-uncanned-coach': '', 'data-theme': options.theme || 'auto' });
    const root = host.attachShadow({ mode: 'open' });
    const overlay = parts.overlay.create({ textarea, host, signal });
    const panel = parts.panel.create({
      root,
      textarea,
      msg,
      signal,
      withRewrites: Boolean(suggest),
      withSettings: Boolean(openSettings),
      actions: {
        fix: applyFix,
        dismiss(entry) {
          dismissed.add(entry.dismissKey);
          if (activeKey === entry.key) activeKey = null;
          render();
        },
        use: useRewrite,
        ask({ fromKeyboard }) {
          rewrites.ask({ fromKeyboard });
          fetchRewrites();
          renderRewrites();
        },
        settings() { openSettings?.(); },
        active(key) {
          if (activeKey === key) return;
          activeKey = key;
          overlay.paint(activeKey);
          panel.paintActive(activeKey);
        },
      },
    });
    root.append(parts.el('style', { text: options.css || '' }), overlay.element, panel.element, panel.live);

    if (options.placeWithin instanceof Element) options.placeWithin.append(host);
    else (options.placeAfter instanceof Element ? options.placeAfter : textarea).after(host);

    // ---- Rendering -------------------------------------------------------------------------

    // A finding is known again by its rule and the words it covers, the first KEY_QUOTE of them:
    // a finding over most of a pasted note (over-limit) would otherwise be copied whole into its
    // key, and hashed, on every keystroke.
    function findingKey(f, text) {
      const { start, end } = parts.clampSpan(f.span, text.length);
      return `${f.rule}\u0000${text.slice(start, Math.min(end, start + KEY_QUOTE))}`;
    }

    function visibleFindings() {
      if (status !== 'ok' || !Array.isArray(report?.findings)) return [];
      const seen = new Map();
      const list = [];
      for (const f of report.findings) {
        if (!f || typeof f.rule !== 'string') continue;
        const base = findingKey(f, reportText);
        if (dismissed.has(base)) continue;
        // The same rule on the same words twice needs two keys for the keyed list.
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        list.push({ finding: f, dismissKey: base, key: `${base}\u0000${n}` });
      }
      list.sort((a, b) =>
        (SEVERITY_RANK[a.finding.severity] ?? 9) - (SEVERITY_RANK[b.finding.severity] ?? 9) ||
        (a.finding.span?.start ?? 0) - (b.finding.span?.start ?? 0));
      return list.slice(0, MAX_SHOWN);
    }

    function render() {
      shownFindings = visibleFindings();
      const verdict = panel.renderVerdict(report, status);
      if (verdict) host.setAttribute('data-uncanned-verdict', verdict);
      else host.removeAttribute('data-uncanned-verdict');
      host.setAttribute('data-uncanned-status', status);
      // Which text this is the analysis of, for anything timing the coach against the keys.
      host.setAttribute('data-uncanned-length', String(reportText.length));
      panel.renderChecklist(status === 'ok' ? report : null);
      panel.renderFindings(shownFindings, reportText);
      if (activeKey && !panel.hasFinding(activeKey)) activeKey = null;
      panel.paintActive(activeKey);
      if (shownFindings.length) overlay.draw(reportText, shownFindings, activeKey);
      else overlay.clear();
      renderRewrites();
      if (verdict) scheduleAnnouncement(verdict);
    }

    function scheduleAnnouncement(verdict) {
      cancel(announceTimer);
      announceTimer = later(() => {
        if (verdict === announced || report?.verdict !== verdict || status !== 'ok') return;
        announced = verdict;
        panel.announce(msg('announce', [msg('verdict_' + verdict)]));
      }, ANNOUNCE_DELAY_MS);
    }

    // ---- Rewrites ---------------------------------------------------------------------------

    // Runs with every report, so it only decides; fetching waits for a pause.
    function renderRewrites() {
      if (!suggest) return;
      const { clear, fetch, wanted } = rewrites.report(status === 'ok' ? reportText : '', status === 'ok' ? report?.verdict : null);
      if (clear) panel.setRewrites([]);
      if (!wanted) cancel(suggestTimer);
      if (fetch) {
        cancel(suggestTimer);
        suggestTimer = later(fetchRewrites, parts.rewrites.DELAY_MS);
      }
      panel.showRewrites(rewrites.view(status === 'ok' && report != null));
    }

    async function fetchRewrites() {
      cancel(suggestTimer);
      if (signal.aborted || !suggest) return;
      const text = textarea.value;
      const ticket = rewrites.begin();
      let answer;
      try {
        answer = await suggest(text, getContext());
      } catch {
        if (!signal.aborted && rewrites.failed(ticket)) renderRewrites();
        return;
      }
      if (signal.aborted) return;
      const arrived = rewrites.arrived(ticket, text, answer);
      if (!arrived) return;
      panel.setRewrites(arrived.list);
      renderRewrites();
      if (!arrived.asked) return;
      // Asked for from the keyboard, and nothing happened since: the answer is where focus goes
      // next. Otherwise the writer is told it is there, and their focus stays where it is.
      const focusUntouched = root.activeElement === null && textarea.getRootNode().activeElement === textarea;
      if (arrived.focusFirst && focusUntouched && textarea.value === text) panel.focusFirstRewrite();
      else if (arrived.list.length) panel.announce(msg('rewrites_ready'));
    }

    function useRewrite(index) {
      const s = rewrites.use(index);
      if (!s) return;
      // What the list shows is what goes in, even if the writer typed since it was made: the
      // rewrite replaces the whole note, and Ctrl+Z brings theirs back.
      if (!edit(0, textarea.value.length, s.text)) return;
      // The first slot selected: the writer types straight over it.
      const first = Array.isArray(s.slots) ? s.slots[0] : null;
      if (first && textarea.value === s.text) {
        const { start, end } = parts.clampSpan(first, s.text.length);
        textarea.setSelectionRange(start, end);
      }
      textarea.focus({ preventScroll: true });
    }

    // ---- Edits ------------------------------------------------------------------------------

    function edit(start, end, replacement) {
      const result = parts.applyEdit(textarea, start, end, replacement);
      panel.setNotice(result.ok ? '' : msg('edit_refused'));
      if (!result.ok) panel.announce(msg('edit_refused'));
      return result.ok;
    }

    function applyFix(entry, index) {
      const fix = entry.finding.fixes?.[index];
      if (!fix || typeof fix.replacement !== 'string') return;
      // The fix's offsets belong to the text it was computed for; if the writer has typed
      // since, a fresh report (with fresh offsets) is on its way instead.
      if (textarea.value !== reportText) { update(); return; }
      const { start, end } = parts.clampSpan(fix.span, reportText.length);
      edit(start, end, fix.replacement);
    }

    // ---- Analysis --------------------------------------------------------------------------

    // At most one analysis in flight: text typed meanwhile waits, and only the newest text is
    // sent when the answer comes, however many keystrokes came in between.
    function update() {
      if (signal.aborted) return;
      if (inFlight) { queued = true; return; }
      analyzeNow();
    }

    async function analyzeNow() {
      const text = textarea.value;
      if (text === '') {
        dismissed.clear();
        rewrites.emptied();
      }
      if (text.length > maxTextLength) {
        // Said here, without a round trip: the background would refuse it anyway.
        status = 'too_long';
        report = null;
        reportText = text;
        render();
        return;
      }
      inFlight = true;
      let result;
      let failed = false;
      try {
        result = await analyze(text, getContext());
      } catch {
        failed = true;
      }
      inFlight = false;
      if (signal.aborted) return;
      if (failed) {
        // Marks and fixes for a note the engine no longer vouches for would mislead.
        status = 'away';
        report = null;
        reportText = text;
        render();
      } else if (result != null) {
        status = 'ok';
        report = result;
        reportText = text;
        render();
      }
      if (queued) {
        queued = false;
        analyzeNow();
      }
    }

    // The caller's update(): the context changed (recipient, limit, language), and rewrites on
    // screen greet, fit and speak for the old one.
    function refresh() {
      rewrites.contextChanged();
      update();
    }

    textarea.addEventListener('input', () => {
      panel.setNotice('');
      update();
    }, { signal });
    textarea.addEventListener('keydown', (e) => {
      if (e.isTrusted) rewrites.keyPressed();
    }, { signal });

    function destroy() {
      if (signal.aborted) return;
      runAll([
        () => life.abort(),
        () => { for (const id of timers) clearTimeout(id); timers.clear(); },
        () => host.remove(),
      ]);
    }

    function setTheme(theme) {
      const value = theme === 'dark' || theme === 'light' ? theme : 'auto';
      if (host.getAttribute('data-theme') !== value) host.setAttribute('data-theme', value);
    }

    update();

    return {
      host,
      textarea,
      update: refresh,
      setTheme,
      destroy,
      get report() { return report; },
      get destroyed() { return signal.aborted; },
    };
  }

  // The playground puts its examples in through the same path as a fix; it has no panel to say
  // why an edit did not go in, so it gets the plain answer.
  function applyEdit(textarea, start, end, replacement) {
    return parts.applyEdit(textarea, start, end, replacement).ok;
  }

  U.coach = { attach, applyEdit, runAll, MAX_TEXT_LENGTH };
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
