// The marks over the writer's own words: a mirror of the textarea (same box, same typography, so
// its words wrap where the textarea's do) with transparent text and the findings' spans marked,
// kept in place as the box moves, resizes and scrolls. Drawn only for the findings the panel
// shows, in one sweep over their edges.

(function (U) {
  'use strict';

  const parts = U.coachParts || (U.coachParts = {});
  const SEVERITY_RANK = { error: 0, warning: 1, hint: 2 };

  // The textarea's own box model and typography, copied onto the mirror.
  const MIRRORED = [
    'box-sizing', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-stretch',
    'font-variant', 'font-kerning', 'font-feature-settings', 'font-variation-settings',
    'letter-spacing', 'word-spacing', 'line-height', 'text-transform', 'text-indent', 'text-align',
    'text-rendering', 'tab-size', 'direction', 'unicode-bidi', 'padding-top', 'padding-right',
    'padding-bottom', 'padding-left', 'white-space', 'word-break', 'overflow-wrap', 'hyphens',
  ];

  const rank = (severity) => SEVERITY_RANK[severity] ?? 9;

  // The text cut at every span edge, so overlapping findings each keep their own marks:
  // [{ start, end, spans }] for the pieces some span covers, in order. One pass over the sorted
  // edges with the spans open at each point, not a search of every span per piece, so a note full
  // of findings costs in proportion to its edges. Spans are { start, end, ... } clamped already.
  function markSegments(spans) {
    const edges = [];
    spans.forEach((s, i) => {
      if (s.end > s.start) edges.push([s.start, 1, i], [s.end, 0, i]);
    });
    // Closings before openings at the same point: a span ending where another starts does not
    // cover it.
    edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const open = new Set();
    const out = [];
    for (let k = 0; k < edges.length; k++) {
      const [at, opening, i] = edges[k];
      if (opening) open.add(i);
      else open.delete(i);
      const next = edges[k + 1]?.[0];
      if (next === undefined || next === at || open.size === 0) continue;
      out.push({ start: at, end: next, spans: [...open].sort((a, b) => a - b).map((j) => spans[j]) });
    }
    return out;
  }

  function worst(spans) {
    return spans.reduce((w, s) => (rank(s.severity) < rank(w.severity) ? s : w));
  }

  function createOverlay({ textarea, host, signal }) {
    const { el, clampSpan } = parts;
    const element = el('div', { class: 'overlay', 'aria-hidden': 'true' });
    const clip = el('div', { class: 'clip' });
    const mirror = el('div', { class: 'mirror' });
    clip.append(mirror);
    element.append(clip);
    let layoutFrame = 0;
    let marks = [];
    let drawn = null; // what the mirror shows, to leave it alone when that has not changed

    function syncScroll() {
      mirror.style.transform = `translate(${-textarea.scrollLeft}px, ${-textarea.scrollTop}px)`;
    }

    function layout() {
      if (signal.aborted) return;
      const tr = textarea.getBoundingClientRect();
      if (!textarea.isConnected || tr.width === 0 || tr.height === 0) {
        element.hidden = true;
        return;
      }
      element.hidden = false;
      const hr = host.getBoundingClientRect();
      const cs = getComputedStyle(textarea);
      Object.assign(element.style, {
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

    // Geometry waits for the next frame: reading it on a keystroke would force a layout each time.
    function scheduleLayout() {
      if (layoutFrame || signal.aborted) return;
      layoutFrame = requestAnimationFrame(() => {
        layoutFrame = 0;
        layout();
      });
    }

    // `findings`: [{ finding, key }] as the panel lists them.
    function draw(text, findings, activeKey) {
      const spans = [];
      for (const { finding, key } of findings) {
        const { start, end } = clampSpan(finding.span, text.length);
        if (end > start) spans.push({ start, end, key, severity: finding.severity });
      }
      // Text after the last mark's line moves no mark, so the mirror stops there: typing further
      // down a long note leaves it untouched, and the browser lays out only what it holds.
      const lastEnd = spans.reduce((m, s) => Math.max(m, s.end), 0);
      const lineEnd = text.indexOf('\n', lastEnd);
      const shown = lineEnd < 0 ? text : text.slice(0, lineEnd);
      const drawing = JSON.stringify([shown, spans.map((s) => [s.start, s.end, s.severity, s.key])]);
      if (drawing === drawn) {
        paint(activeKey);
        return;
      }
      drawn = drawing;
      const frag = document.createDocumentFragment();
      marks = [];
      let at = 0;
      for (const seg of markSegments(spans)) {
        if (seg.start > at) frag.append(text.slice(at, seg.start));
        const mark = el('mark', { 'data-severity': worst(seg.spans).severity || 'hint', text: text.slice(seg.start, seg.end) });
        mark._keys = seg.spans.map((s) => s.key);
        marks.push(mark);
        frag.append(mark);
        at = seg.end;
      }
      frag.append(shown.slice(at));
      // A trailing newline only takes up a line in the mirror if something follows it.
      frag.append('\u200b');
      mirror.replaceChildren(frag);
      paint(activeKey);
      syncScroll();
      scheduleLayout();
    }

    function paint(activeKey) {
      for (const mark of marks) {
        mark.classList.toggle('active', activeKey !== null && mark._keys.includes(activeKey));
      }
    }

    function clear() {
      marks = [];
      drawn = null;
      mirror.replaceChildren();
    }

    textarea.addEventListener('scroll', syncScroll, { passive: true, signal });
    window.addEventListener('resize', scheduleLayout, { passive: true, signal });
    const resizeObserver = new ResizeObserver(scheduleLayout);
    resizeObserver.observe(textarea);
    resizeObserver.observe(host);
    signal.addEventListener('abort', () => {
      if (layoutFrame) cancelAnimationFrame(layoutFrame);
      resizeObserver.disconnect();
    });

    return { element, draw, paint, clear, scheduleLayout };
  }

  parts.overlay = { create: createOverlay, markSegments, SEVERITY_RANK };
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
