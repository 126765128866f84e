// What the writer reads under the note box: the verdict, the checklist, the findings with their
// fixes, the rewrites, and the coach's notices; and the handlers of every button in it.
//
// The page is not trusted. Its scripts can reach this open shadow root, so every action (a fix,
// "Use this", "Suggest a rewrite", Settings, dismiss) acts only on an event the browser made from
// the writer's own gesture: a page calling .click() or dispatching keys changes nothing.

(function (U) {
  'use strict';

  const parts = U.coachParts || (U.coachParts = {});

  const VERDICTS = ['canned', 'needs_context', 'personal'];
  const CHECKS = [
    'not_canned', 'greets_by_name', 'how_we_know', 'why_connect', 'offers_value', 'within_limit',
    'no_placeholders', 'spelling_ok',
  ];
  const NEAR_LIMIT = 0.9;
  // The words a finding quotes, at most this many UTF-16 units: a note pasted far over the limit
  // would otherwise be written out again under itself on every keystroke.
  const QUOTE_MAX = 160;

  // `words`: at least QUOTE_MAX units, and more follow: cut with an ellipsis.
  function shortQuote(words) {
    const cut = QUOTE_MAX - 1;
    const high = words.charCodeAt(cut - 1);
    // Not between the halves of a surrogate pair.
    return words.slice(0, high >= 0xd800 && high <= 0xdbff ? cut - 1 : cut) + '\u2026';
  }

  const NON_SPACE = /\S/g;
  // The first non-space at or after `from`, before `to`; -1 if none. A search, not a copy.
  function firstNonSpace(text, from, to) {
    NON_SPACE.lastIndex = from;
    const found = NON_SPACE.exec(text);
    return found && found.index < to ? found.index : -1;
  }

  // What a finding over text[start, end) quotes: its words without the space around them, cut
  // to QUOTE_MAX, and whether they are all the note has (then there is nothing to point at).
  // → { text, wholeNote }, or null for a span of only space. Copies at most QUOTE_MAX units and
  // only searches the rest: a finding over most of a pasted note must not cost its length per
  // keystroke.
  function quotedWords(text, start, end) {
    const from = firstNonSpace(text, start, end);
    if (from < 0) return null;
    const wholeNote = firstNonSpace(text, 0, start) < 0 && firstNonSpace(text, end, text.length) < 0;
    const long = firstNonSpace(text, from + QUOTE_MAX, end) >= 0;
    const words = long ? shortQuote(text.slice(from, from + QUOTE_MAX)) : text.slice(from, Math.min(end, from + QUOTE_MAX)).trimEnd();
    return { text: words, wholeNote };
  }

  // `actions`: { fix(entry, index), dismiss(entry), use(index), ask({ fromKeyboard }),
  // settings(), active(key) }, each called only for the writer's own gesture.
  function createPanel({ root, textarea, msg, signal, withRewrites, withSettings, actions }) {
    const { el, clampSpan } = parts;
    const SEVERITY_RANK = parts.overlay.SEVERITY_RANK;

    const verdictLabel = el('strong', { class: 'verdict-label', text: msg('verdict_pending') });
    const verdictHint = el('span', { class: 'verdict-hint' });
    const lengthEl = el('span', { class: 'length' });
    const verdictRow = el('div', { class: 'verdict', 'data-verdict': 'pending' }, [
      el('span', { class: 'dot', 'aria-hidden': 'true' }), verdictLabel, verdictHint, lengthEl,
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
    const findingNodes = new Map();
    const notice = el('p', { class: 'notice', 'data-notice': '' });
    notice.hidden = true;
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
    const settingsButton = withSettings
      ? el('button', { type: 'button', class: 'settings', 'data-action': 'settings', text: msg('settings') })
      : null;
    const element = el('div', { class: 'panel', role: 'region', 'aria-label': msg('region') }, [
      verdictRow, notice, checklist, findingsList, askButton, rewrites, settingsButton,
    ]);
    let shownRewrites = [];

    // ---- Rendering ---------------------------------------------------------------------------

    // `status`: 'ok' with a report, or 'pending', 'away' (the engine is not answering),
    // 'too_long' (over the size the coach checks) without one.
    function renderVerdict(report, status) {
      const verdict = status === 'ok' && VERDICTS.includes(report?.verdict) ? report.verdict : null;
      verdictRow.dataset.verdict = verdict || (status === 'ok' ? 'pending' : status);
      verdictLabel.textContent = verdict ? msg('verdict_' + verdict) : msg('verdict_' + (status === 'ok' ? 'pending' : status));
      verdictHint.textContent = verdict ? msg(`verdict_${verdict}_hint`) : (status === 'ok' || status === 'pending' ? '' : msg(`verdict_${status}_hint`));
      const used = report?.length?.used;
      const limit = report?.length?.limit;
      // The site shows its own counter; ours speaks up only when the limit is close.
      if (verdict && Number.isFinite(used) && Number.isFinite(limit) && used >= limit * NEAR_LIMIT) {
        lengthEl.textContent = `${used}/${limit}`;
        lengthEl.setAttribute('aria-label', msg('length', [used, limit]));
        lengthEl.dataset.over = String(used > limit);
      } else if (lengthEl.textContent) {
        lengthEl.textContent = '';
        lengthEl.removeAttribute('aria-label');
      }
      checklist.hidden = !verdict && status !== 'pending';
      return verdict;
    }

    function renderChecklist(report) {
      const checks = report?.checklist || {};
      for (const [key, { item, state }] of checkNodes) {
        const ok = String(checks[key] === true);
        if (item.dataset.ok !== ok) item.dataset.ok = ok;
        const said = `: ${msg(ok === 'true' ? 'check_done' : 'check_missing')}`;
        if (state.textContent !== said) state.textContent = said;
      }
    }

    function buildFinding(entry, text) {
      const f = entry.finding;
      const severity = SEVERITY_RANK[f.severity] !== undefined ? f.severity : 'hint';
      const { start, end } = clampSpan(f.span, text.length);
      const words = quotedWords(text, start, end);
      const fixes = Array.isArray(f.fixes) ? f.fixes : [];
      const body = el('div', { class: 'body' }, [
        el('p', { class: 'message' }, [
          el('span', { class: 'sr-only', text: `${msg('severity_' + severity)}: ` }),
          document.createTextNode(String(f.message ?? '')),
        ]),
        // The words in question, unless the message already quotes them or they are the whole note.
        words && !words.wholeNote && !String(f.message ?? '').includes(words.text)
          ? el('q', { class: 'quote', text: words.text })
          : null,
        fixes.length
          ? el('div', { class: 'fixes' }, fixes.map((fix, i) =>
            el('button', {
              type: 'button',
              'data-action': 'apply',
              'data-fix': i,
              title: typeof fix?.replacement === 'string' && fix.replacement ? `→ ${fix.replacement}` : null,
              text: String(fix?.label ?? fix?.replacement ?? ''),
            })))
          : null,
      ]);
      const li = el('li', { class: 'finding', 'data-rule': f.rule, 'data-severity': severity }, [
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

    // Keyed, so that a finding under the pointer or keyboard survives the next keystroke.
    function renderFindings(list, text) {
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
          const fresh = buildFinding(entry, text);
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
    }

    function paintActive(activeKey) {
      for (const [key, li] of findingNodes) li.classList.toggle('active', key === activeKey);
    }

    function rewriteText(s, id) {
      // The slots, marked, so the writer sees at a glance what is left to fill in.
      const text = s.text;
      const pieces = [];
      let at = 0;
      for (const slot of Array.isArray(s.slots) ? s.slots : []) {
        const { start, end } = clampSpan(slot, text.length);
        if (start < at) continue;
        pieces.push(document.createTextNode(text.slice(at, start)), el('mark', { class: 'slot', text: text.slice(start, end) }));
        at = end;
      }
      pieces.push(document.createTextNode(text.slice(at)));
      return el('p', { class: 'rewrite-text', id }, pieces);
    }

    function focusedRewriteIndex() {
      const li = root.activeElement?.closest?.('li.rewrite');
      return li ? [...rewritesList.children].indexOf(li) : -1;
    }

    function setRewrites(list) {
      // A rebuilt list must not drop keyboard focus on the page, out of the dialog, nor leave it
      // on a different rewrite than the one that had it.
      const had = parts.rewrites.focusKey(shownRewrites, focusedRewriteIndex());
      shownRewrites = list;
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
      if (had !== null) {
        const at = parts.rewrites.refocusIndex(had, list);
        (at >= 0 ? rewritesList.children[at].querySelector('button') : textarea).focus({ preventScroll: true });
      }
    }

    function showRewrites({ askHidden, listHidden }) {
      // Set only on a change: this runs on every keystroke.
      if (askButton.hidden !== askHidden) askButton.hidden = askHidden;
      if (rewrites.hidden !== listHidden) rewrites.hidden = listHidden;
    }

    function focusFirstRewrite() {
      rewritesList.querySelector('button')?.focus({ preventScroll: true });
    }

    function announce(text) {
      live.textContent = text;
    }

    function setNotice(text) {
      if (notice.textContent !== (text || '')) notice.textContent = text || '';
      if (notice.hidden !== !text) notice.hidden = !text;
    }

    // ---- The writer's gestures ---------------------------------------------------------------

    element.addEventListener('mousedown', (e) => {
      // Keep the caret in the note: a click on the coach must not take focus from the textarea.
      if (e.target.closest('button')) e.preventDefault();
    }, { signal });

    element.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      const button = e.target.closest('button[data-action]');
      if (!button || !element.contains(button)) return;
      const action = button.dataset.action;
      if (action === 'settings') {
        actions.settings();
      } else if (action === 'suggest') {
        // The button hides once the list is wanted; keyboard focus waits in the note meanwhile.
        const fromKeyboard = root.activeElement === button;
        if (fromKeyboard) textarea.focus({ preventScroll: true });
        actions.ask({ fromKeyboard });
      } else if (button.closest('li.rewrite')) {
        actions.use(Number(button.dataset.rewrite));
      } else {
        const entry = button.closest('li.finding')?._entry;
        if (!entry) return;
        if (action === 'dismiss') {
          const hadFocus = root.activeElement != null;
          actions.dismiss(entry);
          // The button that had keyboard focus is gone; hand focus back to the writing rather
          // than letting it fall to the page (and out of the dialog's focus trap).
          if (hadFocus) textarea.focus({ preventScroll: true });
        } else if (action === 'apply') {
          actions.fix(entry, Number(button.dataset.fix));
        }
      }
    }, { signal });

    const activeFrom = (e) => e.target.closest?.('li.finding')?._entry?.key ?? null;
    element.addEventListener('mouseover', (e) => actions.active(activeFrom(e)), { signal });
    element.addEventListener('mouseleave', () => {
      if (!root.activeElement?.closest?.('li.finding')) actions.active(null);
    }, { signal });
    element.addEventListener('focusin', (e) => actions.active(activeFrom(e)), { signal });
    element.addEventListener('focusout', (e) => {
      if (!e.relatedTarget || !element.contains(e.relatedTarget)) actions.active(null);
    }, { signal });

    return {
      element,
      live,
      renderVerdict,
      renderChecklist,
      renderFindings,
      paintActive,
      setRewrites,
      showRewrites,
      focusFirstRewrite,
      announce,
      setNotice,
      hasFinding: (key) => findingNodes.has(key),
      withRewrites,
    };
  }

  parts.panel = { create: createPanel, VERDICTS };
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
