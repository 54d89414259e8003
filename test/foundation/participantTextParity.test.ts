import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Channels } from 'botbuilder';
import { createI18n, Language, LANGUAGES, LOCALES_DIR } from '../../bot/i18n';
import { PromptSpec } from '../../bot/channels/prompt';
import { renderPrompt } from '../../bot/channels/render';
import { assertFitsSms } from '../helpers/sms';

/**
 * The texts a carrier review and a newcomer read first — consent, HELP,
 * opt-out, not enrolled — carry the same elements in both languages. The
 * wording differs on purpose; the elements may not.
 */
type Element = Record<Language, RegExp>;

const PROGRAM: Element = { en: /\bPuente\b/, es: /\bPuente\b/ };
const RATES: Element = { en: /Msg & data rates may apply/, es: /Pueden aplicar tarifas de mensajes y datos/ };
const FREQUENCY: Element = { en: /frequency varies/i, es: /Frecuencia variable/i };
const HELP_WORD: Element = { en: /\bHELP\b/, es: /\bAYUDA\b/ };
const STOP_WORD: Element = { en: /\bSTOP\b/, es: /\bPARAR\b/ };
const RESUME_WORD: Element = { en: /\bSTART\b/, es: /\bREANUDAR\b/ };
const CLINIC_PHONE: Element = { en: /\(555\) 010-0000/, es: /\(555\) 010-0000/ };
const LIFELINE: Element = { en: /call or text 988/, es: /llame o envíe un mensaje de texto al 988/ };
const ANY_988: Element = { en: /\b988\b/, es: /\b988\b/ };
const CODE: Element = { en: /\bcode\b/, es: /\bcódigo\b/ };
const CHECKIN: Element = { en: /daily check-in/, es: /registro diario/ };
const REMINDERS: Element = { en: /reminders before your sessions/, es: /recordatorios antes de sus sesiones/ };
const TIPS: Element = { en: /\btips\b/, es: /\bconsejos\b/ };
const NEW_CODE: Element = { en: /didn't work or has expired\. Please ask your care team for a new one/, es: /no funcionó o ya venció\. Pídale uno nuevo a su equipo de atención/ };

/** What each text is, as the participant receives it, and the elements it must carry. */
const TEXTS: ReadonlyArray<{ name: string; specs: PromptSpec[]; elements: Element[] }> = [
  {
    name: 'consent (terms, then the yes/no question)',
    specs: [
      { kind: 'message', textKey: 'enrollment:consent.terms' },
      { kind: 'yesno', textKey: 'enrollment:consent.ask' },
    ],
    elements: [PROGRAM, CHECKIN, REMINDERS, TIPS, FREQUENCY, RATES, HELP_WORD, STOP_WORD],
  },
  { name: 'HELP reply', specs: [{ kind: 'message', textKey: 'safety:help' }], elements: [PROGRAM, FREQUENCY, RATES, STOP_WORD, RESUME_WORD, CLINIC_PHONE] },
  { name: 'AYUDA reply', specs: [{ kind: 'message', textKey: 'safety:ayuda' }], elements: [PROGRAM, RATES, STOP_WORD, CLINIC_PHONE, ANY_988] },
  { name: 'opt-out confirmation', specs: [{ kind: 'message', textKey: 'safety:optOut.confirmed' }], elements: [PROGRAM, RESUME_WORD, ANY_988] },
  { name: 'opt-in confirmation', specs: [{ kind: 'message', textKey: 'safety:optIn.confirmed' }], elements: [PROGRAM, RATES, HELP_WORD, STOP_WORD] },
  { name: 'not enrolled', specs: [{ kind: 'message', textKey: 'enrollment:notEnrolled' }], elements: [CODE, LIFELINE] },
  { name: 'code did not work', specs: [{ kind: 'message', textKey: 'enrollment:codeInvalid' }], elements: [CODE, NEW_CODE, LIFELINE] },
];

const i18n = createI18n();
const vars = { clinicPhone: '(555) 010-0000 ext. 1234' };

function rendered(spec: PromptSpec, language: Language, channel: string): string {
  const withVars = { ...spec, vars } as PromptSpec;
  const activity = renderPrompt(withVars, channel, i18n.getFixedT(language));
  return activity.text ?? JSON.stringify(activity.attachments);
}

describe('consent, help, opt-out and not-enrolled texts in English and Spanish', () => {
  for (const text of TEXTS) {
    for (const language of LANGUAGES) {
      it(`${text.name} [${language}] carries every required element on sms and msteams`, () => {
        for (const channel of [Channels.Sms, Channels.Msteams]) {
          const whole = text.specs.map((spec) => rendered(spec, language, channel)).join('\n');
          for (const element of text.elements) assert.match(whole, element[language], `${channel}: ${whole}`);
        }
      });

      it(`${text.name} [${language}] fits 2 SMS segments per message`, () => {
        for (const spec of text.specs) assertFitsSms(rendered(spec, language, Channels.Sms), `${spec.textKey} [${language}]`);
      });
    }
  }

  it('no longer promises "a few times a week": prompts are daily', () => {
    assert.doesNotMatch(rendered({ kind: 'message', textKey: 'enrollment:consent.terms' }, 'en', Channels.Sms), /a few times a week/);
  });
});

describe('the Spanish name of the care team', () => {
  const spanishFiles = readdirSync(join(LOCALES_DIR, 'es')).filter((f) => f.endsWith('.json'));

  it('is "equipo de atención" in every Spanish locale file, never "equipo de cuidado(s)"', () => {
    assert.ok(spanishFiles.length >= 8, spanishFiles.join(', '));
    let uses = 0;
    for (const file of spanishFiles) {
      const text = readFileSync(join(LOCALES_DIR, 'es', file), 'utf8');
      assert.doesNotMatch(text, /equipo de cuidados?\b/i, `es/${file}`);
      uses += (text.match(/equipo de atención/g) ?? []).length;
    }
    assert.ok(uses >= 5, `"equipo de atención" used ${uses} times`);
  });
});
