import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Channels } from 'botbuilder';
import { createI18n, LANGUAGES, Language, loadResources } from '../../bot/i18n';
import { renderPrompt } from '../../bot/channels/render';
import { assertLocaleFitsSms } from '../helpers/sms';

const CLINIC_PHONE = '(555) 555-0100';
const VARS = { clinicPhone: CLINIC_PHONE };

function leaves(node: unknown, prefix = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const resources = loadResources();
const safetyTexts = (language: Language) => new Map(leaves(resources[language].safety));
const variables = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('locales/{en,es}/safety.json', () => {
  it('has the same keys and the same interpolation variables in both languages', () => {
    const en = safetyTexts('en');
    const es = safetyTexts('es');
    assert.deepEqual([...es.keys()].sort(), [...en.keys()].sort());
    for (const [key, text] of en) assert.deepEqual(variables(es.get(key)!), variables(text), key);
  });

  it('fits every text (all are SMS-bound) in 2 SMS segments, with a real phone number filled in', () => {
    assertLocaleFitsSms(['safety'], { vars: VARS });
  });

  it('gives the crisis lines CONTENT.md requires, in each language', () => {
    const en = safetyTexts('en').get('crisis.lines.suicide')!;
    for (const must of ['988', 'HOME to 741741', '911']) assert.ok(en.includes(must), `en lacks "${must}"`);
    const es = safetyTexts('es').get('crisis.lines.suicide')!;
    for (const must of ['988 y marque 2', 'AYUDA al 988', 'AYUDA al 741741', '911']) assert.ok(es.includes(must), `es lacks "${must}"`);
  });

  it('says a care team was told only in the texts for participants, never to a stranger', () => {
    for (const language of LANGUAGES) {
      const texts = safetyTexts(language);
      assert.match(texts.get('crisis.team.stranger')!, language === 'en' ? /cannot send help/ : /no puede mandarle ayuda/);
      assert.doesNotMatch(texts.get('crisis.team.stranger')!, language === 'en' ? /care team/ : /equipo/);
      assert.doesNotMatch(texts.get('crisis.ack.stranger')!, language === 'en' ? /care team/ : /equipo/);
      assert.match(texts.get('crisis.team.outOfHours')!, /{{when}}.*988.*911/);
    }
  });

  it('tells the person how to go on once they are safe', () => {
    assert.match(safetyTexts('en').get('crisis.safeYes')!, /MENU/);
    assert.match(safetyTexts('es').get('crisis.safeYes')!, /MENU/);
  });

  it('asks the direct question plainly, with 988 in it', () => {
    assert.match(safetyTexts('en').get('question.ask')!, /killing yourself.*YES or NO.*988/);
    assert.match(safetyTexts('es').get('question.ask')!, /quitarse la vida.*SÍ o NO.*988/);
  });

  it('has program help with service name, clinic phone, rates and opt-out; AYUDA adds the crisis lines', () => {
    const rates: Record<Language, string> = { en: 'Msg & data rates may apply', es: 'tarifas de mensajes y datos' };
    const optOut: Record<Language, string> = { en: 'STOP', es: 'PARAR' };
    for (const language of LANGUAGES) {
      const texts = safetyTexts(language);
      for (const key of ['help', 'ayuda']) {
        const text = texts.get(key)!;
        for (const must of ['Puente', '{{clinicPhone}}', rates[language], optOut[language]]) assert.ok(text.includes(must), `${language} ${key} lacks "${must}"`);
      }
      for (const must of ['988', '741741', '911']) assert.ok(texts.get('ayuda')!.includes(must), `${language} ayuda lacks ${must}`);
    }
  });

  it('says how to resume in the opt-out confirmation', () => {
    assert.match(safetyTexts('en').get('optOut.confirmed')!, /\bSTART\b/);
    assert.match(safetyTexts('es').get('optOut.confirmed')!, /\bREANUDAR\b/);
  });

  it('keeps the help and opt-in/out texts discreet: no treatment, diagnosis or substance named', () => {
    const revealing = /treatment|recovery|rehab|addiction|substance|drug|alcohol|therapy|IOP|outpatient|tratamiento|recuperaci|adicci|sustancia|droga|terapia|ambulatorio/i;
    for (const language of LANGUAGES) {
      for (const key of ['help', 'optOut.confirmed', 'optIn.confirmed']) assert.doesNotMatch(safetyTexts(language).get(key)!, revealing, `${language} ${key}`);
    }
  });

  it('renders every safety text on sms and msteams in both languages, placeholders filled', () => {
    const i18n = createI18n();
    for (const language of LANGUAGES) {
      const t = i18n.getFixedT(language);
      for (const key of safetyTexts(language).keys()) {
        for (const channel of [Channels.Sms, Channels.Msteams]) {
          const text = renderPrompt({ kind: 'message', textKey: `safety:${key}`, vars: VARS }, channel, t).text ?? '';
          assert.equal(text, safetyTexts(language).get(key)!.replace('{{clinicPhone}}', CLINIC_PHONE), `${language} ${channel} ${key}`);
        }
      }
    }
  });
});
