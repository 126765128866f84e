// The coach: what the writer sees under the note box. It knows nothing about LinkedIn or the
// extension APIs — it is given a textarea, a way to analyse text and a stylesheet — so the
// playground page can reuse it with the wasm loaded directly.
//
//   const coach = Uncanned.coach.attach(textarea, {
//     analyze: async (text, context) => report,   // null/undefined = superseded, ignore
//     suggest: async (text, context) => ({ suggestions }), // optional: rewrites
//     openSettings: () => {},                     // optional: a "Settings" button
//     getContext: () => ({ recipient, limit }),   // optional
//     css: '…coach.css text…',
//     placeAfter: element,                        // or placeWithin: element; default after the textarea
//   });
//   coach.update(); coach.setTheme('dark'); coach.destroy();
//
// Contract relied on by the browser tests: the host element has `data-uncanned-coach` and
// `data-uncanned-verdict`; in its open shadow root each finding has `data-rule`, and each
// one-click edit is a `<button data-action="apply">`. Rewrites live in `[data-suggestions]`, one
// `[data-intent]` item each, with their own `data-action="apply"` button.

(function (U) {
  'use strict';

  const VERDICTS = ['canned', 'needs_context', 'personal'];
  const CHECKS = [
    'not_canned',
    'greets_by_name',
    'how_we_know',
    'why_connect',
    'offers_value',
    'within_limit',
    'no_placeholders',
    'spelling_ok',
  ];
  const SEVERITY_RANK = { error: 0, warning: 1, hint: 2 };
  // Screen readers should hear where the writer ended up, not every keystroke's verdict.
  const ANNOUNCE_DELAY_MS = 1200;
  const NEAR_LIMIT = 0.9;

  // English fallback; the extension passes its _locales messages (same keys, "coach_" prefix)
  // through `options.messages`.
  const ENGLISH = {
    region: 'Uncanned note coach',
    verdict_canned: 'Canned',
    verdict_canned_hint: "Reads like LinkedIn's default note.",
    verdict_needs_context: 'Needs context',
    verdict_needs_context_hint: "Say how you know them or why you'd like to connect.",
    verdict_personal: 'Personal',
    verdict_personal_hint: 'Tells them how or why. Good to send.',
    verdict_pending: 'Checking…',
    error: "Couldn't check this note right now.",
    announce: 'Note: $1',
    length: '$1 of $2 characters',
    checklist: 'Checklist',
    check_done: 'done',
    check_missing: 'missing',
    check_not_canned: 'Not canned',
    check_greets_by_name: 'Greets by name',
    check_how_we_know: 'How you know them',
    check_why_connect: 'Why connect',
    check_offers_value: 'Offers something',
    check_within_limit: 'Fits the limit',
    check_no_placeholders: 'No placeholders',
    check_spelling_ok: 'Spelling',
    findings: 'Suggestions for this note',
    dismiss: 'Dismiss for this note',
    severity_error: 'Problem',
    severity_warning: 'Warning',
    severity_hint: 'Tip',
    rewrites: 'Rewrites',
    rewrites_hint: 'Type over the [brackets] with what only you know.',
    rewrite_use: 'Use this',
    rewrite_ask: 'Suggest a rewrite',
    settings: 'Settings',
    intent_met: 'How you met',
    intent_worked_together: 'Working together',
    intent_their_work: 'Their work',
    intent_mutual_connection: 'Someone you both know',
    intent_shared_group: 'A group you share, and why',
    intent_reconnect: 'Reconnecting',
    intent_value_offer: 'What you can offer',
    intent_intent_advice: 'Asking for advice',
    intent_intent_job: 'Looking for work',
    intent_intent_hiring: 'Hiring',
    intent_replace_canned: 'Your note, without the canned line',
  };
  // A fetch that is due waits for the writer to pause: never one per keystroke.
  const SUGGEST_DELAY_MS = 300;

  function englishMessage(key, subs) {
    const text = ENGLISH[key] ?? key;
    return text.replace(/\$(\d)/g, (_, n) => String(subs?.[n - 1] ?? ''));
  }

  // The textarea's own box model and typography, copied onto the mirror so that its words wrap
  // exactly where the textarea's do.
  const MIRRORED = [
    'box-sizing',
    'font-family',
    'font-size',
    'font-style',
    'font-weight',
    'font-stretch',
    'font-variant',
    'font-kerning',
    'font-feature-settings',
    'font-variation-settings',
    'letter-spacing',
    'word-spacing',
    'line-height',
    'text-transform',
    'text-indent',
    'text-align',
    'text-rendering',
    'tab-size',
    'direction',
    'unicode-bidi',
    'padding-top',
    'padding-right',
    'padding-bottom',
    'padding-left',
    'white-space',
    'word-break',
    'overflow-wrap',
    'hyphens',
  ];

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [name, value] of Object.entries(attrs)) {
        if (value === false || value == null) continue;
        if (name === 'text') node.textContent = value;
        else node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    if (children) for (const child of children) if (child) node.append(child);
    return node;
  }

  function clampSpan(span, length) {
    const start = Math.max(0, Math.min(length, span?.start | 0));
    const end = Math.max(start, Math.min(length, span?.end | 0));
    return { start, end };
  }

  // The only way the extension ever changes the writer's text, and only on their click.
  // execCommand keeps the browser's undo stack (Ctrl+Z brings their words back) and fires a real
  // input event, so a framework-controlled page notices: its counter moves, Send enables.
  function applyEdit(textarea, start, end, replacement) {
    const before = textarea.value;
    const expected = before.slice(0, start) + replacement + before.slice(end);
    const doc = textarea.ownerDocument;
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(start, end);
    let done = false;
    try {
      done = replacement === ''
        ? doc.execCommand('delete', false)
        : doc.execCommand('insertText', false, replacement);
    } catch {
      done = false;
    }
    if (done && textarea.value !== before) return true;
    if (expected === before) return true;
    // Without execCommand the page must still hear about the change; the undo stack is lost.
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    setter.call(textarea, expected);
    const caret = start + replacement.length;
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new InputEvent('input', {
      bubbles: true,
      composed: true,
      inputType: 'insertReplacementText',
      data: replacement,
    }));
    textarea.dispatchEvent(new Event('change', { bubbles: true }));
    return false;
  }

  function attach(textarea, options) {
    if (!(textarea instanceof HTMLTextAreaElement)) throw new TypeError('attach needs a textarea');
    if (typeof options?.analyze !== 'function') throw new TypeError('attach needs options.analyze');

    const analyze = options.analyze;
    const getContext = typeof options.getContext === 'function' ? options.getContext : () => undefined;
    const msg = typeof options.messages === 'function'
      ? (key, subs) => options.messages(key, subs) || englishMessage(key, subs)
      : englishMessage;
    // Dismissals outlive this coach when the caller keeps the set (e.g. one per dialog).
    const dismissed = options.dismissed instanceof Set ? options.dismissed : new Set();

    let destroyed = false;
    let report = null;
    let reportText = '';
    let requested = 0;
    let shown = 0;
    let activeKey = null;
    let announceTimer = 0;
    let announced = null;
    let layoutFrame = 0;
    const findingNodes = new Map();
    const suggestFn = typeof options.suggest === 'function' ? options.suggest : null;
    let suggestions = null; // { text, list, quotesNote } on screen, or null
    let suggestAsked = false;
    let suggestDue = false;
    let suggestTimer = 0;
    let suggestRequested = 0;
    // The verdict that last made rewrites show unasked; a new one fetches afresh.
    let rewriteVerdict = null;
    // A rewrite just put in: its own verdict is no reason to replace the list it came from.
    let usedText = null;
    let focusRewritesOnArrival = false;

    const host = el('uncanned-coach', { 'data-uncanned-coach': '', 'data-theme': options.theme || 'auto' });
    const root = host.attachShadow({ mode: 'open' });
    const style = el('style', { text: options.css || '' });

    const overlay = el('div', { class: 'overlay', 'aria-hidden': 'true' });
    const clip = el('div', { class: 'clip' });
    const mirror = el('div', { class: 'mirror' });
    clip.append(mirror);
    overlay.append(clip);

    const verdictDot = el('span', { class: 'dot', 'aria-hidden': 'true' });
    const verdictLabel = el('strong', { class: 'verdict-label', text: msg('verdict_pending') });
    const verdictHint = el('span', { class: 'verdict-hint' });
    const lengthEl = el('span', { class: 'length' });
    const verdictRow = el('div', { class: 'verdict', 'data-verdict': 'pending' }, [
      verdictDot, verdictLabel, verdictHint, lengthEl,
    ]);
    const checklist = el('ul', { class: 'checklist', 'aria-label': msg('checklist') });
    const checkNodes = new Map();
    for (const key of CHECKS) {
      const state = el('span', { class: 'sr-only' });
      const item = el('li', { 'data-check': key, 'data-ok': 'false' }, [
        el('span', { class: 'mark', 'aria-hidden': 'true' }),
        el('span', { text: msg('check_' + key) }),
        state,
      ]);
      checkNodes.set(key, { item, state });
      checklist.append(item);
    }
    const findingsList = el('ul', { class: 'findings', 'aria-label': msg('findings') });
    const live = el('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    const askButton = el('button', { type: 'button', class: 'ask', 'data-action': 'suggest', text: msg('rewrite_ask') });
    const rewritesList = el('ol', { class: 'rewrite-list' });
    const rewrites = el('section', { class: 'rewrites', 'data-suggestions': '', 'aria-label': msg('rewrites') }, [
      el('h3', { text: msg('rewrites') }),
      el('p', { class: 'rewrites-hint', text: msg('rewrites_hint') }),
      rewritesList,
    ]);
    rewrites.hidden = true;
    askButton.hidden = true;
    const openSettings = typeof options.openSettings === 'function' ? options.openSettings : null;
    const settingsButton = openSettings
      ? el('button', { type: 'button', class: 'settings', 'data-action': 'settings', text: msg('settings') })
      : null;
    const panel = el('div', { class: 'panel', role: 'region', 'aria-label': msg('region') }, [
      verdictRow, checklist, findingsList, askButton, rewrites, settingsButton,
    ]);
    root.append(style, overlay, panel, live);

    if (options.placeWithin instanceof Element) options.placeWithin.append(host);
    else (options.placeAfter instanceof Element ? options.placeAfter : textarea).after(host);

    // ---- Rendering -------------------------------------------------------------------------

    function findingKey(f, text) {
      const { start, end } = clampSpan(f.span, text.length);
      return `${f.rule}\u0000${text.slice(start, end)}`;
    }

    function visibleFindings() {
      if (!report || !Array.isArray(report.findings)) return [];
      const seen = new Map();
      const list = [];
      for (const f of report.findings) {
        if (!f || typeof f.rule !== 'string') continue;
        const base = findingKey(f, reportText);
        if (dismissed.has(base)) continue;
        // The same rule on the same words twice needs two keys for the keyed list below.
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        list.push({ finding: f, dismissKey: base, key: `${base}\u0000${n}` });
      }
      list.sort((a, b) =>
        (SEVERITY_RANK[a.finding.severity] ?? 9) - (SEVERITY_RANK[b.finding.severity] ?? 9) ||
        (a.finding.span?.start ?? 0) - (b.finding.span?.start ?? 0));
      return list;
    }

    function renderVerdict() {
      const verdict = VERDICTS.includes(report?.verdict) ? report.verdict : null;
      if (verdict) host.setAttribute('data-uncanned-verdict', verdict);
      verdictRow.dataset.verdict = verdict || 'pending';
      verdictLabel.textContent = verdict ? msg('verdict_' + verdict) : msg('verdict_pending');
      verdictHint.textContent = verdict ? msg(`verdict_${verdict}_hint`) : '';
      const used = report?.length?.used;
      const limit = report?.length?.limit;
      // The site shows its own counter; ours speaks up only when the limit is close.
      if (Number.isFinite(used) && Number.isFinite(limit) && used >= limit * NEAR_LIMIT) {
        lengthEl.textContent = `${used}/${limit}`;
        lengthEl.setAttribute('aria-label', msg('length', [used, limit]));
        lengthEl.dataset.over = String(used > limit);
      } else {
        lengthEl.textContent = '';
        lengthEl.removeAttribute('aria-label');
      }
      if (verdict) scheduleAnnouncement(verdict);
    }

    function renderChecklist() {
      const checks = report?.checklist || {};
      for (const [key, { item, state }] of checkNodes) {
        const ok = checks[key] === true;
        item.dataset.ok = String(ok);
        state.textContent = `: ${msg(ok ? 'check_done' : 'check_missing')}`;
      }
    }

    function buildFinding(entry) {
      const f = entry.finding;
      const severity = SEVERITY_RANK[f.severity] !== undefined ? f.severity : 'hint';
      const { start, end } = clampSpan(f.span, reportText.length);
      const quote = reportText.slice(start, end).trim();
      const fixes = Array.isArray(f.fixes) ? f.fixes : [];
      const body = el('div', { class: 'body' }, [
        el('p', { class: 'message' }, [
          el('span', { class: 'sr-only', text: `${msg('severity_' + severity)}: ` }),
          document.createTextNode(String(f.message ?? '')),
        ]),
        // The words in question, unless the message already quotes them or they are the whole note.
        quote && quote.length < reportText.trim().length && !String(f.message ?? '').includes(quote)
          ? el('q', { class: 'quote', text: quote })
          : null,
        fixes.length
          ? el('div', { class: 'fixes' }, fixes.map((fix, i) =>
            el('button', {
              type: 'button',
              'data-action': 'apply',
              'data-fix': i,
              title: typeof fix?.replacement === 'string' && fix.replacement
                ? `→ ${fix.replacement}`
                : null,
              text: String(fix?.label ?? fix?.replacement ?? ''),
            })))
          : null,
      ]);
      const li = el('li', {
        class: 'finding',
        'data-rule': f.rule,
        'data-severity': severity,
        'data-key': entry.key,
      }, [
        el('span', { class: 'sev', 'aria-hidden': 'true' }),
        body,
        el('button', {
          type: 'button',
          class: 'dismiss',
          'data-action': 'dismiss',
          'aria-label': msg('dismiss'),
          title: msg('dismiss'),
          text: '×',
        }),
      ]);
      li._entry = entry;
      return li;
    }

    function renderFindings(list) {
      // Keyed so that a finding under the pointer or keyboard survives the next keystroke.
      const next = new Map();
      let cursor = findingsList.firstChild;
      for (const entry of list) {
        // Offsets move as the writer types; only a changed message or fix needs a new row.
        const look = JSON.stringify([
          entry.finding.message,
          entry.finding.severity,
          (entry.finding.fixes ?? []).map((fix) => [fix?.label, fix?.replacement]),
        ]);
        let li = findingNodes.get(entry.key);
        if (li && li._look === look) {
          li._entry = entry;
        } else {
          const fresh = buildFinding(entry);
          fresh._look = look;
          if (li) {
            if (li === cursor) cursor = fresh;
            li.replaceWith(fresh);
          }
          li = fresh;
        }
        next.set(entry.key, li);
        if (li !== cursor) findingsList.insertBefore(li, cursor);
        else cursor = cursor.nextSibling;
      }
      for (const [key, li] of findingNodes) if (!next.has(key)) li.remove();
      findingNodes.clear();
      for (const [key, li] of next) findingNodes.set(key, li);
      findingsList.hidden = list.length === 0;
      if (activeKey && !next.has(activeKey)) activeKey = null;
    }

    function renderMirror(list) {
      // Segment the text at every span edge, so overlapping findings each keep their own marks.
      const text = reportText;
      const spans = [];
      for (const { finding, key } of list) {
        const { start, end } = clampSpan(finding.span, text.length);
        if (end > start) spans.push({ start, end, key, severity: finding.severity });
      }
      const edges = new Set([0, text.length]);
      for (const s of spans) { edges.add(s.start); edges.add(s.end); }
      const cuts = [...edges].sort((a, b) => a - b);
      const frag = document.createDocumentFragment();
      for (let i = 0; i + 1 < cuts.length; i++) {
        const a = cuts[i];
        const b = cuts[i + 1];
        const piece = text.slice(a, b);
        const covering = spans.filter((s) => s.start <= a && s.end >= b);
        if (!covering.length) { frag.append(piece); continue; }
        const worst = covering.reduce((w, s) =>
          (SEVERITY_RANK[s.severity] ?? 9) < (SEVERITY_RANK[w.severity] ?? 9) ? s : w);
        const mark = el('mark', { 'data-severity': worst.severity || 'hint', text: piece });
        mark._keys = covering.map((s) => s.key);
        frag.append(mark);
      }
      // A trailing newline only takes up a line in the mirror if something follows it.
      frag.append('\u200b');
      mirror.replaceChildren(frag);
      paintActive();
    }

    function paintActive() {
      for (const mark of mirror.querySelectorAll('mark')) {
        mark.classList.toggle('active', activeKey !== null && mark._keys.includes(activeKey));
      }
      for (const [key, li] of findingNodes) li.classList.toggle('active', key === activeKey);
    }

    function render() {
      const list = visibleFindings();
      renderVerdict();
      renderChecklist();
      renderFindings(list);
      renderMirror(list);
      renderRewrites();
      // Geometry waits for the next frame: reading it here would force a layout per keystroke.
      syncScroll();
      scheduleLayout();
      host.removeAttribute('data-uncanned-error');
      panel.querySelector('.error')?.remove();
    }

    // ---- Rewrites ---------------------------------------------------------------------------

    // Offered unasked only for a note that needs them; otherwise behind a button. An empty box
    // is not a note yet.
    function verdictWantsRewrites() {
      return reportText.trim() !== '' && (report?.verdict === 'canned' || report?.verdict === 'needs_context');
    }

    function wantsRewrites() {
      return suggestAsked || verdictWantsRewrites();
    }

    // Runs with every report, so it only decides; fetching waits for a pause. Typing alone does
    // not refetch: each rewrite replaces the whole note, so a list made a few keystrokes ago
    // still puts in exactly what it shows, and a list that reshuffled while the writer reads it
    // would be worse than one that is a little behind. The exception is the rewrite that keeps
    // the writer's own sentences: it must not bring back words they have since changed.
    function renderRewrites() {
      if (!suggestFn) return;
      const verdict = verdictWantsRewrites() ? report.verdict : null;
      if (verdict && verdict !== rewriteVerdict && reportText !== usedText) suggestDue = true;
      if (suggestions?.quotesNote && suggestions.text !== reportText && reportText !== usedText) suggestDue = true;
      rewriteVerdict = verdict;
      const wanted = wantsRewrites();
      if (!wanted) {
        suggestDue = false;
        clearTimeout(suggestTimer);
        if (suggestions) {
          suggestions = null;
          suggestRequested++; // an answer still on its way is no longer wanted either
          rewritesList.replaceChildren();
        }
      } else if (suggestDue) {
        scheduleSuggest();
      }
      // Set only on a change: this runs on every keystroke.
      const hideAsk = wanted || !report;
      const hideList = !(wanted && suggestions?.list.length);
      if (askButton.hidden !== hideAsk) askButton.hidden = hideAsk;
      if (rewrites.hidden !== hideList) rewrites.hidden = hideList;
    }

    function scheduleSuggest() {
      clearTimeout(suggestTimer);
      suggestTimer = setTimeout(fetchSuggestions, SUGGEST_DELAY_MS);
    }

    async function fetchSuggestions() {
      clearTimeout(suggestTimer);
      suggestDue = false;
      if (destroyed || !suggestFn) return;
      const text = textarea.value;
      const mine = ++suggestRequested;
      let answer;
      try {
        answer = await suggestFn(text, getContext());
      } catch {
        // Nothing to show: a writer who asked gets the button back to ask again.
        if (!destroyed && mine === suggestRequested && !suggestions && suggestAsked) {
          suggestAsked = false;
          renderRewrites();
        }
        return;
      }
      // Only the newest request fills the list: a slow answer never replaces a newer one.
      if (destroyed || answer == null || mine !== suggestRequested || !wantsRewrites()) return;
      const list = Array.isArray(answer.suggestions) ? answer.suggestions.filter((s) => typeof s?.text === 'string') : [];
      suggestions = { text, list, quotesNote: list.some((s) => s.intent === 'replace_canned') };
      buildRewrites(list);
      renderRewrites();
      // Asked for from the keyboard: the answer is where focus goes next, unless the writer has
      // gone back to typing meanwhile.
      if (focusRewritesOnArrival) {
        focusRewritesOnArrival = false;
        if (textarea.value === text) rewritesList.querySelector('button')?.focus();
      }
    }

    function rewriteText(s, id) {
      // The slots, marked, so the writer sees at a glance what is left to fill in.
      const text = s.text;
      const parts = [];
      let at = 0;
      for (const slot of Array.isArray(s.slots) ? s.slots : []) {
        const { start, end } = clampSpan(slot, text.length);
        if (start < at) continue;
        parts.push(text.slice(at, start), el('mark', { class: 'slot', text: text.slice(start, end) }));
        at = end;
      }
      parts.push(text.slice(at));
      return el('p', { class: 'rewrite-text', id }, parts.map((p) => typeof p === 'string' ? document.createTextNode(p) : p));
    }

    function buildRewrites(list) {
      // A rebuilt list must not drop keyboard focus on the page, out of the dialog.
      const focused = root.activeElement?.closest?.('li.rewrite');
      const focusedAt = focused ? [...rewritesList.children].indexOf(focused) : -1;
      rewritesList.replaceChildren(...list.map((s, i) => {
        const intent = String(s.intent ?? '');
        const label = msg('intent_' + intent);
        return el('li', { class: 'rewrite', 'data-intent': intent }, [
          el('span', { class: 'intent', id: `rewrite-${i}-intent`, text: label === 'intent_' + intent ? intent : label }),
          rewriteText(s, `rewrite-${i}-text`),
          // Five buttons all saying "Use this" need their rewrite read out with them.
          el('button', {
            type: 'button',
            'data-action': 'apply',
            'data-rewrite': i,
            'aria-describedby': `rewrite-${i}-intent rewrite-${i}-text`,
            text: msg('rewrite_use'),
          }),
        ]);
      }));
      if (focusedAt >= 0) {
        const buttons = rewritesList.querySelectorAll('button');
        (buttons[Math.min(focusedAt, buttons.length - 1)] ?? textarea).focus({ preventScroll: true });
      }
    }

    function useRewrite(index) {
      const s = suggestions?.list?.[index];
      if (!s) return;
      // What the list shows is what goes in, even if the writer typed since it was made: the
      // rewrite replaces the whole note, and Ctrl+Z brings theirs back.
      usedText = s.text;
      applyEdit(textarea, 0, textarea.value.length, s.text);
      // Chosen: the list makes way for the checks on the new note, unless that note needs one.
      suggestAsked = false;
      // The first slot selected: the writer types straight over it.
      const first = Array.isArray(s.slots) ? s.slots[0] : null;
      if (first && textarea.value === s.text) {
        const { start, end } = clampSpan(first, s.text.length);
        textarea.setSelectionRange(start, end);
      }
      textarea.focus({ preventScroll: true });
    }

    function renderError() {
      host.setAttribute('data-uncanned-error', '');
      if (!panel.querySelector('.error')) {
        panel.append(el('p', { class: 'error', text: msg('error') }));
      }
    }

    function scheduleAnnouncement(verdict) {
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => {
        if (destroyed || verdict === announced || report?.verdict !== verdict) return;
        announced = verdict;
        live.textContent = msg('announce', [msg('verdict_' + verdict)]);
      }, ANNOUNCE_DELAY_MS);
    }

    // ---- Overlay geometry ------------------------------------------------------------------

    function layout() {
      if (destroyed) return;
      const tr = textarea.getBoundingClientRect();
      if (!textarea.isConnected || tr.width === 0 || tr.height === 0) {
        overlay.hidden = true;
        return;
      }
      overlay.hidden = false;
      const hr = host.getBoundingClientRect();
      const cs = getComputedStyle(textarea);
      Object.assign(overlay.style, {
        left: `${tr.left - hr.left}px`,
        top: `${tr.top - hr.top}px`,
        width: `${tr.width}px`,
        height: `${tr.height}px`,
      });
      // clientLeft/Top are the borders; clientWidth/Height exclude a scrollbar, which the text
      // does not wrap under.
      Object.assign(clip.style, {
        left: `${textarea.clientLeft}px`,
        top: `${textarea.clientTop}px`,
        width: `${textarea.clientWidth}px`,
        height: `${textarea.clientHeight}px`,
      });
      for (const prop of MIRRORED) mirror.style.setProperty(prop, cs.getPropertyValue(prop));
      mirror.style.boxSizing = 'border-box';
      mirror.style.width = `${textarea.clientWidth}px`;
      if (cs.whiteSpace === 'normal' || cs.whiteSpace === '') mirror.style.whiteSpace = 'pre-wrap';
      syncScroll();
    }

    function syncScroll() {
      mirror.style.transform = `translate(${-textarea.scrollLeft}px, ${-textarea.scrollTop}px)`;
    }

    function scheduleLayout() {
      if (layoutFrame) return;
      layoutFrame = requestAnimationFrame(() => {
        layoutFrame = 0;
        layout();
      });
    }

    // ---- Analysis --------------------------------------------------------------------------

    async function update() {
      if (destroyed) return;
      const text = textarea.value;
      if (text === '') {
        dismissed.clear();
        suggestAsked = false;
      }
      const mine = ++requested;
      let result;
      try {
        result = await analyze(text, getContext());
      } catch {
        if (!destroyed && mine >= shown) { shown = mine; renderError(); }
        return;
      }
      // An answer to an older question never replaces a newer one already on screen.
      if (destroyed || result == null || mine < shown) return;
      shown = mine;
      report = result;
      reportText = text;
      render();
    }

    // The caller's update(): the context changed (recipient, limit, language), and rewrites on
    // screen greet, fit and speak for the old one.
    function refresh() {
      if (suggestions || suggestDue) suggestDue = true;
      return update();
    }

    // ---- Events ----------------------------------------------------------------------------

    function onInput() { update(); }
    function onScroll() { syncScroll(); }

    function onPanelMouseDown(e) {
      // Keep the caret in the note: a click on the coach must not take focus from the textarea.
      if (e.target.closest('button')) e.preventDefault();
    }

    function onPanelClick(e) {
      const button = e.target.closest('button[data-action]');
      if (!button || !panel.contains(button)) return;
      if (button.dataset.action === 'settings') {
        openSettings?.();
        return;
      }
      if (button.dataset.action === 'suggest') {
        // The button hides once the list is wanted; keyboard focus follows to the answer.
        focusRewritesOnArrival = root.activeElement === button;
        if (focusRewritesOnArrival) textarea.focus({ preventScroll: true });
        suggestAsked = true;
        fetchSuggestions();
        renderRewrites();
        return;
      }
      if (button.closest('li.rewrite')) {
        useRewrite(Number(button.dataset.rewrite));
        return;
      }
      const li = button.closest('li.finding');
      const entry = li?._entry;
      if (!entry) return;
      if (button.dataset.action === 'dismiss') {
        const hadFocus = root.activeElement != null;
        dismissed.add(entry.dismissKey);
        if (activeKey === entry.key) activeKey = null;
        render();
        // The button that had keyboard focus is gone; hand focus back to the writing rather
        // than letting it fall to the page (and out of the dialog's focus trap).
        if (hadFocus) textarea.focus({ preventScroll: true });
        return;
      }
      if (button.dataset.action === 'apply') {
        const fix = entry.finding.fixes?.[Number(button.dataset.fix)];
        if (!fix || typeof fix.replacement !== 'string') return;
        // The fix's offsets belong to the text it was computed for; if the writer has typed
        // since, a fresh report (with fresh offsets) is on its way instead.
        if (textarea.value !== reportText) { update(); return; }
        const { start, end } = clampSpan(fix.span, reportText.length);
        applyEdit(textarea, start, end, fix.replacement);
      }
    }

    function setActive(key) {
      if (activeKey === key) return;
      activeKey = key;
      paintActive();
    }

    function onPanelOver(e) {
      const li = e.target.closest?.('li.finding');
      setActive(li ? li.dataset.key : null);
    }
    function onPanelLeave() {
      if (!root.activeElement?.closest?.('li.finding')) setActive(null);
    }
    function onPanelFocusIn(e) {
      const li = e.target.closest?.('li.finding');
      setActive(li ? li.dataset.key : null);
    }
    function onPanelFocusOut(e) {
      if (!e.relatedTarget || !panel.contains(e.relatedTarget)) setActive(null);
    }

    textarea.addEventListener('input', onInput);
    textarea.addEventListener('scroll', onScroll, { passive: true });
    panel.addEventListener('mousedown', onPanelMouseDown);
    panel.addEventListener('click', onPanelClick);
    panel.addEventListener('mouseover', onPanelOver);
    panel.addEventListener('mouseleave', onPanelLeave);
    panel.addEventListener('focusin', onPanelFocusIn);
    panel.addEventListener('focusout', onPanelFocusOut);
    window.addEventListener('resize', scheduleLayout, { passive: true });
    const resizeObserver = new ResizeObserver(scheduleLayout);
    resizeObserver.observe(textarea);
    resizeObserver.observe(host);

    function destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(announceTimer);
      clearTimeout(suggestTimer);
      if (layoutFrame) cancelAnimationFrame(layoutFrame);
      resizeObserver.disconnect();
      textarea.removeEventListener('input', onInput);
      textarea.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', scheduleLayout);
      host.remove();
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
      get destroyed() { return destroyed; },
    };
  }

  U.coach = { attach, applyEdit };
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
