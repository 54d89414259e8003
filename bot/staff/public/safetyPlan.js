// The safety plan on the participant's page: the form of the seven parts, the
// participant's open suggestions (add, optionally edited, or dismiss) and the
// versions. Every write sends the eTag of the plan it was based on; a 412
// means someone else saved first, and the page reloads the plan.
import { api, ApiError, clear, el, failureText, formatTime, notice, t } from './common.js';

const CONTACT_SECTIONS = ['helpers', 'professionals'];
let base = '';
let etag = null;
/** Ids of contact inputs stay unique while rows come and go. */
let rowIds = 0;

export async function safetyPlanSection(participantBase) {
  base = `${participantBase}/safety-plan`;
  const form = document.getElementById('plan-form');
  if (!form) return;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    write(() => api('PUT', base, { etag, sections: sectionsOf(form) }), (r) => (r.changed.length ? t('safetyPlan.saved', { version: r.plan.version }) : t('safetyPlan.unchanged')));
  });
  for (const button of form.querySelectorAll('button[data-add-contact]')) {
    button.addEventListener('click', () => {
      const row = addContact(button.dataset.addContact, { name: '', phone: '' });
      row.querySelector('input').focus();
    });
  }
  await load();
}

async function load() {
  try {
    render(await api('GET', base));
  } catch (err) {
    notice(failureText(err), 'error');
  }
}

async function write(call, message) {
  try {
    const result = await call();
    await load();
    notice(message(result));
  } catch (err) {
    if (err instanceof ApiError && err.status === 412) {
      await load();
      notice(t('safetyPlan.stale'), 'error');
    } else notice(failureText(err), 'error');
  }
}

function render({ plan, etag: current, versions, suggestions }) {
  etag = current;
  document.getElementById('plan-meta').textContent = plan
    ? t('safetyPlan.meta', { version: plan.version, editor: plan.editedBy, time: formatTime(plan.editedAt) })
    : t('safetyPlan.none');
  const form = document.getElementById('plan-form');
  for (const textarea of form.querySelectorAll('textarea')) textarea.value = (plan?.sections[textarea.name] ?? []).join('\n');
  for (const section of CONTACT_SECTIONS) {
    clear(contactList(section));
    for (const contact of plan?.sections[section] ?? []) addContact(section, contact);
  }
  renderSuggestions(suggestions);
  const list = clear(document.getElementById('plan-versions'));
  for (const v of versions) {
    const changed = v.changed.map((s) => t(`safetyPlan.section.${s}`)).join('; ') || t('app.empty');
    list.append(el('li', {}, t('safetyPlan.versionLine', { version: v.version, editor: v.editedBy, time: formatTime(v.editedAt), changed }), v.suggestionId ? ` (${t('safetyPlan.fromSuggestion')})` : ''));
  }
}

function contactList(section) {
  return document.querySelector(`ul[data-contacts="${section}"]`);
}

/** One person: name and phone inputs, labelled with the part and the row number for screen readers. */
function addContact(section, contact) {
  const list = contactList(section);
  const n = list.children.length + 1;
  const row = ++rowIds;
  const field = (name, value, type) => {
    const id = `plan-${section}-${name}-${row}`;
    return [
      el('label', { for: id, class: 'visually-hidden' }, t('safetyPlan.personLabel', { field: t(`safetyPlan.${name}`), n })),
      el('input', { id, name, type, value, placeholder: t(`safetyPlan.${name}`), maxlength: name === 'name' ? 80 : 30, autocomplete: 'off' }),
    ];
  };
  const remove = el('button', { type: 'button', 'aria-label': t('safetyPlan.removePerson', { n }) }, t('safetyPlan.remove'));
  const item = el('li', { class: 'contact' }, field('name', contact.name, 'text'), ' ', field('phone', contact.phone, 'tel'), ' ', remove);
  remove.addEventListener('click', () => item.remove());
  list.append(item);
  return item;
}

function sectionsOf(form) {
  const sections = {};
  for (const textarea of form.querySelectorAll('textarea')) {
    sections[textarea.name] = textarea.value.split('\n').map((line) => line.trim()).filter(Boolean);
  }
  for (const section of CONTACT_SECTIONS) {
    sections[section] = [...contactList(section).querySelectorAll('li')]
      .map((row) => ({ name: row.querySelector('input[name="name"]').value.trim(), phone: row.querySelector('input[name="phone"]').value.trim() }))
      .filter((c) => c.name || c.phone);
  }
  return sections;
}

/** Each suggestion with its words (or a name/phone draft) editable before it is added. */
function renderSuggestions(suggestions) {
  const list = clear(document.getElementById('plan-suggestions'));
  if (suggestions.length === 0) list.append(el('li', {}, t('safetyPlan.suggestionsNone')));
  for (const s of suggestions) {
    const contact = CONTACT_SECTIONS.includes(s.section);
    const input = (name, value, label) => {
      const id = `suggestion-${name}-${s.id.replace(/[^\w-]/g, '')}`;
      return [el('label', { for: id }, label), el('input', { id, name, value, size: 40, maxlength: name === 'name' ? 80 : name === 'phone' ? 30 : 200 })];
    };
    const fields = contact
      ? el('p', {}, input('name', s.draft.name, t('safetyPlan.name')), ' ', input('phone', s.draft.phone, t('safetyPlan.phone')))
      : el('p', {}, input('text', s.draft, t('safetyPlan.itemText')));
    const accept = el('button', { type: 'button' }, t('safetyPlan.accept'));
    const dismiss = el('button', { type: 'button' }, t('safetyPlan.dismiss'));
    const channel = t(`safetyPlan.channel.${s.channel}`);
    const item = el(
      'li',
      { class: 'suggestion' },
      el('p', {}, el('strong', {}, t('safetyPlan.suggested', { section: t(`safetyPlan.section.${s.section}`), time: formatTime(s.createdAt), channel: channel.startsWith('safetyPlan.') ? s.channel : channel }))),
      el('blockquote', {}, s.text),
      fields,
      el('p', { class: 'buttons' }, accept, ' ', dismiss),
    );
    const path = `${base}/suggestions/${encodeURIComponent(s.id)}`;
    accept.addEventListener('click', () => {
      const value = (name) => item.querySelector(`input[name="${name}"]`).value.trim();
      const edited = contact ? { name: value('name'), phone: value('phone') } : value('text');
      write(() => api('POST', `${path}/accept`, { etag, item: edited }), (r) => t('safetyPlan.accepted', { version: r.plan.version }));
    });
    dismiss.addEventListener('click', () => write(() => api('POST', `${path}/dismiss`, {}), () => t('safetyPlan.dismissed')));
    list.append(item);
  }
}
