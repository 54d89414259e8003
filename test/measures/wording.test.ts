import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Language } from '../../bot/i18n';
import { t } from './conversation';

/**
 * The PHQ-9 and GAD-7 as their publisher prints them (Pfizer, "no permission
 * required to reproduce, translate, display or distribute"; the forms of
 * phqscreeners.com). A clinic may edit the locale files; this test keeps an
 * edit from drifting from the validated wording unnoticed. Sources:
 * - English PHQ-9 and GAD-7: the Pfizer forms (Spitzer, Williams, Kroenke).
 * - Spanish PHQ-9: "Cuestionario sobre la salud del paciente-9 (PHQ-9)",
 *   Pfizer's US Spanish form (PatientHealthQuestionnaire9_Spanish).
 * - Spanish GAD-7: Pfizer's US Spanish GAD-7, the same translation style,
 *   stem and options as its PHQ-9 (not the Spain or Latin-American versions,
 *   which read "Sentirse nervioso(a)…" / "Nunca").
 * Our texts add an "N of 9: " counter; the PHQ-9's item 8 goes out in two
 * messages (it does not fit 2 Spanish SMS segments in one), and in English a
 * hyphen stands for the form's dash so the text stays GSM-7.
 */
const OFFICIAL: Record<Language, { phq9Stem: string; gad7Stem: string; options: string[]; phq9: string[]; gad7: string[] }> = {
  en: {
    phq9Stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    gad7Stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    options: ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'],
    phq9: [
      'Little interest or pleasure in doing things',
      'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much',
      'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    ],
    gad7: [
      'Feeling nervous, anxious, or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid, as if something awful might happen',
    ],
  },
  es: {
    phq9Stem: 'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
    gad7Stem: 'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
    options: ['Ningún día', 'Varios días', 'Más de la mitad de los días', 'Casi todos los días'],
    phq9: [
      'Poco interés o placer en hacer cosas',
      'Se ha sentido decaído(a), deprimido(a) o sin esperanzas',
      'Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado',
      'Se ha sentido cansado(a) o con poca energía',
      'Sin apetito o ha comido en exceso',
      'Se ha sentido mal con usted mismo(a) – o que es un fracaso o que ha quedado mal con usted mismo(a) o con su familia',
      'Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico o ver la televisión',
      '¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? o lo contrario – muy inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal',
      'Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera',
    ],
    gad7: [
      'Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta',
      'No ha sido capaz de parar o controlar su preocupación',
      'Se ha preocupado demasiado por motivos diferentes',
      'Ha tenido dificultad para relajarse',
      'Se ha sentido tan inquieto(a) que no ha podido quedarse quieto(a)',
      'Se ha molestado o irritado fácilmente',
      'Ha tenido miedo de que algo terrible fuera a pasar',
    ],
  },
};

const OPTION_KEYS = ['notAtAll', 'severalDays', 'moreThanHalf', 'nearlyEveryDay'];
const WEEKLY_ITEMS = ['littleInterest', 'feelingDown', 'nervous', 'cannotStopWorrying'];

/** The locale text without our "3 of 9: " / "3 de 9: " counter; the English dash as we write it. */
const withoutCounter = (text: string) => text.replace(/^\d+ (of|de) \d+: /, '');
const asWritten = (language: Language, official: string) => (language === 'en' ? official.replaceAll(' — ', ' - ') : official);

describe('the PHQ-9 and GAD-7 read as the official forms', () => {
  for (const language of ['en', 'es'] as const) {
    const official = OFFICIAL[language];
    it(`${language}: stems and the four options`, () => {
      assert.equal(t(language, 'screen:phq9.stem'), official.phq9Stem);
      assert.equal(t(language, 'screen:gad7.stem'), official.gad7Stem);
      assert.equal(t(language, 'screen:stem'), official.gad7Stem, 'the weekly PHQ-2 + GAD-2 share the GAD-7 form\'s stem');
      assert.deepEqual(OPTION_KEYS.map((o) => t(language, `screen:option.${o}`)), official.options);
    });

    it(`${language}: PHQ-9 items 1–9 word for word (item 8 in its two messages)`, () => {
      const ours = official.phq9.map((_, i) => {
        const text = withoutCounter(t(language, `screen:phq9.item${i + 1}`));
        return i === 7 ? `${text} ${t(language, 'screen:phq9.item8Opposite')}` : text;
      });
      assert.deepEqual(ours, official.phq9.map((item) => asWritten(language, item)));
    });

    it(`${language}: GAD-7 items 1–7 word for word`, () => {
      const ours = official.gad7.map((_, i) => withoutCounter(t(language, `screen:gad7.item${i + 1}`)));
      assert.deepEqual(ours, official.gad7);
    });

    it(`${language}: the weekly screen asks the PHQ-9's and GAD-7's first two items in the same words`, () => {
      const ours = WEEKLY_ITEMS.map((item) => withoutCounter(t(language, `screen:item.${item}`)));
      assert.deepEqual(ours, [official.phq9[0], official.phq9[1], official.gad7[0], official.gad7[1]]);
    });
  }
});
