// The only way the coach ever changes the writer's text, and only on their click.
//
// execCommand keeps the browser's undo stack (Ctrl+Z brings their words back) and fires a real
// input event, so a framework-controlled page notices: its counter moves, Send enables. It acts
// on the focused element, so an edit goes in only if the note box really has focus once asked
// for it; a page that keeps focus elsewhere (a focus trap, an inert box) gets no edit at all,
// rather than one typed into whatever does have focus.

(function (U) {
  'use strict';

  const parts = U.coachParts || (U.coachParts = {});

  function hasFocus(textarea) {
    return textarea.getRootNode().activeElement === textarea;
  }

  // What the fallback may insert without going past the box's maxlength, as the browser itself
  // truncates a paste; never half of a surrogate pair.
  function fitMaxLength(textarea, before, start, end, replacement) {
    const max = textarea.maxLength;
    if (!(max >= 0)) return replacement;
    const room = Math.max(0, max - (before.length - (end - start)));
    if (replacement.length <= room) return replacement;
    let cut = room;
    const last = replacement.charCodeAt(cut - 1);
    if (cut > 0 && last >= 0xd800 && last <= 0xdbff) cut--;
    return replacement.slice(0, cut);
  }

  // Without execCommand the browser's undo stack cannot hold the edit, so the coach keeps the
  // one step itself: the writer's next Ctrl+Z (their own key press) while the note is still as
  // the edit left it puts back what was there.
  function keepUndo(textarea, before, selection, after) {
    const stop = new AbortController();
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    textarea.addEventListener('keydown', (event) => {
      if (!event.isTrusted) return;
      const undo = (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z';
      if (!undo && !['Control', 'Meta', 'Shift', 'Alt'].includes(event.key)) { stop.abort(); return; }
      if (!undo) return;
      stop.abort();
      if (textarea.value !== after) return;
      event.preventDefault();
      setValue.call(textarea, before);
      textarea.setSelectionRange(selection.start, selection.end);
      textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'historyUndo' }));
      textarea.dispatchEvent(new Event('change', { bubbles: true }));
    }, { signal: stop.signal });
    return stop;
  }

  let pendingUndo = null;

  // → { ok: true } once the text is in, or { ok: false, reason: 'focus' | 'readonly' } with the
  // note untouched.
  parts.applyEdit = function applyEdit(textarea, start, end, replacement) {
    if (textarea.disabled || textarea.readOnly) return { ok: false, reason: 'readonly' };
    const before = textarea.value;
    const selection = { start: textarea.selectionStart, end: textarea.selectionEnd };
    textarea.focus({ preventScroll: true });
    if (!hasFocus(textarea)) return { ok: false, reason: 'focus' };
    const expected = before.slice(0, start) + replacement + before.slice(end);
    if (expected === before) return { ok: true };
    textarea.setSelectionRange(start, end);
    let done = false;
    try {
      done = replacement === ''
        ? textarea.ownerDocument.execCommand('delete', false)
        : textarea.ownerDocument.execCommand('insertText', false, replacement);
    } catch {
      done = false;
    }
    if (done && textarea.value !== before) return { ok: true };
    // The page must still hear about the change.
    const fitted = fitMaxLength(textarea, before, start, end, replacement);
    const after = before.slice(0, start) + fitted + before.slice(end);
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(textarea, after);
    const caret = start + fitted.length;
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new InputEvent('input', {
      bubbles: true,
      composed: true,
      inputType: 'insertReplacementText',
      data: fitted,
    }));
    textarea.dispatchEvent(new Event('change', { bubbles: true }));
    pendingUndo?.abort();
    pendingUndo = keepUndo(textarea, before, selection, after);
    return { ok: true, fallback: true };
  };
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
