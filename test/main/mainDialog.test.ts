import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Language } from '../../bot/i18n';
import { DESTINATIONS, MORE_DESTINATIONS } from '../../dialogs/mainIntents';
import { buttonData, ChatHarness, visibleText } from './chatHarness';

/** The menu as SMS shows it, in a language, with or without the greeting. */
function smsMenu(h: ChatHarness, language: Language, greetName?: string): string {
  const t = h.t(language);
  const first = greetName ? t('common:menu.greeting', { name: greetName }) : t('common:menu.ask');
  const options = DESTINATIONS.map((d, i) => `${i + 1} ${t(`common:menu.${d}`)}`);
  return [first, ...options, t('prompts:sms.replyRange', { min: 1, max: DESTINATIONS.length })].join('\n');
}

describe('main dialog', () => {
  let h: ChatHarness;
  before(async () => {
    h = await ChatHarness.start();
  });
  after(() => h.stop());

  describe('greeting and menu', () => {
    for (const language of ['en', 'es'] as const) {
      it(`greets by name with the numbered menu on sms (${language})`, async () => {
        const p = await h.participant('sms', { language, displayName: 'Guadalupe' });
        const chat = h.chat(p, 'sms');
        assert.equal(await chat.text(language === 'es' ? 'hola' : 'hi'), smsMenu(h, language, 'Guadalupe'));
        // An unknown message starts the conversation the same way.
        await chat.text('menu');
        await chat.text(String(DESTINATIONS.indexOf('more') + 1));
        assert.equal(await chat.text(String(MORE_DESTINATIONS.indexOf('help') + 1)), h.t(language)('common:help', { clinicPhone: h.services.config.clinicPhone }));
        assert.equal(await chat.text('qwerty'), smsMenu(h, language, 'Guadalupe'));
      });

      it(`greets by name on a Teams card whose buttons work (${language})`, async () => {
        const p = await h.participant('msteams', { language, displayName: 'Luis' });
        const chat = h.chat(p, 'msteams');
        const t = h.t(language);
        const replies = await chat.say(language === 'es' ? 'hola' : 'hello');
        assert.equal(replies.length, 1);
        assert.equal(
          visibleText(replies[0]),
          [t('common:menu.greeting', { name: 'Luis' }), ...DESTINATIONS.map((d) => t(`common:menu.${d}`))].join('\n'),
        );
        const next = await chat.text({ value: buttonData(replies, t('common:menu.tip')) });
        assert.match(next, new RegExp(`^${escape(t('tips:ask'))}`));
      });
    }
  });

  describe('free text reaches the right place', () => {
    const routes: Array<{ words: string[]; expect: (h: ChatHarness, l: Language) => string }> = [
      { words: ['tip', 'consejo', 'Coping tip', 'consejos'], expect: (h, l) => h.t(l)('tips:ask') },
      { words: ['check in', 'checkin', 'Check-in', 'registro', 'Registro diario'], expect: (h, l) => h.t(l)('checkin:mood.ask') },
      { words: ['sessions', 'sesiones', 'My sessions', 'mis sesiones'], expect: (h, l) => h.t(l)('sessions:none', { clinicPhone: h.services.config.clinicPhone }) },
      { words: ['settings', 'ajustes', 'configuración', 'Configuracion'], expect: (h, l) => h.t(l)('settings:ask') },
      { words: ['menu', 'menú', 'Menu!'], expect: (h, l) => h.t(l)('common:menu.ask') },
      { words: ['hi', 'hola', '¡Hola!', 'buenas tardes'], expect: (h, l) => h.t(l)('common:menu.greeting', { name: 'Ana' }) },
    ];
    for (const channel of ['sms', 'msteams']) {
      for (const language of ['en', 'es'] as const) {
        it(`routes every word in either language on ${channel} (${language} participant)`, async () => {
          const p = await h.participant(channel, { language });
          const chat = h.chat(p, channel);
          for (const route of routes) {
            for (const word of route.words) {
              await chat.text('menu');
              const reply = await chat.text(word);
              // The check-in opens with an intro or a welcome back (it resumes a day's half-done one) before its first question.
              assert.ok(reply.startsWith(route.expect(h, language)) || reply.includes(`\n${route.expect(h, language)}`), `"${word}" on ${channel}/${language} answered:\n${reply}`);
            }
          }
        });
      }
    }

    it('shows help for "help" on Teams (on SMS the safety gate answers HELP with the program help)', async () => {
      const p = await h.participant('msteams', { language: 'en' });
      assert.equal(await h.chat(p, 'msteams').text('help'), h.t('en')('common:help', { clinicPhone: h.services.config.clinicPhone }));
    });

    it('picks menu options by SMS number and by label in the other language', async () => {
      const p = await h.participant('sms', { language: 'en' });
      const chat = h.chat(p, 'sms');
      await chat.text('menu');
      assert.ok((await chat.text('4')).startsWith(h.t('en')('settings:ask')));
      await chat.text('menu');
      assert.ok((await chat.text('Mis sesiones')).startsWith(h.t('en')('sessions:none', { clinicPhone: h.services.config.clinicPhone })));
    });

    it('follows a click on an old Teams menu card after the conversation ended', async () => {
      const p = await h.participant('msteams', { language: 'en' });
      const chat = h.chat(p, 'msteams');
      const menu = await chat.say('hi');
      const more = await chat.say({ value: buttonData(menu, 'More') });
      await chat.text({ value: buttonData(more, 'Help') }); // the help ends the conversation
      const reply = await chat.text({ value: buttonData(menu, 'Settings') });
      assert.ok(reply.startsWith('What would you like to change?'), reply);
    });
  });

  describe('menu and cancel inside any dialog', () => {
    for (const [channel, language, word] of [
      ['sms', 'en', 'menu'],
      ['sms', 'es', 'menú'],
      ['msteams', 'en', 'cancel'],
      ['msteams', 'es', 'cancelar'],
    ] as const) {
      it(`"${word}" leaves a half-done check-in for the menu on ${channel} (${language})`, async () => {
        const p = await h.participant(channel, { language });
        const chat = h.chat(p, channel);
        const t = h.t(language);
        assert.ok((await chat.text('check in')).includes(t('checkin:mood.ask')));
        assert.ok((await chat.text('6')).includes(t('checkin:craving.ask')));
        const reply = await chat.text(word);
        if (word.startsWith('cancel')) assert.ok(reply.startsWith(t('common:cancelled')), reply);
        assert.ok(reply.includes(t('common:menu.ask')), reply);
        // The check-in is no longer listening: "3" now picks "My sessions" from the menu.
        if (channel === 'sms') {
          assert.ok((await chat.text('3')).startsWith(t('sessions:none', { clinicPhone: h.services.config.clinicPhone })));
        } else {
          assert.ok((await chat.text('sesiones')).startsWith(t('sessions:none', { clinicPhone: h.services.config.clinicPhone })));
        }
      });
    }

    it('"menu" leaves the tip and settings dialogs too', async () => {
      const p = await h.participant('sms', { language: 'en' });
      const chat = h.chat(p, 'sms');
      await chat.text('tip');
      assert.equal(await chat.text('menu'), smsMenu(h, 'en'));
      await chat.text('settings');
      await chat.text('2'); // check-in time question
      assert.equal(await chat.text('MENU'), smsMenu(h, 'en'));
      assert.equal((await h.services.participants.get(p.id))?.checkinTime, '18:00');
    });

    it('a command word goes where it says from inside a tip, but not from inside a check-in', async () => {
      const p = await h.participant('msteams', { language: 'en' });
      const chat = h.chat(p, 'msteams');
      await chat.text('tip');
      assert.ok((await chat.text('settings')).startsWith('What would you like to change?'));
      await chat.text('check in');
      const reply = await chat.text('tip'); // not a mood number: the check-in re-asks
      assert.ok(reply.includes(h.t('en')('prompts:retry.number', { min: 0, max: 10, example: '7' })), reply);
    });
  });

  describe('language switch', () => {
    for (const channel of ['sms', 'msteams']) {
      it(`switches to Spanish mid check-in on ${channel}: saved, confirmed, question asked again in Spanish`, async () => {
        const p = await h.participant(channel, { language: 'en' });
        const chat = h.chat(p, channel);
        const es = h.t('es');
        await chat.text('check in');
        await chat.text('5');
        const reply = await chat.text('español');
        assert.ok(reply.startsWith(es('common:language.switched')), reply);
        assert.ok(reply.includes(es('checkin:craving.ask')), reply);
        const record = await h.services.participants.get(p.id);
        assert.equal(record?.language, 'es');
        // Later messages stay in Spanish, and the check-in goes on where it was.
        assert.ok((await chat.text('3')).includes(es('checkin:use.ask')));
        await chat.text('menu');
        assert.ok((await chat.text('tip')).startsWith(es('tips:ask')));
      });

      it(`switches to English from the menu and from settings on ${channel}`, async () => {
        const p = await h.participant(channel, { language: 'es' });
        const chat = h.chat(p, channel);
        await chat.text('hola');
        const reply = await chat.text('English');
        assert.ok(reply.startsWith(h.t('en')('common:language.switched')), reply);
        assert.ok(reply.includes(h.t('en')('common:menu.greeting', { name: 'Ana' })), reply);
        assert.equal((await h.services.participants.get(p.id))?.language, 'en');

        await chat.text('settings');
        await chat.text(channel === 'sms' ? '1' : 'Language');
        const switched = await chat.text(channel === 'sms' ? '2' : 'Español');
        assert.equal(switched, h.t('es')('common:language.switched'));
        assert.equal((await h.services.participants.get(p.id))?.language, 'es');
        assert.ok((await chat.text('menu')).startsWith(h.t('es')('common:menu.ask')));
      });
    }

    it('takes "spanish" / "inglés" as the first message and answers in the new language', async () => {
      const p = await h.participant('sms', { language: 'en' });
      const chat = h.chat(p, 'sms');
      assert.equal(await chat.text('spanish'), `${h.t('es')('common:language.switched')}\n${smsMenu(h, 'es')}`);
      assert.equal(await chat.text('inglés'), `${h.t('en')('common:language.switched')}\n${smsMenu(h, 'en')}`);
    });
  });
});

