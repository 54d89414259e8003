import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createI18n } from '../../bot/i18n';
import { AnswerLabels } from '../../bot/safety/answerLabels';

const labels = new AnswerLabels(createI18n());

describe('answer options of the questionnaires, typed back in words', () => {
  it('are known in both languages, whatever the case, accents and punctuation', () => {
    for (const reply of ['Nearly every day', 'more than half the days.', 'Casi todos los días', 'casi todos los dias', 'MÁS DE LA MITAD DE LOS DÍAS', 'Varios días', 'Extremadamente', 'Poor', 'Prefiero no decir', 'prefer not to say', 'No tengo recetados']) {
      assert.ok(labels.isAnswerOption(reply), reply);
    }
  });

  it('are only the options: a sentence that contains one is a message to read', () => {
    for (const reply of ['nearly every day I think about dying', 'casi todos los días quiero morirme', 'I want to die', 'no quiero vivir', '']) {
      assert.equal(labels.isAnswerOption(reply), false, reply);
    }
  });
});
