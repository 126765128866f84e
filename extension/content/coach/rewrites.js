// When the coach asks for rewrites, which answer is the one on screen, and where focus may go
// when it arrives. No DOM and no timers: the coach tells it what happened and does what it says,
// so every rule here is tested in Node (tests/unit/rewrites.test.mjs).
//
// Rewrites show unasked for a non-empty note whose verdict is canned or needs_context, and
// otherwise once the writer asks. Typing alone does not refetch: each rewrite replaces the whole
// note, so a list made a few keystrokes ago still puts in exactly what it shows, and a list that
// reshuffled while the writer reads it would be worse than one a little behind. The exception is
// the rewrite that keeps the writer's own sentences: it must not bring back words they have since
// changed.

(function (U) {
  'use strict';

  const parts = U.coachParts || (U.coachParts = {});

  // A fetch that is due waits for the writer to pause: never one per keystroke.
  const DELAY_MS = 300;

  function calledFor(text, verdict) {
    // Not text.trim(): that copies a pasted note on every keystroke; the search stops at the
    // first letter.
    return /\S/.test(text) && (verdict === 'canned' || verdict === 'needs_context');
  }

  // Which rewrite had focus, as something that survives a rebuilt list: its intent and how many
  // of that intent came before it.
  function focusKey(list, index) {
    const intent = list[index]?.intent;
    if (intent === undefined) return null;
    let nth = 0;
    for (let i = 0; i < index; i++) if (list[i].intent === intent) nth++;
    return `${intent}\u0000${nth}`;
  }

  // Where focus goes in a rebuilt list: the same rewrite if it is still there, else nowhere in the
  // list (-1), never a different rewrite in its place.
  function refocusIndex(key, list) {
    if (key == null) return -1;
    for (let i = 0; i < list.length; i++) if (focusKey(list, i) === key) return i;
    return -1;
  }

  function createRewrites() {
    let shown = null; // { text, list, quotesNote } on screen, or null
    let asked = false;
    let due = false;
    let latest = 0; // the number of the newest request; only its answer is shown
    let noteText = '';
    let noteVerdict = null;
    // The verdict that last made rewrites show unasked; a new one fetches afresh.
    let verdictSeen = null;
    // A rewrite just put in: its own verdict is no reason to replace the list it came from.
    let usedText = null;
    // Asked for from the keyboard: focus may follow to the answer if the writer waits for it.
    let focusWanted = false;
    let keySinceAsk = false;

    const wanted = () => asked || calledFor(noteText, noteVerdict);

    return {
      // A new report (every keystroke), or none (verdict null: the engine is away, the note too
      // long). → { clear: the list on screen must go, fetch: a request is due after a pause,
      // wanted: rewrites belong on screen }.
      report(text, verdict) {
        noteText = text;
        noteVerdict = verdict ?? null;
        const unasked = calledFor(text, noteVerdict) ? noteVerdict : null;
        if (unasked && unasked !== verdictSeen && text !== usedText) due = true;
        if (shown?.quotesNote && shown.text !== text && text !== usedText) due = true;
        verdictSeen = unasked;
        let clear = false;
        if (!wanted()) {
          due = false;
          if (shown) {
            shown = null;
            latest++; // an answer still on its way is no longer wanted either
            clear = true;
          }
        }
        return { clear, fetch: wanted() && due, wanted: wanted() };
      },
      // The box was emptied: a new note, asked for nothing yet.
      emptied() { asked = false; },
      // The writer asked ("Suggest a rewrite"); the coach fetches at once.
      ask({ fromKeyboard = false } = {}) {
        asked = true;
        focusWanted = fromKeyboard;
        keySinceAsk = false;
      },
      // The writer pressed a key in the note: an answer arriving later must not take focus.
      keyPressed() { keySinceAsk = true; },
      // The context changed: rewrites on screen (or due) greet, fit and speak for the old one.
      contextChanged() { if (shown || due) due = true; },
      // → the request's number, to hand back with its answer.
      begin() {
        due = false;
        return ++latest;
      },
      // → true when the writer asked and got nothing: the button comes back to ask again.
      failed(ticket) {
        if (ticket !== latest || shown || !asked) return false;
        asked = false;
        return true;
      },
      // → null if the answer is stale or no longer wanted; else the list to show, whether it was
      // asked for (then the coach announces it), and whether focus may move to its first
      // "Use this" (only if the writer pressed no key since asking).
      arrived(ticket, text, answer) {
        if (answer == null || ticket !== latest || !wanted()) return null;
        const list = Array.isArray(answer.suggestions)
          ? answer.suggestions.filter((s) => typeof s?.text === 'string')
          : [];
        shown = { text, list, quotesNote: list.some((s) => s.intent === 'replace_canned') };
        const result = { list, asked, focusFirst: focusWanted && !keySinceAsk && list.length > 0 };
        focusWanted = false;
        return result;
      },
      // The writer chose rewrite `index`: → it, or null. The list makes way for the checks on
      // the new note, unless that note needs one.
      use(index) {
        const s = shown?.list?.[index];
        if (!s) return null;
        usedText = s.text;
        asked = false;
        return s;
      },
      // What the panel shows: the ask button, the list.
      view(hasReport) {
        const w = wanted();
        return { askHidden: w || !hasReport, listHidden: !(w && shown?.list.length) };
      },
      get shown() { return shown; },
    };
  }

  parts.rewrites = { create: createRewrites, focusKey, refocusIndex, DELAY_MS };
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
