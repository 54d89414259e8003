/*
 * Puente playground page: starts a Direct Line conversation on the chosen
 * channel preview and locale, renders Microsoft Web Chat on it, and wires the
 * two action buttons. Settings changes go through the plain GET form (a page
 * reload starts a new conversation), so this script only runs the chat.
 */
(function () {
  'use strict';

  var USER_KEY = 'puente.playground.userId';
  var body = document.body;
  var channel = body.dataset.channel;
  var locale = body.dataset.locale;
  var controls = body.dataset.controls;
  // The page's Content-Security-Policy allows only <style> elements carrying this nonce.
  var styleNonce = body.dataset.styleNonce;
  var status = document.getElementById('status');
  var checkinButton = document.getElementById('checkin-prompt');
  var startOverButton = document.getElementById('start-over');
  var token = null;

  /**
   * The Microsoft Teams preview lays cards out as Teams does (its published
   * light host config, the parts that change layout): action buttons side by
   * side, left-aligned, at most 6 to a row, Segoe UI at 14 px. Web Chat's own
   * default stacks every button full width, which no Teams user would see: a
   * 0-10 scale would be 11 stacked bars instead of two rows under the question.
   */
  var TEAMS_HOST_CONFIG = {
    supportsInteractivity: true,
    fontFamily: "'Segoe UI', Tahoma, Geneva, Verdana, sans-serif",
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 200, default: 400, bolder: 600 },
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
    },
    adaptiveCard: { allowCustomStyle: false },
  };

  // Whether the status line reports the last check-in prompt request (cleared once the chat moves on).
  var statusIsPromptResult = false;

  function say(key) {
    status.textContent = status.dataset[key] || '';
    statusIsPromptResult = false;
  }

  /** "optedOut" → the text of data-not-sent-opted-out; a reason the page has no words for reads as "other". */
  function sayNotSent(reason) {
    var key = 'notSent' + String(reason || '').charAt(0).toUpperCase() + String(reason || '').slice(1);
    say(Object.prototype.hasOwnProperty.call(status.dataset, key) ? key : 'notSentOther');
    statusIsPromptResult = true;
  }

  /**
   * Web Chat store middleware: when the participant sends a message (START
   * after an opt-out, the check-in itself), the reason shown for the last
   * prompt request may no longer hold, so it is cleared.
   */
  function clearPromptResultOnSend() {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && statusIsPromptResult) {
          status.textContent = '';
          statusIsPromptResult = false;
        }
        return next(action);
      };
    };
  }

  function storedUserId() {
    try {
      return window.localStorage.getItem(USER_KEY);
    } catch (e) {
      return null;
    }
  }

  function storeUserId(userId) {
    try {
      if (userId) window.localStorage.setItem(USER_KEY, userId);
      else window.localStorage.removeItem(USER_KEY);
    } catch (e) {
      // Private windows may refuse storage: the page then starts a new user each time.
    }
  }

  function post(path, payload) {
    var headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(controls + path, { method: 'POST', headers: headers, body: JSON.stringify(payload || {}) }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    });
  }

  function start() {
    say('connecting');
    post('/session', { channel: channel, locale: locale, userId: storedUserId() })
      .then(function (session) {
        token = session.token;
        storeUserId(session.userId);
        var directLine = window.WebChat.createDirectLine({
          domain: window.location.origin + session.directLine,
          token: session.token,
          webSocket: false,
          pollingInterval: 500,
        });
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: window.WebChat.createStore({}, clearPromptResultOnSend),
            adaptiveCardsHostConfig: channel === 'msteams' ? TEAMS_HOST_CONFIG : undefined,
            userID: session.userId,
            locale: locale,
            nonce: styleNonce,
            styleOptions: { hideUploadButton: true, botAvatarInitials: 'P', userAvatarInitials: 'A' },
          },
          document.getElementById('webchat'),
        );
        checkinButton.disabled = false;
        startOverButton.disabled = false;
        say('ready');
      })
      .catch(function () {
        say('failed');
      });
  }

  checkinButton.addEventListener('click', function () {
    checkinButton.disabled = true;
    post('/checkin-prompt')
      .then(function (result) {
        if (result.sent) {
          say('promptSent');
          statusIsPromptResult = true;
        } else {
          sayNotSent(result.reason);
        }
      })
      .catch(function () {
        say('failed');
      })
      .then(function () {
        checkinButton.disabled = false;
      });
  });

  startOverButton.addEventListener('click', function () {
    checkinButton.disabled = true;
    startOverButton.disabled = true;
    say('startingOver');
    post('/start-over')
      .then(function () {
        storeUserId(null);
        window.location.reload();
      })
      .catch(function () {
        say('failed');
      });
  });

  start();
})();
