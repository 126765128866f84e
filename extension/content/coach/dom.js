// What every part of the coach builds with: elements from a tag and attributes, and spans from
// the engine clamped to the text they belong to (a report may be for a slightly older text).

(function (U) {
  'use strict';

  const parts = U.coachParts || (U.coachParts = {});

  parts.el = function el(tag, attrs, children) {
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
  };

  parts.clampSpan = function clampSpan(span, length) {
    const start = Math.max(0, Math.min(length, span?.start | 0));
    const end = Math.max(start, Math.min(length, span?.end | 0));
    return { start, end };
  };
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
