// Helpers installed in each document's page world as `__t` (see page.mjs, which injects this
// file's text before any of the page's own scripts run). The extension's content scripts run in
// an isolated world and cannot see them. They see what a user sees: every open shadow root,
// visible elements only.
//
// A classic script, evaluated as it is: no imports, nothing from the test process.
(() => {
  const NOTE_BOX = 'textarea#custom-message, textarea#connect-cta-form__invitation';
  const DIALOG = '[role="dialog"], .connect-cta-form';
  function roots() {
    const out = [document];
    for (let i = 0; i < out.length; i++) {
      for (const el of out[i].querySelectorAll('*')) if (el.shadowRoot) out.push(el.shadowRoot);
    }
    return out;
  }
  function all(selector) {
    return roots().flatMap((r) => [...r.querySelectorAll(selector)]);
  }
  function visible(el) {
    if (!el || !el.isConnected) return false;
    if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  }
  function closestDeep(el, selector) {
    for (let node = el; node; ) {
      const hit = node.closest(selector);
      if (hit) return hit;
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
    return null;
  }
  // The element a click at (x, y) lands on, looking into open shadow roots.
  function hitDeep(x, y) {
    let hit = document.elementFromPoint(x, y);
    while (hit && hit.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit;
  }
  function containsDeep(outer, node) {
    for (let n = node; n; ) {
      if (n === outer) return true;
      const parent = n.parentNode;
      n = parent instanceof ShadowRoot ? parent.host : parent;
    }
    return false;
  }
  // The centre of el in viewport coordinates if a click there would reach it, else null.
  function clickPoint(el) {
    const point = () => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + Math.min(r.height / 2, 12);
      return containsDeep(el, hitDeep(x, y)) ? { x, y } : null;
    };
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) {
      el.scrollIntoView({ block: 'center', inline: 'center' });
    }
    // Out of sight inside a scrolled box (the coach's panel, a dialog): scroll it, as a user would.
    if (!point()) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return point();
  }
  function activeDeep() {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  }
  function coaches() { return all('[data-uncanned-coach]'); }
  function noteBoxes() { return all(NOTE_BOX).filter(visible); }
  function noteBox() {
    const boxes = noteBoxes();
    return boxes.length === 1 ? boxes[0] : null;
  }
  // The coach serving a note box sits in the same dialog (or, without one, the same root).
  function coachFor(box) {
    if (!box) return null;
    const scope = closestDeep(box, DIALOG) || box.getRootNode();
    const mine = coaches().filter((c) => scope.contains(c) || closestDeep(c, DIALOG) === scope);
    if (mine.length === 1) return mine[0];
    // A coach may also live outside the dialog (an overlay of its own); if it is the only one,
    // it is the one serving this box.
    const every = coaches();
    return mine.length === 0 && every.length === 1 ? every[0] : null;
  }
  function describe(coach) {
    if (!coach) return null;
    const root = coach.shadowRoot;
    const findings = root ? [...root.querySelectorAll('[data-rule]')] : [];
    return {
      verdict: coach.getAttribute('data-uncanned-verdict'),
      rules: findings.map((f) => f.getAttribute('data-rule')),
      applies: findings.map((f) => f.querySelectorAll('button[data-action="apply"]').length),
      visible: visible(coach),
      hasShadow: Boolean(root),
    };
  }
  // `push` gets the time the first frame drawn from now on was done: a frame's rendering follows
  // its animation callbacks, and a message posted from one runs after it.
  function afterNextFrame(push) {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => push(performance.now());
      channel.port2.postMessage(0);
    });
  }
  // One keystroke-to-coach-update probe: keydown times; the times the coach's verdict or
  // rendering changed (host attributes, or anything in its shadow tree except inline geometry),
  // with how many characters each change wrote (text put in, attribute values set); and when the
  // first frame after each input event was done. Also each input event's own timeStamp, and each
  // time the coach showed the analysis of a text (its `data-uncanned-length` set: [time, length])
  // with the end of the frame after it. Without a coach (a bare note box) only keys, inputs and
  // frames.
  function latencyProbe(coach) {
    const keys = [];
    const changes = [];
    const written = [];
    const frames = [];
    const inputs = [];
    const shown = [];
    const painted = [];
    const onKey = () => keys.push(performance.now());
    const onInput = (e) => {
      inputs.push(e.timeStamp);
      afterNextFrame((t) => frames.push(t));
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('input', onInput, true);
    const charsOf = (r) => {
      if (r.type === 'characterData') return r.target.data.length;
      if (r.type === 'attributes') return (r.target.getAttribute(r.attributeName) ?? '').length;
      return [...r.addedNodes].reduce((n, node) => n + (node.textContent?.length ?? 0), 0);
    };
    const observer = new MutationObserver((records) => {
      const t = performance.now();
      for (const r of records) {
        if (r.type !== 'attributes' || r.target !== coach || r.attributeName !== 'data-uncanned-length') continue;
        shown.push([t, Number(coach.getAttribute('data-uncanned-length'))]);
        afterNextFrame((done) => painted.push(done));
      }
      if (records.some((r) => r.type !== 'attributes' || r.attributeName !== 'style')) changes.push(t);
      written.push([t, records.reduce((n, r) => n + charsOf(r), 0)]);
    });
    if (coach) observer.observe(coach, { attributes: true });
    if (coach?.shadowRoot) observer.observe(coach.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
    return {
      keys, changes, written, frames, inputs, shown, painted,
      stop() {
        observer.disconnect();
        window.removeEventListener('keydown', onKey, true);
        window.removeEventListener('input', onInput, true);
      },
    };
  }
  // Whether focus or the caret ever left the box while the test typed.
  function watchFocus(box) {
    const events = [];
    const onBlur = () => events.push('blur');
    box.addEventListener('blur', onBlur);
    return { events, stop() { box.removeEventListener('blur', onBlur); } };
  }
  Object.defineProperty(window, '__t', {
    value: Object.freeze({ roots, all, visible, closestDeep, hitDeep, clickPoint, activeDeep, coaches, noteBoxes, noteBox, coachFor, describe, latencyProbe, watchFocus }),
  });
})();
