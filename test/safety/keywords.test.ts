import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifySmsKeyword, isAyuda, matchSmsKeyword, SmsKeywordClass } from '../../bot/safety/keywords';
import type { Language } from '../../bot/i18n';

/** CONTENT.md, "SMS rules": keyword → class and the language it implies. */
const KEYWORDS: Array<[string, SmsKeywordClass, Language | undefined]> = [
  ['STOP', 'opt_out', 'en'],
  ['STOPALL', 'opt_out', 'en'],
  ['UNSUBSCRIBE', 'opt_out', 'en'],
  ['CANCEL', 'opt_out', 'en'],
  ['END', 'opt_out', 'en'],
  ['QUIT', 'opt_out', 'en'],
  ['REVOKE', 'opt_out', 'en'],
  ['OPTOUT', 'opt_out', 'en'],
  ['PARAR', 'opt_out', 'es'],
  ['ALTO', 'opt_out', 'es'],
  ['CANCELAR', 'opt_out', 'es'],
  ['BAJA', 'opt_out', 'es'],
  ['NO MAS', 'opt_out', 'es'],
  ['NO MÁS', 'opt_out', 'es'],
  ['START', 'opt_in', 'en'],
  ['UNSTOP', 'opt_in', 'en'],
  ['REANUDAR', 'opt_in', 'es'],
  ['INICIAR', 'opt_in', 'es'],
  ['HELP', 'help', 'en'],
  ['INFO', 'help', undefined],
  ['AYUDA', 'help', 'es'],
];

const titleCase = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

describe('SMS keywords as the whole message', () => {
  it('recognises every keyword in any case, with surrounding whitespace, punctuation, emoji or a please', () => {
    for (const [keyword, kind, language] of KEYWORDS) {
      for (const text of [
        keyword,
        keyword.toLowerCase(),
        titleCase(keyword),
        `  ${keyword}  `,
        `${keyword}.`,
        `${keyword.toLowerCase()}!!`,
        `"${keyword}"`,
        `${keyword} 🙏`,
        `${keyword.toLowerCase()} please`,
        `por favor ${keyword.toLowerCase()}`,
      ]) {
        const match = matchSmsKeyword(text);
        assert.equal(match?.kind, kind, JSON.stringify(text));
        assert.equal(match?.language, language, JSON.stringify(text));
        assert.equal(match?.form, 'keyword', JSON.stringify(text));
        assert.equal(classifySmsKeyword(text), kind, JSON.stringify(text));
      }
    }
  });

  it('accepts the spaced spellings people type', () => {
    assert.equal(classifySmsKeyword('stop all'), 'opt_out');
    assert.equal(classifySmsKeyword('Opt out'), 'opt_out');
    assert.equal(classifySmsKeyword('no   más'), 'opt_out');
  });

  it('marks AYUDA (and only AYUDA) as carrying the crisis lines', () => {
    assert.equal(isAyuda('AYUDA'), true);
    assert.equal(isAyuda(' ayuda! '), true);
    assert.equal(matchSmsKeyword('Ayuda')?.alsoCrisisLines, true);
    for (const text of ['HELP', 'INFO', 'necesito ayuda', 'ayuda con la app', 'STOP']) assert.equal(isAyuda(text), false, text);
  });

  it('marks CANCEL and CANCELAR as also meaning "cancel this dialog", and nothing else', () => {
    assert.equal(matchSmsKeyword('cancel')?.alsoDialogCancel, true);
    assert.equal(matchSmsKeyword('Cancelar.')?.alsoDialogCancel, true);
    for (const text of ['STOP', 'END', 'BAJA', 'START', 'HELP']) assert.equal(matchSmsKeyword(text)?.alsoDialogCancel, false, text);
  });

  it('ignores the keywords inside ordinary messages', () => {
    for (const text of [
      'I stopped at the store',
      'I want to stop drinking',
      'how do I stop the cravings?',
      'The STOP skill helped today',
      'I need help',
      'help me with the app',
      'the end of the week was hard',
      'what time does group start?',
      'can I cancel my appointment?',
    ]) {
      assert.equal(classifySmsKeyword(text), undefined, text);
    }
    for (const text of ['necesito ayuda', 'estoy en lo alto', 'baja la voz', 'más o menos', 'no', 'sí', 'quiero iniciar el registro', 'info sobre el grupo']) {
      assert.equal(classifySmsKeyword(text), undefined, text);
    }
  });
});

describe('plain-language opt-out requests', () => {
  it('honours English requests in other words', () => {
    for (const text of [
      'stop texting me',
      'Please stop sending me messages',
      'unsubscribe me',
      'pls stop texting',
      "don't text me anymore",
      'Do not contact me again.',
      'take me off your list',
      'remove my number from this list please',
      'no more texts please',
      "I don't want these messages",
      'I want to opt out',
      'quit messaging me!!',
    ]) {
      const match = matchSmsKeyword(text);
      assert.equal(match?.kind, 'opt_out', text);
      assert.equal(match?.language, 'en', text);
      assert.equal(match?.form, 'request', text);
    }
  });

  it('honours Spanish requests in other words, with or without accents', () => {
    for (const text of [
      'no me manden más mensajes',
      'no me manden mas mensajes',
      'ya no quiero recibir mensajes',
      'dejen de escribirme',
      'Por favor dejen de mandarme mensajes',
      'quiero darme de baja',
      'denme de baja',
      'sáquenme de la lista',
      'ya no me escriban',
      'no quiero más mensajes',
      'cancelar los mensajes',
    ]) {
      const match = matchSmsKeyword(text);
      assert.equal(match?.kind, 'opt_out', text);
      assert.equal(match?.language, 'es', text);
      assert.equal(match?.form, 'request', text);
    }
  });

  it('does not treat a timing preference or an unrelated "stop" as an opt-out', () => {
    for (const text of [
      "don't text me after 9pm",
      'no me manden mensajes tan temprano',
      'I need to stop texting my ex',
      'can I opt out of group on Friday?',
      'my sponsor said stop sending him memes',
      'quiero dejar de tomar',
    ]) {
      assert.equal(classifySmsKeyword(text), undefined, text);
    }
  });
});
