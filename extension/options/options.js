// The options page: every change is saved at once and reaches an open LinkedIn dialog through
// storage.onChanged, no reload needed.

(function (U) {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;
  const form = document.getElementById('form');
  const status = document.getElementById('status');
  let statusTimer = 0;

  function read() {
    const limit = form.elements.limit.value;
    return {
      sender_name: form.elements.sender_name.value.trim(),
      sender_role: form.elements.sender_role.value.trim(),
      limit: limit === 'auto' ? 'auto' : Number(limit),
      expecting: form.elements.expecting.checked,
      disabled_rules: [...form.querySelectorAll('input[data-rule]')].filter((i) => !i.checked).map((i) => i.dataset.rule),
    };
  }

  function fill(settings) {
    form.elements.sender_name.value = settings.sender_name;
    form.elements.sender_role.value = settings.sender_role;
    form.elements.limit.value = String(settings.limit);
    form.elements.expecting.checked = settings.expecting;
    for (const input of form.querySelectorAll('input[data-rule]')) {
      input.checked = !settings.disabled_rules.includes(input.dataset.rule);
    }
  }

  async function rules() {
    const reply = await api.runtime.sendMessage({ type: 'rules', lang: api.i18n.getMessage('ui_lang') || 'en' });
    if (!Array.isArray(reply)) throw new Error(reply?.error ?? 'no rule list');
    const box = document.getElementById('rules');
    box.replaceChildren(...reply.map(({ id, title }) => {
      const row = document.createElement('div');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.id = `rule-${id}`;
      input.dataset.rule = id;
      const label = document.createElement('label');
      label.htmlFor = input.id;
      label.textContent = title;
      const code = document.createElement('code');
      code.textContent = ` ${id}`;
      code.className = 'hint';
      label.append(code);
      row.append(input, label);
      return row;
    }));
  }

  async function save() {
    await U.settings.saveSettings(read());
    status.textContent = api.i18n.getMessage('options_saved') || 'Saved.';
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => { status.textContent = ''; }, 2000);
  }

  async function start() {
    U.localize();
    await rules();
    fill((await U.settings.load()).settings);
    form.addEventListener('change', save);
    form.addEventListener('input', (e) => { if (e.target.type === 'text') save(); });
    form.addEventListener('submit', (e) => e.preventDefault());
    document.documentElement.dataset.ready = 'true';
  }

  start().catch((error) => {
    status.textContent = String(error?.message ?? error);
  });
})(globalThis.Uncanned || (globalThis.Uncanned = {}));
