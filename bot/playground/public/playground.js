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

  function say(key, reason) {
    var text = status.dataset[key] || '';
    status.textContent = reason ? text.replace('{reason}', reason) : text;
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
        if (result.sent) say('promptSent');
        else say('promptNotSent', result.reason || '?');
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
