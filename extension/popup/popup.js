// The popup: whether this tab has an invitation box, pause/resume on LinkedIn, the settings, and
// the privacy promise. It asks the tab's content script; no reply means it is not a LinkedIn page.

(function (U) {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;
  const status = document.getElementById('status');
  const pause = document.getElementById('pause');
  const t = (key, fallback) => api.i18n.getMessage(key) || fallback;

  function showStatus(state) {
    status.dataset.state = state;
    status.textContent = {
      box: t('popup_box', 'An invitation note is open on this page: Uncanned is coaching it.'),
      none: t('popup_no_box', 'No invitation note on this page. Click Connect, then Add a note.'),
      lost: t('popup_lost_box', "LinkedIn changed this dialog; Uncanned can't find the note box."),
      paused: t('popup_paused', 'Paused: Uncanned is not coaching on LinkedIn.'),
      elsewhere: t('popup_elsewhere', 'Uncanned works on LinkedIn pages.'),
    }[state];
  }

  // The label says what a press does; aria-pressed with a label that also flips would read as
  // "Resume, pressed".
  function showPaused(paused) {
    pause.dataset.paused = String(paused);
    pause.textContent = paused ? t('popup_resume', 'Resume on LinkedIn') : t('popup_pause', 'Pause on LinkedIn');
  }

  // A refresh started before a click (a focus event) must not show the state from before it.
  let generation = 0;

  async function refresh() {
    const mine = ++generation;
    const { paused } = await U.settings.load();
    if (mine !== generation) return;
    showPaused(paused);
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    let reply = null;
    try {
      reply = tab?.id != null ? await api.tabs.sendMessage(tab.id, { type: 'status' }) : null;
    } catch {
      reply = null; // no content script there: not a LinkedIn page
    }
    if (mine !== generation) return;
    if (!reply) showStatus('elsewhere');
    else if (paused) showStatus('paused');
    else showStatus(reply.box ? 'box' : reply.lostBox ? 'lost' : 'none');
  }

  pause.addEventListener('click', async () => {
    // The button shows the state: flip it at once, then store it for the content scripts.
    const paused = pause.dataset.paused !== 'true';
    generation++;
    showPaused(paused);
    await U.settings.setPaused(paused);
    await refresh();
  });
  document.getElementById('options').addEventListener('click', (e) => {
    e.preventDefault();
    api.runtime.openOptionsPage();
    window.close();
  });

  // A popup kept open (or opened as a page) answers for whichever tab is active now.
  window.addEventListener('focus', () => { refresh(); });

  U.localize();
  refresh().finally(() => { document.documentElement.dataset.ready = 'true'; });
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
