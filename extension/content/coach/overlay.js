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

  // The most text the mirror holds, in UTF-16 units: ten times the longest note LinkedIn takes
  // (300). Marks further on are not drawn (the panel still lists them), so after a paste of
  // thousands of lines a keystroke lays out none of it a second time.
  const MIRROR_MAX = 3000;

  // Where the mirror's text ends: text after the last mark's line moves no mark, so the mirror
  // stops there (typing further down a long note leaves it untouched), and never past
  // MIRROR_MAX. That cut falls after a space or line break, where the textarea may wrap too, so
  // the lines before it wrap as they do in the textarea.
  function mirrorEnd(text, lastMarkEnd) {
    const lineEnd = text.indexOf('\n', lastMarkEnd);
    const end = lineEnd < 0 ? text.length : lineEnd;
    if (end <= MIRROR_MAX) return end;
    const gap = Math.max(text.lastIndexOf('\n', MIRROR_MAX - 1), text.lastIndexOf(' ', MIRROR_MAX - 1));
    if (gap > 0) return gap + 1;
    // One unbroken run: cut anywhere, but not between the halves of a surrogate pair.
    const high = text.charCodeAt(MIRROR_MAX - 1);
    return high >= 0xd800 && high <= 0xdbff ? MIRROR_MAX - 1 : MIRROR_MAX;
  }

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
      const shown = text.slice(0, mirrorEnd(text, spans.reduce((m, s) => Math.max(m, s.end), 0)));
      for (let i = spans.length - 1; i >= 0; i--) {
        spans[i].end = Math.min(spans[i].end, shown.length);
        if (spans[i].end <= spans[i].start) spans.splice(i, 1);
      }
      const segments = markSegments(spans);
      // The findings' keys quote the words they cover, so typing inside a long mark (a note over
      // the limit) changes them without moving a mark: they are handed to the marks, and only
      // the text and the marks' places decide whether the mirror is built again.
      const drawing = JSON.stringify([shown, segments.map((seg) => [seg.start, seg.end, worst(seg.spans).severity])]);
      if (drawing !== drawn) {
        drawn = drawing;
        const frag = document.createDocumentFragment();
        marks = [];
        let at = 0;
        for (const seg of segments) {
          if (seg.start > at) frag.append(text.slice(at, seg.start));
          const mark = el('mark', { 'data-severity': worst(seg.spans).severity || 'hint', text: text.slice(seg.start, seg.end) });
          marks.push(mark);
          frag.append(mark);
          at = seg.end;
        }
        frag.append(shown.slice(at));
        // A trailing newline only takes up a line in the mirror if something follows it.
        frag.append('\u200b');
        mirror.replaceChildren(frag);
        // Geometry (and scroll) is read in the next frame, never here: reading it now would make
        // the browser lay out the note box in the middle of the keystroke.
        scheduleLayout();
      }
      segments.forEach((seg, i) => { marks[i]._keys = seg.spans.map((s) => s.key); });
      paint(activeKey);
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

  parts.overlay = { create: createOverlay, markSegments, mirrorEnd, SEVERITY_RANK, MIRROR_MAX };
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
