// The thread with the participant (on the participant's page and on their
// flags): the messages both ways, the form with its live SMS counter, and
// the End button of an open conversation.
//
// New messages arrive by polling the thread with the token of its last page
// every few seconds, not by server-sent events: Puente runs as several
// instances behind one address, and a participant's reply is stored by
// whichever instance took their turn; a poll reads the store (one query in
// the thread's partition, nothing when nothing is new) and so sees it
// wherever it landed, where a stream would need the instances to tell each
// other. The poll pauses while the tab is hidden.
import { api, ApiError, clear, el, failureText, formatTime, notice, t } from './common.js';

const POLL_MS = 4000;
const SIZE_DELAY_MS = 250;

export async function threadSection(participantId) {
  const section = document.getElementById('thread');
  if (!section || !participantId) return;
  // A sender who is not enrolled (their flags carry an `unknown:` id) has no thread to write to.
  if (participantId.startsWith('unknown:')) return unavailable();
  const base = `/api/staff/participants/${encodeURIComponent(participantId)}`;
  const list = document.getElementById('thread-messages');
  const form = document.getElementById('thread-form');
  const box = document.getElementById('thread-text');
  const count = document.getElementById('thread-count');
  const send = document.getElementById('thread-send');
  const end = document.getElementById('thread-end');
  let token = null;
  let seen = 0;
  // Messages shown while their channel had not answered yet ("Sending"), by id: polls only bring what is new,
  // so the answer to a send from this page puts its delivery on the item a poll may have shown meanwhile.
  const pending = new Map();
  // One key per message written: a retried send is the same message to the server.
  let key = crypto.randomUUID();
  let sizeTimer;

  function unavailable() {
    clear(section).append(el('h2', { id: 'thread-title' }, t('thread.title')), el('p', {}, t('thread.unavailable')));
    section.hidden = false;
  }

  // One poll at a time (the timer's and the one after a send): each starts from the token the last one left.
  let polling = Promise.resolve(true);
  function poll(first = false) {
    polling = polling.then(() => pollOnce(first));
    return polling;
  }

  async function pollOnce(first) {
    try {
      let page;
      do {
        page = await api('GET', `${base}/messages${token ? `?continuation=${encodeURIComponent(token)}` : ''}`);
        token = page.continuation;
        for (const message of page.items) {
          const shown = item(message);
          if (message.direction === 'toParticipant' && !message.delivery) pending.set(message.id, shown);
          list.append(shown);
        }
        if (!first && page.items.some((m) => m.direction === 'fromParticipant')) notice(t('thread.updated'));
        seen += page.items.length;
      } while (page.more);
      state(page);
      return true;
    } catch (err) {
      // A sender who is not enrolled has no thread: the flag page shows why and offers no form.
      if (err instanceof ApiError && err.status === 404) {
        unavailable();
        return false;
      }
      if (first) notice(failureText(err), 'error');
      return true;
    }
  }

  function state(page) {
    const stateLine = document.getElementById('thread-state');
    if (page.optedOut) stateLine.textContent = t('thread.optedOut');
    else if (page.handoff) stateLine.textContent = t('thread.open', { time: formatTime(page.handoff.openedAt), who: page.handoff.openedBy });
    else stateLine.textContent = t('thread.closed');
    end.hidden = !page.handoff;
    box.disabled = page.optedOut;
    send.disabled = page.optedOut;
    if (seen === 0 && !list.querySelector('.empty')) list.append(el('li', { class: 'empty' }, t('thread.empty')));
    if (seen > 0) list.querySelector('.empty')?.remove();
  }

  async function size() {
    const text = box.value.trim();
    if (!text) {
      count.textContent = '';
      send.disabled = false;
      return;
    }
    try {
      const s = await api('POST', `${base}/messages/size`, { text });
      const over = !s.fits;
      count.textContent = s.channelId === 'sms' ? t(over ? 'thread.segmentsOver' : 'thread.segments', s) : t('thread.teamsChannel');
      count.classList.toggle('error', over);
      send.disabled = over;
    } catch (err) {
      const code = err instanceof ApiError ? err.body?.error : undefined;
      if (code) count.textContent = ['opted_out', 'unreachable', 'too_long'].includes(code) ? t(`thread.error.${code}`) : failureText(err);
    }
  }

  box.addEventListener('input', () => {
    clearTimeout(sizeTimer);
    sizeTimer = setTimeout(size, SIZE_DELAY_MS);
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = box.value.trim();
    if (!text) return;
    send.disabled = true;
    send.textContent = t('thread.sending');
    try {
      const { message } = await api('POST', `${base}/messages`, { text }, { 'Idempotency-Key': key });
      pending.get(message.id)?.replaceWith(item(message));
      pending.delete(message.id);
      key = crypto.randomUUID();
      box.value = '';
      count.textContent = '';
      notice(t('thread.sent'));
      await poll(true);
    } catch (err) {
      const code = err instanceof ApiError ? err.body?.error : undefined;
      notice(code && ['opted_out', 'unreachable', 'too_long'].includes(code) ? t(`thread.error.${code}`) : failureText(err), 'error');
    } finally {
      send.textContent = t('thread.send');
      send.disabled = box.disabled;
    }
  });

  end.addEventListener('click', async () => {
    try {
      const { ended } = await api('POST', `${base}/handoff/end`, {});
      notice(t(ended ? 'thread.ended' : 'thread.notOpen'));
      await poll(true);
    } catch (err) {
      notice(failureText(err), 'error');
    }
  });

  section.hidden = false;
  if (!(await poll(true))) return;
  const timer = setInterval(() => {
    if (!document.hidden) void poll();
  }, POLL_MS);
  window.addEventListener('pagehide', () => clearInterval(timer));
}

function item(message) {
  const fromParticipant = message.direction === 'fromParticipant';
  const who = fromParticipant ? t('thread.fromParticipant') : t('thread.toParticipant', { name: message.staffName || '' });
  const delivery = fromParticipant ? null : el('span', { class: `delivery delivery-${message.delivery || 'pending'}` }, t(`thread.delivery.${message.delivery || 'pending'}`));
  return el(
    'li',
    { class: fromParticipant ? 'from-participant' : 'to-participant' },
    el('p', { class: 'note-meta' }, el('strong', {}, who), ' · ', el('time', { datetime: message.at }, formatTime(message.at)), delivery ? ' · ' : '', delivery),
    el('p', { class: 'participant-text' }, message.text),
  );
}
