import { api, clear, el, loaded, pager, t, timeElement } from './common.js';

export async function auditPage() {
  const params = new URLSearchParams(location.search);
  const form = document.getElementById('audit-form');
  for (const name of ['from', 'to']) if (!params.has(name)) params.set(name, form.elements[name].value);
  let data;
  try {
    data = await api('GET', `/api/staff/audit?${params}`);
  } catch {
    loaded(false);
    return;
  }
  const rows = clear(document.getElementById('audit-rows'));
  for (const e of data.items) {
    const record = [e.recordType, e.recordId].filter(Boolean).join(' ');
    rows.append(
      el(
        'tr',
        { 'data-action': e.action },
        el('td', {}, timeElement(e.at)),
        el('td', {}, e.actor || t('flag.system')),
        el('td', {}, e.action),
        el('td', { class: 'record' }, record || t('app.empty')),
        el('td', {}, e.ip || t('app.empty')),
        el('td', {}, e.channel),
      ),
    );
  }
  loaded(true, data.items.length === 0 ? 'audit.empty' : undefined);
  pager(data.continuation);
}
