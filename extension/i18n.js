// Fills every [data-i18n] element of an extension page with its string from _locales.
(function (U) {
  'use strict';
  const api = globalThis.browser ?? globalThis.chrome;
  U.localize = function localize(root = document) {
    document.documentElement.lang = api.i18n.getMessage('ui_lang') || 'en';
    for (const el of root.querySelectorAll('[data-i18n]')) {
      const text = api.i18n.getMessage(el.dataset.i18n);
      if (text) el.textContent = text;
    }
  };
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
