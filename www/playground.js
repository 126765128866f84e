// The playground: the engine loaded straight from its wasm (this page is the project's own, so
// no site's CSP stands in the way) and the extension's coach attached to a LinkedIn-like box.

import init, { analyze, suggest } from './engine/uncanned.js';

const $ = (id) => document.getElementById(id);
const note = $('custom-message');
const recipient = $('recipient');
const limit = $('limit');
const lang = $('lang');
const expecting = $('expecting');
const counter = $('counter');
const send = $('send');

// Notes from the seed articles' complaints and good examples, with the person each was for.
const EXAMPLES = [
  ['LinkedIn’s default', 'Rosa Díaz', "I'd like to add you to my professional network on LinkedIn.\n- Patricia"],
  ['The “double generic”', 'Priya Shah', 'Alex Ray has indicated you are a fellow group member of Women in Data:\nI\'d like to add you to my professional network on LinkedIn.\n- Alex Ray'],
  ['Flattery, no context', 'Emily Chen', "Hi Emily, I came across your profile and was impressed by your experience. I'm passionate about the same field. I'd love to connect."],
  ['A shared group, no why', 'Ines Costa', "Hi Ines, we're both members of the Rust in Production group."],
  ['Who sent you, not why', 'Molly Park', "I'd like to connect with you because my best friend Molly says I should."],
  ['A misspelt one', 'Rosa Díaz', "Hi Rosa, I really enjoyed your webinar on accessible forms. I'd love to conect and learn more about your work."],
  ['An honest job seeker', 'Carla Mendes', "Hi Carla, I'm graduating in mechanical engineering this May and looking for an entry-level role in HVAC design. My resume is on my profile; please keep me in mind if something fits."],
  ['A good one', 'Sam Ortiz', "We have several contacts in common including Ellen Park. I've started to read and share your blog, Small Data. I'd like to invite you to join my LinkedIn network."],
];

// What the recipient's profile shows, as the extension's adapter reads it from the page: only
// what is filled in.
const FACTS = ['mutuals', 'shared-school', 'shared-employer', 'shared-group', 'post', 'profile-lang'];

// The languages a profile can be told apart in are those the coach speaks.
for (const option of lang.options) $('profile-lang').append(option.cloneNode(true));
$('profile-lang').value = '';

function pageFacts() {
  const value = (id) => $(id).value.trim().replace(/\s+/g, ' ');
  const facts = {
    mutuals: value('mutuals').split(/\s*[,;]\s*/).filter(Boolean),
    shared_school: value('shared-school'),
    shared_employer: value('shared-employer'),
    shared_group: value('shared-group'),
    posts: [value('post')].filter(Boolean),
    profile_lang: value('profile-lang'),
  };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v.length));
}

function context() {
  const full = recipient.value.trim().replace(/\s+/g, ' ');
  const who = { ...(full ? { first_name: full.split(' ')[0], full_name: full } : {}), ...pageFacts() };
  return {
    recipient: Object.keys(who).length ? who : undefined,
    limit: Number(limit.value),
    expecting: expecting.checked,
    lang: lang.value,
  };
}

// The coach's strings from the extension's own _locales, so both speak the same words.
async function loadMessages(code) {
  const response = await fetch(`_locales/${code}/messages.json`);
  if (!response.ok) throw new Error(`_locales/${code}: ${response.status}`);
  const catalogue = await response.json();
  return (key, subs) => {
    const entry = catalogue[`coach_${key}`];
    if (!entry) return '';
    // Chrome's format: $NAME$ stands for a placeholder whose content is $1, $2, …
    return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      const n = Number(content.replace('$', ''));
      return String(subs?.[n - 1] ?? '');
    });
  };
}

function updateDialog() {
  const name = recipient.value.trim() || 'them';
  $('recipient-shown').textContent = name;
  // As a textarea counts: UTF-16 code units.
  const used = note.value.length;
  counter.textContent = `${used}/${limit.value}`;
  counter.dataset.over = String(used > Number(limit.value));
  send.disabled = used === 0 || used > Number(limit.value);
  $('sent').textContent = '';
}

async function start() {
  await init({ module_or_path: new URL('./engine/uncanned_bg.wasm', import.meta.url) });
  const css = await (await fetch('coach/coach.css')).text();
  let messages = await loadMessages(lang.value);

  // The coach's fixed labels are drawn when it is attached: a new language means a new coach.
  const attachCoach = () => Uncanned.coach.attach(note, {
    analyze: async (text, ctx) => analyze(text, ctx),
    suggest: async (text, ctx) => suggest(text, ctx),
    getContext: context,
    css,
    // Inside the box's margins, under the counter, as in LinkedIn's own dialog.
    placeWithin: $('note-wrap'),
    theme: 'auto',
    messages: (key, subs) => messages(key, subs),
  });
  let coach = attachCoach();

  note.addEventListener('input', updateDialog);
  for (const input of [recipient, limit, expecting, ...FACTS.map($)]) {
    input.addEventListener('input', () => { updateDialog(); coach.update(); });
  }
  lang.addEventListener('change', async () => {
    messages = await loadMessages(lang.value);
    coach.destroy();
    coach = attachCoach();
  });

  const list = document.querySelector('.examples');
  for (const [label, who, text] of EXAMPLES) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', () => {
      recipient.value = who;
      // Through the same one-click path as the coach's fixes: Ctrl+Z brings back what was there.
      Uncanned.coach.applyEdit(note, 0, note.value.length, text);
      note.setSelectionRange(text.length, text.length);
      // In the one-column layout the note box is below the list: bring it up to where they look.
      note.scrollIntoView({ block: 'nearest' });
      updateDialog();
      coach.update();
    });
    const li = document.createElement('li');
    li.append(button);
    list.append(li);
  }

  // LinkedIn's Cancel closes the dialog; here there is nothing to close, so it empties the note,
  // undoably, as a writer starting over would.
  $('cancel').addEventListener('click', () => {
    if (note.value === '') return;
    Uncanned.coach.applyEdit(note, 0, note.value.length, '');
    updateDialog();
    $('sent').textContent = 'Note emptied. Ctrl+Z brings it back.';
  });
  send.addEventListener('click', () => {
    $('sent').textContent = 'This is a playground: nothing was sent.';
  });
  updateDialog();
  document.documentElement.dataset.ready = 'true';
}

start().catch((error) => {
  document.documentElement.dataset.ready = 'error';
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `The checker could not start in this browser: ${error.message}`;
  $('note-wrap').after(p);
});
