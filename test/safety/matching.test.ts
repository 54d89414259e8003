import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldForMatching, foldForRisk, foldPatternForRisk, soundAlike } from '../../bot/safety/normalize';
import { blankOut, compileGroups, compilePattern, editDistance, spellingCorrector } from '../../bot/safety/phraseMatcher';

describe('foldForMatching', () => {
  it('lower-cases, strips accents and collapses repeated letters', () => {
    assert.equal(foldForMatching('Quiero MORIRME!!!'), 'quiero morirme');
    assert.equal(foldForMatching('NO MÁS, señora'), 'no mas . senora');
    assert.equal(foldForMatching('diiieee'), 'die');
    assert.equal(foldForMatching('killlll'), 'kil');
  });

  it('drops apostrophes so contractions stay one word', () => {
    assert.equal(foldForMatching("I don't know"), 'i dont know');
    assert.equal(foldForMatching("I think I OD’d"), 'i think i od');
  });

  it('reads single leetspeak digits inside words but leaves numbers alone', () => {
    assert.equal(foldForMatching('k1ll mys3lf'), 'kil myself');
    assert.equal(foldForMatching('su1c1de'), 'suicide');
    assert.equal(foldForMatching('call 988 or 911'), 'cal 988 or 911');
    assert.equal(foldForMatching('took 30pills at 3am'), 'tok 30 pils at 3 am');
  });

  it('marks sentence boundaries but treats ellipses and dashes as pauses', () => {
    assert.equal(foldForMatching('ya no puedo, estoy cansada'), 'ya no puedo . estoy cansada');
    assert.equal(foldForMatching('i just... want to - die'), 'i just want to die');
    assert.equal(foldForMatching('¿Qué? ¡No!'), 'que . no');
  });

  it('turns emoji and symbols into spaces', () => {
    assert.equal(foldForMatching('ok 😂👍 thanks'), 'ok thanks');
  });
});

describe('foldForRisk', () => {
  it('reads SMS spellings and abbreviations as words, in both languages', () => {
    assert.equal(foldForRisk('u r gonna b ok'), 'you are going to be ok');
    assert.equal(foldForRisk('i wanna die rn'), 'i want to die right now');
    assert.equal(foldForRisk('want 2 die 2nite'), 'want to die tonight');
    assert.equal(foldForRisk('x q nadie me kiere'), foldForRisk('porque nadie me quiere'));
    assert.equal(foldForRisk('xq k hago'), foldForRisk('porque que hago'));
    assert.equal(foldForRisk('m corte'), foldForRisk('me corté'));
  });

  it('merges the common misspellings: b/v, ll/y, s/z/c, k/qu, a silent h', () => {
    for (const [typed, meant] of [
      ['bibir', 'vivir'],
      ['pastiyas', 'pastillas'],
      ['suisidio', 'suicidio'],
      ['kiero', 'quiero'],
      ['aorcarme', 'ahorcarme'],
      ['acerme', 'hacerme'],
      ['ermano', 'hermano'],
      ['asotea', 'azotea'],
    ]) {
      assert.equal(foldForRisk(typed), foldForRisk(meant), `${typed} / ${meant}`);
    }
  });

  it('keeps English words whose h is heard apart from the words they would become', () => {
    assert.notEqual(soundAlike('hits'), soundAlike('its'));
    assert.notEqual(soundAlike('harm'), soundAlike('arm'));
    assert.equal(soundAlike('he'), 'he');
  });

  it('folds lexicon patterns the same way, leaving the regex syntax alone', () => {
    assert.equal(foldPatternForRisk('suicid[a-z]*'), 'suisid[a-z]*');
    assert.equal(foldPatternForRisk('(?:vida|llorar) \\.'), '(?:bida|lorar) \\.');
  });
});

describe('phraseMatcher', () => {
  it('compiles patterns written in ordinary spelling to match folded text, whole words only', () => {
    const re = compilePattern('kill (?:myself|my self)');
    assert.ok(re.test(foldForMatching('KILLLL MY SELF')));
    assert.ok(!re.test(foldForMatching('skill myself')));
    assert.ok(compilePattern('sueño').test(foldForMatching('tengo SUENO')));
  });

  it('blanks every occurrence of an idiom with a boundary so the words around it do not join', () => {
    const idioms = compileGroups([{ id: 'x', patterns: ['dying to'] }], true);
    assert.equal(blankOut(idioms, 'im dying to go and dying to eat'), 'im . go and . eat');
  });

  it('counts edits with adjacent transpositions', () => {
    assert.equal(editDistance('myslef', 'myself'), 1);
    assert.equal(editDistance('suicde', 'suicide'), 1);
    assert.equal(editDistance('sucidio', 'suicidio'), 1);
    assert.equal(editDistance('overdue', 'overdose'), 2);
  });

  it('reads near-misses of anchor words as the word, except listed real words and short words', () => {
    const correct = spellingCorrector({ anchors: ['overdose', 'myself'], realWords: ['overdone'], minLength: 5 });
    assert.equal(correct('i ovrdose'), 'i overdose');
    assert.equal(correct('kil myslef'), 'kil myself');
    assert.equal(correct('steak overdone'), 'steak overdone');
    assert.equal(correct('mysel'), 'myself');
    assert.equal(correct('myse'), 'myse');
  });
});