describe('two unrecognised replies at a choice', () => {
  let h: ChatHarness;
  before(async () => {
    h = await ChatHarness.start();
  });
  after(() => h.stop());

  /** The choice prompts outside the questionnaires: the word that opens each and the question it asks. */
  const forks = [
    { opener: { en: 'hi', es: 'hola' }, question: 'common:menu.greeting' },
    { opener: { en: 'tip', es: 'consejo' }, question: 'tips:ask' },
    { opener: { en: 'settings', es: 'ajustes' }, question: 'settings:ask' },
  ];

  for (const channel of ['sms', 'msteams'] as const) {
    for (const language of ['en', 'es'] as const) {
      it(`end with the options shown again, never "let's move on" and nothing after (${channel}, ${language})`, async () => {
        const t = h.t(language);
        for (const fork of forks) {
          const p = await h.participant(channel, { language, displayName: 'Ana' });
          const chat = h.chat(p, channel);
          const asked = await chat.say(fork.opener[language]);
          assert.ok(visibleText(asked.at(-1)!).startsWith(t(fork.question, { name: 'Ana' })), visibleText(asked.at(-1)!));
          await chat.say('purple banana');
          const again = await chat.say('qwerty zz');
          const text = again.map(visibleText).join('\n');
          assert.ok(!text.includes(t('prompts:giveUp')), text);
          assert.equal(visibleText(again[0]), t('prompts:optionsAgain'));
          assert.deepEqual(visibleText(again.at(-1)!), visibleText(asked.at(-1)!), 'the same question, with its options');
          if (channel === 'sms') assert.match(again.at(-1)!.text ?? '', /\n1 .+\n2 /);
          else {
            assert.ok(JSON.stringify(again.at(-1)!.attachments).includes('Action.Submit'), 'buttons on the card');
            assert.deepEqual(again.at(-1)!.attachments, asked.at(-1)!.attachments);
          }
        }
      });
    }
  }

  it('keeps the menu open after showing it again: an option number still works', async () => {
    const p = await h.participant('sms', { language: 'es' });
    const chat = h.chat(p, 'sms');
    await chat.say('hola');
    await chat.say('morado');
    await chat.say('zzz');
    assert.ok((await chat.text('2')).startsWith(h.t('es')('tips:ask')));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
