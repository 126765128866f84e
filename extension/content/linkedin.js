// The site adapter: the one file that knows LinkedIn's DOM (see shared/design/linkedin-dom.md).
// When LinkedIn changes, this file changes; the coach and the engine client do not.
//
//   Uncanned.linkedin.scan()    → [{ textarea, dialog, placeAfter, context: { recipient, limit } }]
//                                 recipient: { full_name, first_name, headline?, company?,
//                                 mutuals?, mutual_count?, shared_school?, shared_employer?,
//                                 shared_group?, posts?, about? }: only what the page shows, read
//                                 afresh at each scan, kept nowhere else
//   Uncanned.linkedin.watch(cb) → stop(); cb runs (at most every 100 ms) when the page may have
//                                 opened, changed or closed an invitation dialog, and returns
//                                 whether a note box is there; 3 s after the last one went (and
//                                 no click or focus move), attribute changes no longer count
//   Uncanned.linkedin.status()  → { box, lostBox }: a note box found; or, failing that, an
//                                 invitation dialog with a text field no selector knows
//   Uncanned.linkedin.theme()   → 'dark' | 'light' | 'auto'
//   Uncanned.linkedin.SELECTORS, FORMS: the selector table below, for the tests
//
// Class names change with every deploy; ids, name, aria-*, role and data-* attributes have been
// the stable anchors, and the UI is localised, so English text is only ever a last resort.

