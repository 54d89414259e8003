import type { TFunction } from 'i18next';
import { html, Html } from './html';
import { MAX_MESSAGE_LENGTH } from '../../careTeam/staffMessages';

/**
 * The thread with the participant, on the participant's page and on each of
 * their flags: whether a conversation is open (and its End button), the
 * messages both ways oldest first, and the form with its SMS counter.
 * thread.js fills it from the API and keeps it current.
 */
export function threadSection(t: TFunction): Html {
  return html`<section aria-labelledby="thread-title" id="thread" hidden>
<h2 id="thread-title">${t('staff:thread.title')}</h2>
<p>${t('staff:thread.intro')}</p>
<p id="thread-state"></p>
<p><button type="button" id="thread-end" hidden>${t('staff:thread.end')}</button></p>
<div id="thread-log" class="thread-log" role="log" tabindex="0" aria-label="${t('staff:thread.list')}">
<ol id="thread-messages" class="thread"></ol>
</div>
<form id="thread-form">
<p><label for="thread-text">${t('staff:thread.messageLabel')}</label>
<textarea id="thread-text" name="text" rows="3" maxlength="${MAX_MESSAGE_LENGTH}" required aria-describedby="thread-count"></textarea></p>
<p id="thread-count" class="thread-count" aria-live="polite"></p>
<button type="submit" id="thread-send">${t('staff:thread.send')}</button>
</form>
</section>`;
}
