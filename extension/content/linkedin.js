// The site adapter: the one file that knows LinkedIn's DOM (see shared/design/linkedin-dom.md).
// When LinkedIn changes, this file changes; the coach and the engine client do not.
//
//   Uncanned.linkedin.scan()    → [{ textarea, dialog, placeAfter, context: { recipient, limit } }]
//                                 recipient: { full_name, first_name, headline?, company? }
//   Uncanned.linkedin.watch(cb) → stop(); cb runs (at most every 100 ms) when the page may have
//                                 opened, changed or closed an invitation dialog
//   Uncanned.linkedin.theme()   → 'dark' | 'light' | 'auto'
//
// Class names change with every deploy; ids, name, aria-*, role and data-* attributes have been
// the stable anchors, and the UI is localised, so English text is only ever a last resort.

(function (U) {
  'use strict';

  // Only the invitation note is coached; every other text field is left alone.
  const NOTE_BOX = [
    'textarea#custom-message',
    'textarea#connect-cta-form__invitation',
    '.connect-cta-form textarea',
    '[role="dialog"][aria-labelledby="connect-cta-form__header"] textarea',
  ].join(',');

  // Era C renders its dialogs inside this host's open shadow root.
  const OUTLET = '#interop-outlet, [data-testid="interop-shadowdom"]';
  const DIALOG = '[role="dialog"], [role="alertdialog"], dialog';
  // Sales Navigator's older form is inline, not a dialog; in the newer one it sits inside one.
  const FORM = '.connect-cta-form';
  const CONTROL = 'button, a, [role="button"], [role="menuitem"]';
  const OURS = '[data-uncanned-coach]';
  // Dialogs that are about an invitation even before the note box appears (first stages).
  const INVITE_DIALOG = [
    '.send-invite',
    '[aria-labelledby="send-invite-modal"]',
    '[aria-labelledby="connect-cta-form__header"]',
  ].join(',');
  const INVITE_DIALOG_CONTENT = [
    'button[aria-label="Add a note"]',
    'button[aria-label="Add a free note"]',
    'button[aria-label="Send without a note"]',
    'button[aria-label="Send now"]',
  ].join(',');

  const DEFAULT_LIMIT = 300;
  const COUNTER = /^\s*\d{1,4}\s*\/\s*(\d{2,4})\s*$/;
  const INVITE_LABEL = /^\s*Invite (.+?) to connect\s*$/i;
  const INVITATION_TO = /personali[sz]e your invitation to\s+(.+?)(?:\s+by adding a note|\s*[.:!]|\s*$)/i;
  const HONORIFIC = /^(?:dr|prof|mr|mrs|ms|mx|sir|dame)\.?$/i;
  // "Designer at Northwind", "Ingenieurin bei Siemens", "Développeur chez Qonto", "Eng @Acme": the
  // employer, up to the next separator. It must start like a name: "Looking for roles at the
  // intersection of…" names none. Other phrasings give no company rather than a wrong one.
  const AT_COMPANY = /(?:\s(?:at|bei|chez)\s+|\s@\s?|^@)([\p{Lu}\d][^|,·•/()–—]*?)\s*(?:[|,·•/()–—]|\s-\s|$)/u;
  const MAX_HEADLINE = 220;

  // The most recent invitee the page told us about (a Connect control's label, or an invitation
  // dialog that named them). Era C's note stage no longer names the recipient, so this carries
  // the name over from the click and the first stage.
  let recentName = null;
  let recentHref = location.href;

  // ---- Finding things ----------------------------------------------------------------------

  // The document plus the open shadow roots the invitation dialog may live in. Our own coach's
  // root is skipped: it never holds a note box, and observing it would rescan on every render.
  function roots() {
    const found = [document];
    for (const host of document.querySelectorAll(OUTLET)) collectRoots(host, found);
    return found;
  }

  function collectRoots(host, found) {
    const root = host.shadowRoot;
    if (!root || found.includes(root) || host.matches(OURS)) return;
    found.push(root);
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot && !el.matches(OURS)) collectRoots(el, found);
    }
  }

  // LinkedIn keeps hidden, pre-rendered copies of the dialog's controls: presence means little.
  // checkVisibility follows the flat tree, so a hidden ancestor outside a shadow root counts;
  // the size test catches the visually-hidden (1px, off-screen) kind.
  function isShown(el) {
    if (!el.isConnected) return false;
    if (typeof el.checkVisibility === 'function' &&
        !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width >= 2 && r.height >= 2 && r.right > 0;
  }

  function isNoteBox(el) {
    return el instanceof HTMLTextAreaElement && !el.disabled && !el.readOnly && isShown(el);
  }

  // The coach goes after the field's own wrapper (label, textarea, counter) and before the
  // dialog's action bar, so it pushes Send down instead of covering it, and stays inside the
  // dialog, whose focus trap and backdrop would break controls placed outside.
  function placement(textarea, dialog) {
    let el = textarea;
    for (;;) {
      const parent = el.parentElement;
      if (!parent || parent === dialog || parent === document.body || parent === document.documentElement) break;
      // Era B's padded content area: the coach goes inside it, not flush against the modal's
      // edges between the content and the action bar.
      if (parent.matches('.artdeco-modal__content, [class*="modal__content"]')) break;
      if (parent.querySelectorAll('button, textarea, input, select, [role="button"]').length > 1) break;
      el = parent;
    }
    return el;
  }

  // ---- Reading the recipient and the limit ------------------------------------------------

  function cleanName(raw) {
    if (typeof raw !== 'string') return null;
    let name = raw.replace(/\s+/g, ' ').trim();
    // "Jane Doe, PhD", "Jane Doe (she/her)", "Jane Doe | Recruiter": the name is the first part.
    name = name.split(/\s*[,(|]\s*|\s+[-–—]\s+/)[0];
    name = name.replace(/^[^\p{L}]+|[^\p{L}.'’]+$/gu, '');
    if (!name || name.length > 80 || /\d/.test(name)) return null;
    if (name.split(' ').length > 6) return null;
    return name;
  }

  function recipient(fullName) {
    if (!fullName) return undefined;
    const words = fullName.split(' ');
    while (words.length > 1 && HONORIFIC.test(words[0])) words.shift();
    return { full_name: fullName, first_name: words[0] };
  }

  function textOf(el) {
    return el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
  }

  // A name the dialog itself shows, structure first, English wording last.
  function nameInDialog(dialog) {
    if (!dialog) return null;
    const person = dialog.querySelector('[data-anonymize="person-name"]');
    if (person) return cleanName(textOf(person));
    for (const strong of dialog.querySelectorAll('strong, b')) {
      const name = cleanName(textOf(strong));
      if (name && name === textOf(strong).replace(/[.!]$/, '')) return name;
    }
    const match = INVITATION_TO.exec(textOf(dialog));
    return match ? cleanName(match[1]) : null;
  }

  function pageH1() {
    return cleanName(textOf(document.querySelector('main h1') || document.querySelector('h1')));
  }

  function titleName() {
    const match = /^(?:\(\d+\+?\)\s*)?(.+?)\s*\|\s*LinkedIn\s*$/.exec(document.title);
    return match ? cleanName(match[1]) : null;
  }

  // A name from the page around the dialog, only where the page is about one person.
  function nameOnPage() {
    const path = location.pathname;
    if (/^\/sales\/(?:lead|people)\//.test(path)) {
      const names = new Set([...document.querySelectorAll('[data-anonymize="person-name"]')]
        .map((el) => cleanName(textOf(el))).filter(Boolean));
      if (names.size === 1) return [...names][0];
    }
    // Elsewhere the heading and title name a feed, a search or a company, never the invitee.
    return /^\/in\//.test(path) ? pageH1() || titleName() : null;
  }

  // The invitee's headline where the page shows it next to their name: the profile's top card,
  // or the Sales Navigator lead's card or dialog. Only beside that name, so a list of other people
  // ("People also viewed") never lends its headlines.
  function headlineOnPage(fullName) {
    const path = location.pathname;
    let nameEl = null;
    let pick = null;
    if (/^\/sales\/(?:lead|people)\//.test(path)) {
      nameEl = [...document.querySelectorAll('[data-anonymize="person-name"]')]
        .find((el) => cleanName(textOf(el)) === fullName);
      pick = (scope) => scope.querySelector('[data-anonymize="headline"]');
    } else if (/^\/in\//.test(path)) {
      const h1 = document.querySelector('main h1') || document.querySelector('h1');
      if (h1 && cleanName(textOf(h1)) === fullName) nameEl = h1;
      // The headline follows the name in the top card.
      pick = (scope) => [...scope.querySelectorAll('.text-body-medium')]
        .find((el) => nameEl.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    }
    if (!nameEl) return null;
    // Up a few levels at most: far enough for the top card's wrappers, not into the page.
    let scope = nameEl.parentElement;
    for (let depth = 0; scope && depth < 4; depth++, scope = scope.parentElement) {
      if (scope.matches('main, body')) break;
      const el = pick(scope);
      if (el) {
        const headline = textOf(el);
        return headline && headline.length <= MAX_HEADLINE ? headline : null;
      }
    }
    return null;
  }

  function companyIn(headline) {
    const match = headline ? AT_COMPANY.exec(headline) : null;
    const company = match?.[1].trim();
    return company && company.length <= 60 && company.split(' ').length <= 6 ? company : null;
  }

  function isInvitation(dialog) {
    return dialog.matches(INVITE_DIALOG) ||
      dialog.querySelector(NOTE_BOX) !== null ||
      dialog.querySelector(INVITE_DIALOG_CONTENT) !== null ||
      INVITATION_TO.test(textOf(dialog));
  }

  function readLimit(textarea, dialog) {
    if (textarea.hasAttribute('maxlength') && textarea.maxLength > 0) return textarea.maxLength;
    // The newest dialog shows the limit only as "0/200" text near the box.
    const scope = dialog || textarea.parentElement?.parentElement || textarea.parentElement;
    if (scope) {
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const match = COUNTER.exec(node.data);
        if (match) return Number(match[1]);
      }
    }
    return DEFAULT_LIMIT;
  }

  function readContext(textarea, dialog) {
    const name = nameInDialog(dialog) || recentName || nameOnPage();
    const context = { limit: readLimit(textarea, dialog) };
    const who = recipient(name);
    if (who) {
      const headline = headlineOnPage(who.full_name);
      if (headline) {
        who.headline = headline;
        const company = companyIn(headline);
        if (company) who.company = company;
      }
      context.recipient = who;
    }
    return context;
  }

  // ---- The scan ----------------------------------------------------------------------------

  function scan() {
    if (location.href !== recentHref) {
      recentHref = location.href;
      recentName = null;
    }
    const boxes = [];
    for (const root of roots()) {
      for (const dialog of root.querySelectorAll(`${DIALOG}, ${FORM}`)) {
        // The first stage names the invitee; the note stage that replaces it may not.
        if (isShown(dialog) && isInvitation(dialog)) recentName = nameInDialog(dialog) || recentName;
      }
      for (const textarea of root.querySelectorAll(NOTE_BOX)) {
        if (!isNoteBox(textarea)) continue;
        const dialog = textarea.closest(DIALOG) || textarea.closest(FORM);
        boxes.push({
          textarea,
          dialog,
          placeAfter: placement(textarea, dialog),
          context: readContext(textarea, dialog),
        });
      }
    }
    return boxes;
  }

  function onClick(event) {
    let control = null;
    for (const node of event.composedPath()) {
      if (!(node instanceof Element)) continue;
      // Clicks inside a dialog ("Add a note", "Cancel") don't change who is being invited.
      if (node.matches(`${DIALOG}, ${FORM}`)) return;
      if (!control && node.matches(CONTROL)) control = node;
    }
    if (!control) return;
    const label = control.getAttribute('aria-label') || '';
    const match = INVITE_LABEL.exec(label);
    if (match) {
      recentName = cleanName(match[1]);
      return;
    }
    // A localised "Invite … to connect" still contains the name: on a profile, the heading's.
    const h1 = pageH1();
    recentName = h1 && label.includes(h1) ? h1 : null;
  }

  // ---- Watching ----------------------------------------------------------------------------

  const OBSERVE = {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: [
      'class', 'style', 'hidden', 'aria-hidden', 'inert', 'open', 'disabled', 'aria-disabled',
      'maxlength', 'id', 'aria-label', 'aria-labelledby',
    ],
  };

  // LinkedIn's feed mutates constantly; a scan every 100 ms at most is still far quicker than the
  // few hundred ms the dialog takes to open.
  const MIN_SCAN_INTERVAL_MS = 100;

  function watch(callback) {
    let frame = 0;
    let pending = 0;
    let lastRun = -Infinity;
    const timers = new Set();
    const observed = new WeakSet();

    const run = () => {
      frame = 0;
      lastRun = performance.now();
      // Mutations inside a shadow root never reach an observer on the document: each open root
      // the dialog may use is observed in its own right as soon as it exists.
      for (const root of roots()) {
        if (!observed.has(root)) {
          observed.add(root);
          observer.observe(root, OBSERVE);
        }
      }
      callback();
    };
    const schedule = () => {
      if (frame || pending) return;
      const wait = lastRun + MIN_SCAN_INTERVAL_MS - performance.now();
      if (wait <= 0) {
        frame = requestAnimationFrame(run);
        return;
      }
      pending = setTimeout(() => {
        pending = 0;
        if (!frame) frame = requestAnimationFrame(run);
      }, wait);
    };
    // The dialog opens a few hundred ms after the Connect click, possibly into a shadow root
    // attached after its host was inserted (no mutation we could see announces it).
    const scheduleLater = (ms) => {
      const id = setTimeout(() => { timers.delete(id); schedule(); }, ms);
      timers.add(id);
    };
    const onClickCapture = (event) => {
      onClick(event);
      schedule();
      scheduleLater(400);
      scheduleLater(1200);
    };

    const observer = new MutationObserver(schedule);
    observer.observe(document.documentElement, OBSERVE);
    observed.add(document);
    document.addEventListener('click', onClickCapture, true);
    document.addEventListener('focusin', schedule, true);
    window.addEventListener('popstate', schedule);
    schedule();

    return function stop() {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(pending);
      for (const id of timers) clearTimeout(id);
      document.removeEventListener('click', onClickCapture, true);
      document.removeEventListener('focusin', schedule, true);
      window.removeEventListener('popstate', schedule);
    };
  }

  function theme() {
    const html = document.documentElement.classList;
    if (html.contains('theme--dark')) return 'dark';
    if (html.contains('theme--light')) return 'light';
    return 'auto';
  }

  U.linkedin = { scan, watch, theme };
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