(function (U) {
  'use strict';

  // ---- Every LinkedIn selector --------------------------------------------------------------
  //
  // The forms of LinkedIn's pages the adapter knows (shared/design/linkedin-dom.md); each has a
  // fixture page in tests/browser/fixtures, and a test counts every selector's matches on each,
  // so a redesign shows up as "NOTE_BOX matched 0 on era-c" rather than as a silent absence.
  const FORMS = Object.freeze({
    'era-b': 'profile, artdeco invitation modal in the light DOM (about 2019-2024)',
    'era-c': "profile, invitation dialog in #interop-outlet's open shadow root (late 2025 on)",
    'sales-old': 'Sales Navigator, the inline .connect-cta-form',
    'sales-new': 'Sales Navigator, the dialog labelled by #connect-cta-form__header',
  });

  // Each entry: the selector, and the forms it serves (the test requires a match on each; an
  // entry serving none is a fallback no fixture shows). A new part of the page (a fact about the
  // recipient, say) is a new name here with its entries; the code reads it as SEL.NAME.
  const SELECTORS = Object.freeze({
    // The invitation note: the only text field the coach attaches to.
    NOTE_BOX: [
      { css: 'textarea#custom-message', forms: ['era-b', 'era-c'] },
      { css: 'textarea#connect-cta-form__invitation', forms: ['sales-old', 'sales-new'] },
      { css: '.connect-cta-form textarea', forms: ['sales-old'] },
      { css: '[role="dialog"][aria-labelledby="connect-cta-form__header"] textarea', forms: ['sales-new'] },
    ],
    // Hosts whose open shadow root holds the dialog.
    OUTLET: [
      { css: '#interop-outlet', forms: ['era-c'] },
      { css: '[data-testid="interop-shadowdom"]', forms: ['era-c'] },
    ],
    DIALOG: [
      { css: '[role="dialog"]', forms: ['era-b', 'era-c', 'sales-new'] },
      // The weekly-limit alert; a native <dialog> should LinkedIn move to one.
      { css: '[role="alertdialog"]', forms: [] },
      { css: 'dialog', forms: [] },
    ],
    // Sales Navigator's older form is inline, not a dialog; in the newer one it sits inside one.
    FORM: [
      { css: '.connect-cta-form', forms: ['sales-old'] },
    ],
    // Dialogs that are about an invitation even before the note box appears (first stages).
    INVITE_DIALOG: [
      { css: '.send-invite', forms: ['era-b'] },
      { css: '[aria-labelledby="send-invite-modal"]', forms: ['era-b'] },
      { css: '[aria-labelledby="connect-cta-form__header"]', forms: ['sales-new'] },
    ],
    // Controls only an invitation dialog has, in either stage.
    INVITE_DIALOG_CONTENT: [
      { css: 'button[aria-label="Add a note"]', forms: ['era-b'] },
      { css: 'button[aria-label="Add a free note"]', forms: ['era-c'] },
      { css: 'button[aria-label="Send without a note"]', forms: ['era-c'] },
      { css: 'button[aria-label="Send now"]', forms: ['era-b'] },
      { css: 'button[aria-label="Cancel adding a note"]', forms: ['era-c'] },
      { css: 'button[aria-label="Send invitation"]', forms: ['era-c'] },
    ],
    // Era B's padded content area: the coach goes inside it, not flush against the modal's edges.
    MODAL_CONTENT: [
      { css: '.artdeco-modal__content', forms: ['era-b'] },
      { css: '[class*="modal__content"]', forms: ['era-b'] },
    ],
    // The invitee's name on a Sales Navigator page and in its newer dialog.
    PERSON_NAME: [
      { css: '[data-anonymize="person-name"]', forms: ['sales-old', 'sales-new'] },
    ],
    // The profile's heading, the invitee's name on a profile page.
    PROFILE_NAME: [
      { css: 'main h1', forms: ['era-b', 'era-c'] },
    ],
    // The headline beside the name: the lead's card, the profile's top card.
    LEAD_HEADLINE: [
      { css: '[data-anonymize="headline"]', forms: ['sales-old', 'sales-new'] },
    ],
    PROFILE_HEADLINE: [
      { css: '.text-body-medium', forms: ['era-b', 'era-c'] },
    ],
    // What the recipient's page shows beside the dialog (linkedin-dom.md, "Facts the profile
    // shows beside the dialog"): names, schools and titles are read from their own elements,
    // never parsed out of the sentence around them, which is in the member's UI language.
    // The person's card: the profile's top card around the <h1>, the lead card around the name.
    FACT_CARD: [
      { css: 'section', forms: ['era-b', 'era-c', 'sales-old', 'sales-new'] },
      { css: '[data-x--lead--topcard]', forms: ['sales-old', 'sales-new'] },
    ],
    // In that card, the link into people search filtered by the shared network.
    MUTUAL_LINK: [
      { css: 'a[href*="facetConnectionOf"]', forms: ['era-b'] },
      { css: 'a[href*="mutual" i]', forms: ['era-c', 'sales-old', 'sales-new'] },
    ],
    // The link's bold spans are the names; era B repeats the sentence for screen readers, so
    // names are de-duplicated.
    MUTUAL_NAME: [
      { css: 'strong', forms: ['era-b', 'era-c', 'sales-old', 'sales-new'] },
      { css: 'b', forms: [] },
    ],
    // The "Highlights" card, profiles only ("You both studied at …"). What both share is told
    // by where each line's link goes, not by its words.
    HIGHLIGHTS: [
      { css: '.pv-highlights-section', forms: ['era-b'] },
      { css: '[componentkey*="highlights" i]', forms: ['era-c'] },
    ],
    SHARED_SCHOOL: [{ css: 'a[href*="/school/"]', forms: ['era-b', 'era-c'] }],
    SHARED_EMPLOYER: [{ css: 'a[href*="/company/"]', forms: ['era-b', 'era-c'] }],
    SHARED_GROUP: [{ css: 'a[href*="/groups/"]', forms: ['era-b', 'era-c'] }],
    SHARED_PERSON: [{ css: 'a[href*="/in/"]', forms: ['era-b', 'era-c'] }],
    // Recent posts and articles: a post's first line, an article's title.
    ACTIVITY: [
      { css: '.pv-recent-activity-section', forms: ['era-b'] },
      { css: '[componentkey*="activity" i]', forms: ['era-c'] },
      { css: '[data-sn-view-name="lead-recent-activity"]', forms: ['sales-old', 'sales-new'] },
    ],
    POST: [
      { css: 'a[href*="/feed/update/"]', forms: ['era-b', 'era-c', 'sales-old', 'sales-new'] },
      { css: 'a[href*="/pulse/"]', forms: ['era-b', 'era-c', 'sales-old', 'sales-new'] },
    ],
    POST_TITLE: [
      { css: 'h3', forms: ['era-b', 'era-c', 'sales-old', 'sales-new'] },
      { css: 'span[dir="ltr"]', forms: ['era-b', 'era-c', 'sales-old', 'sales-new'] },
    ],
    // The profile's about card, read only to tell the language the profile is written in.
    ABOUT: [
      { css: 'section#about', forms: ['era-b'] },
      { css: '[componentkey*="about" i]', forms: ['era-c'] },
    ],
    // LinkedIn's theme, on <html> (the test loads every form dark).
    DARK_THEME: [{ css: 'html.theme--dark', forms: ['era-b', 'era-c', 'sales-old', 'sales-new'] }],
    LIGHT_THEME: [{ css: 'html.theme--light', forms: [] }],
  });

  // Each name's selectors joined into one, as querySelectorAll takes them.
  const SEL = Object.freeze(Object.fromEntries(
    Object.entries(SELECTORS).map(([name, entries]) => [name, entries.map((e) => e.css).join(', ')]),
  ));

  // One predicate per kind of page: where the page itself is about one person, and whose.
  const PAGE_KINDS = Object.freeze({
    profile: (path) => /^\/in\//.test(path),
    salesLead: (path) => /^\/sales\/(?:lead|people)\//.test(path),
  });

  // Not LinkedIn's: what any page's controls and fields are, and the coach's own host.
  const CONTROL = 'button, a, [role="button"], [role="menuitem"]';
  const FIELDS = 'button, textarea, input, select, [role="button"]';
  // A field a writer could type a note into, whatever LinkedIn calls it.
  const TEXT_FIELD = 'textarea, [contenteditable=""], [contenteditable="true"], [role="textbox"]';
  const OURS = '[data-uncanned-coach]';

  // The mutual-connections count: the sentence's number, plus the names when it counts "other"
  // ones ("A, B and 10 other mutual connections"); alone it is the total ("12 conexões em comum:
  // A e B"). The one place the sentence's words are read, and only for the count.
  const MUTUAL_OTHERS = /\b(?:other|others|weitere|autres?|otr[oa]s|outr[oa]s)\b/i;
  // Enough of each to be useful, well under the background's caps on a message's strings.
  const MAX_FACT = 160;
  const MAX_ABOUT = 600;
  const MAX_LISTED = 5;

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
    for (const host of document.querySelectorAll(SEL.OUTLET)) collectRoots(host, found);
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
      if (parent.matches(SEL.MODAL_CONTENT)) break;
      if (parent.querySelectorAll(FIELDS).length > 1) break;
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
    const person = dialog.querySelector(SEL.PERSON_NAME);
    if (person) return cleanName(textOf(person));
    for (const strong of dialog.querySelectorAll('strong, b')) {
      const name = cleanName(textOf(strong));
      if (name && name === textOf(strong).replace(/[.!]$/, '')) return name;
    }
    const match = INVITATION_TO.exec(textOf(dialog));
    return match ? cleanName(match[1]) : null;
  }

  // A page may have several h1s; the profile's is inside main, and the page's first is a guess.
  function profileHeading() {
    return document.querySelector(SEL.PROFILE_NAME) || document.querySelector('h1');
  }

  function pageH1() {
    return cleanName(textOf(profileHeading()));
  }

  function titleName() {
    const match = /^(?:\(\d+\+?\)\s*)?(.+?)\s*\|\s*LinkedIn\s*$/.exec(document.title);
    return match ? cleanName(match[1]) : null;
  }

  // A name from the page around the dialog, only where the page is about one person.
  function nameOnPage() {
    const path = location.pathname;
    if (PAGE_KINDS.salesLead(path)) {
      const names = new Set([...document.querySelectorAll(SEL.PERSON_NAME)]
        .map((el) => cleanName(textOf(el))).filter(Boolean));
      if (names.size === 1) return [...names][0];
    }
    // Elsewhere the heading and title name a feed, a search or a company, never the invitee.
    return PAGE_KINDS.profile(path) ? pageH1() || titleName() : null;
  }

  // The element naming the invitee where the page is about that one person: the profile's
  // heading, or the Sales Navigator lead's name. What the page says beside it is theirs; a list
  // of other people ("People also viewed") never lends its headlines or facts.
  function nameElement(fullName) {
    const path = location.pathname;
    if (PAGE_KINDS.salesLead(path)) {
      return [...document.querySelectorAll(SEL.PERSON_NAME)]
        .find((el) => cleanName(textOf(el)) === fullName) || null;
    }
    const h1 = PAGE_KINDS.profile(path) ? profileHeading() : null;
    return h1 && cleanName(textOf(h1)) === fullName ? h1 : null;
  }

  // The invitee's headline where the page shows it next to their name: the profile's top card,
  // or the Sales Navigator lead's card or dialog.
  function headlineOnPage(fullName) {
    const nameEl = nameElement(fullName);
    if (!nameEl) return null;
    const pick = PAGE_KINDS.salesLead(location.pathname)
      ? (scope) => scope.querySelector(SEL.LEAD_HEADLINE)
      // The headline follows the name in the top card.
      : (scope) => [...scope.querySelectorAll(SEL.PROFILE_HEADLINE)]
        .find((el) => nameEl.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
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
    return dialog.matches(SEL.INVITE_DIALOG) ||
      dialog.querySelector(SEL.NOTE_BOX) !== null ||
      dialog.querySelector(SEL.INVITE_DIALOG_CONTENT) !== null ||
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

  // ---- What the page shows about them ----------------------------------------------------

  function clip(text, max) {
    if (text.length <= max) return text;
    const cut = text.slice(0, max);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
  }

  function addFacts(who) {
    const nameEl = nameElement(who.full_name);
    if (!nameEl) return;
    const card = nameEl.closest(SEL.FACT_CARD);
    const names = [];
    const addName = (el) => {
      const name = cleanName(textOf(el));
      if (name && name !== who.full_name && !names.includes(name)) names.push(name);
    };
    const link = card?.querySelector(SEL.MUTUAL_LINK);
    if (link) {
      for (const el of link.querySelectorAll(SEL.MUTUAL_NAME)) addName(el);
      // Era B says it twice (for the eye and for screen readers): one copy's number.
      const copy = link.querySelector('[aria-hidden="true"]') || link;
      const number = /\d[\d.,\u00a0\u202f]*/.exec(textOf(copy));
      if (number) {
        const n = Number(number[0].replace(/\D/g, ''));
        if (Number.isSafeInteger(n)) {
          who.mutual_count = MUTUAL_OTHERS.test(textOf(copy)) ? n + names.length : n;
        }
      }
    }
    const shared = {};
    for (const section of document.querySelectorAll(SEL.HIGHLIGHTS)) {
      for (const [key, selector] of [
        ['shared_school', SEL.SHARED_SCHOOL],
        ['shared_employer', SEL.SHARED_EMPLOYER],
        ['shared_group', SEL.SHARED_GROUP],
      ]) {
        const text = textOf(section.querySelector(selector));
        if (text && !shared[key]) shared[key] = clip(text, MAX_FACT);
      }
      for (const el of section.querySelectorAll(SEL.SHARED_PERSON)) addName(el);
    }
    Object.assign(who, shared);
    if (names.length) who.mutuals = names.slice(0, MAX_LISTED);
    const posts = [];
    for (const section of document.querySelectorAll(SEL.ACTIVITY)) {
      for (const post of section.querySelectorAll(SEL.POST)) {
        const titleEl = post.querySelector(SEL.POST_TITLE) || post;
        // A post's first line: its text up to the first line break.
        const firstLine = (titleEl.innerText || titleEl.textContent).split('\n').map((l) => l.trim()).find(Boolean);
        if (firstLine && !posts.includes(firstLine)) posts.push(clip(firstLine, MAX_FACT));
      }
    }
    if (posts.length) who.posts = posts.slice(0, MAX_LISTED);
    const about = document.querySelector(SEL.ABOUT);
    const aboutCard = about?.closest(SEL.FACT_CARD);
    if (aboutCard) {
      const heading = aboutCard.querySelector('h2');
      const text = textOf(aboutCard).slice(heading ? textOf(heading).length : 0).trim();
      if (text) who.about = clip(text, MAX_ABOUT);
    }
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
      addFacts(who);
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
      for (const dialog of root.querySelectorAll(`${SEL.DIALOG}, ${SEL.FORM}`)) {
        // The first stage names the invitee; the note stage that replaces it may not.
        if (isShown(dialog) && isInvitation(dialog)) recentName = nameInDialog(dialog) || recentName;
      }
      for (const textarea of root.querySelectorAll(SEL.NOTE_BOX)) {
        if (!isNoteBox(textarea)) continue;
        const dialog = textarea.closest(SEL.DIALOG) || textarea.closest(SEL.FORM);
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

  // For the popup: whether a note box is there, and if not, whether an invitation dialog shows a
  // text field that no NOTE_BOX selector knows: LinkedIn changed the dialog, and the writer should
  // hear that rather than see nothing.
  function status() {
    if (scan().length > 0) return { box: true, lostBox: false };
    for (const root of roots()) {
      for (const dialog of root.querySelectorAll(`${SEL.DIALOG}, ${SEL.FORM}`)) {
        if (!isShown(dialog) || !isInvitation(dialog)) continue;
        if ([...dialog.querySelectorAll(TEXT_FIELD)].some(isShown)) return { box: false, lostBox: true };
      }
    }
    return { box: false, lostBox: false };
  }

  function onClick(event) {
    let control = null;
    for (const node of event.composedPath()) {
      if (!(node instanceof Element)) continue;
      // Clicks inside a dialog ("Add a note", "Cancel") don't change who is being invited.
      if (node.matches(`${SEL.DIALOG}, ${SEL.FORM}`)) return;
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

  // Once no note box is on the page and nothing has happened for a while, the watcher stops
  // hearing every attribute change of LinkedIn's ever-busy feed: it keeps only nodes coming and
  // going (a dialog inserted) and the clicks, focus moves and history steps that open a dialog,
  // any of which brings the attributes back.
  const IDLE_MS = 3000;
  const NARROW = { childList: true, subtree: true };

  // `callback` → whether a note box is on the page; while one is, attributes stay watched.
  function watch(callback) {
    let frame = 0;
    let pending = 0;
    let lastRun = -Infinity;
    let busy = false;
    let options = OBSERVE;
    let idleTimer = 0;
    const timers = new Set();
    // The document and every open shadow root observed, to observe again when `options` change.
    const observed = new Set([document.documentElement]);

    const setOptions = (next) => {
      if (options === next) return;
      options = next;
      observer.disconnect();
      for (const root of observed) {
        if (root !== document.documentElement && !root.host?.isConnected) observed.delete(root);
        else observer.observe(root, options);
      }
    };
    const settle = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        if (busy) settle();
        else setOptions(NARROW);
      }, IDLE_MS);
    };
    const wake = () => {
      setOptions(OBSERVE);
      settle();
    };

    const run = () => {
      frame = 0;
      lastRun = performance.now();
      // Mutations inside a shadow root never reach an observer on the document: each open root
      // the dialog may use is observed in its own right as soon as it exists.
      for (const root of roots()) {
        if (root !== document && !observed.has(root)) {
          observed.add(root);
          observer.observe(root, options);
        }
      }
      busy = Boolean(callback());
      if (busy) wake();
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
      wake();
      schedule();
      scheduleLater(400);
      scheduleLater(1200);
    };
    const onStir = () => {
      wake();
      schedule();
    };

    const observer = new MutationObserver(schedule);
    observer.observe(document.documentElement, options);
    document.addEventListener('click', onClickCapture, true);
    document.addEventListener('focusin', onStir, true);
    window.addEventListener('popstate', onStir);
    settle();
    schedule();

    return function stop() {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(pending);
      clearTimeout(idleTimer);
      for (const id of timers) clearTimeout(id);
      document.removeEventListener('click', onClickCapture, true);
      document.removeEventListener('focusin', onStir, true);
      window.removeEventListener('popstate', onStir);
    };
  }

  function theme() {
    const html = document.documentElement;
    if (html.matches(SEL.DARK_THEME)) return 'dark';
    if (html.matches(SEL.LIGHT_THEME)) return 'light';
    return 'auto';
  }

  U.linkedin = { scan, status, watch, theme, FORMS, SELECTORS };
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
