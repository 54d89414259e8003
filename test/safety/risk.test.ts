import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessRisk, DangerKind, Means } from '../../bot/safety/risk';

/** Crisis messages of each kind, in both languages, plain and as people text (SMS spelling, misspellings, Spanglish). */
const CRISIS: Record<DangerKind, Record<'en' | 'es', string[]>> = {
  suicide: {
    en: ['I want to kill myself', 'ugh kms', 'i wanna unalive myself fr', 'I have the pills right here', 'I just wanted to say thanks for everything before I go', 'gonna end it tonite', 'suicde is all i think about'],
    es: ['quiero quitarme la vida', 'kiero matarme', 'ya no quiero bibir', 'tengo las pastiyas aki', 'me voy a aorcar esta noche', 'estoy bien suicidal', 'ya tengo todo listo para esta noche'],
  },
  self_harm: {
    en: ['i cut myself again last night', 'been cutting again', "I'm burning myself with a lighter", 'sh again. lots of blood'],
    es: ['me corté otra vez', 'me quiero hacer daño', 'me estoy cortando los brazos', 'me queme con el encendedor a proposito'],
  },
  overdose: {
    en: ['I took 30 pills', 'i think i od’d', 'took like 20 xanax n im so sleepy', 'i drank and took my pills and now i cant feel my arms'],
    es: ['Me tomé 10 xanax', 'me tome todas las pastillas del frasco', 'mi amigo tuvo una sobredosis y no despierta', 'me meti perico y ahorita me duele el pecho'],
  },
  danger_from_other: {
    en: ["my boyfriend said he's gonna kill me", 'my ex is outside with a knife', "He's kicking the door in right now", 'he choked me last night'],
    es: ['Él dijo que me iba a matar', 'mi esposo me pegó otra vez', 'mi ex esta afuera con una pistola', 'me amenazó con un cuchillo'],
  },
  other_at_risk: {
    en: ["my son said he'll kill himself tonight", 'my friend is suicidal', 'my girlfriend just cut her wrists', 'my boyfreind said hes going to kill him self'],
    es: ['mi hijo dice que se quiere matar', 'mi hija quiere morirse', 'mi ermano esta en la asotea y dise q se ba a tirar', 'my son se esta cortando'],
  },
};

/** Not the crisis tier (the question is acceptable): negation, recovered past, media and group topics, idioms, benign "overdose". */
const NOT_CRISIS_TIER: Record<string, string[]> = {
  negation: ["I'm not suicidal, just tired", 'no quiero morirme, solo estoy cansada', 'No thoughts of self harm today', 'I would never take my own life, I have my kids'],
  recovered: ['I used to want to die, now I am grateful', 'Hace dos años intenté quitarme la vida y hoy estoy aquí, agradecido', 'Two years ago I tried to kill myself. Today I got my 1 year chip.'],
  media: ['we talked about suicide prevention in group', 'vi un documental de fentanilo y sobredosis, que fuerte', 'la cancion dice "me quiero morir" pero es bien bonita'],
  idiom: ['this traffic is killing me', 'me muero de risa', 'my mom is going to kill me when she sees the dent', 'mi jefa me va a matar, llegue tarde otra vez', 'killed it at the gym today'],
  benign_overdose: ['sugar overdose lol', 'sobredosis de tamales en navidad', 'overdosed on christmas cookies again'],
};

/** Everyday messages: no tier at all. */
const EVERYDAY = ['mood 6, slept ok', 'I took all my meds today', 'me tomé mis pastillas de hoy', 'see you at group tuesday', 'ran 10 kms this morning', 'ok gracias, nos vemos el jueves', 'k thx'];

describe('assessRisk: the crisis tier for each kind of danger', () => {
  for (const [kind, languages] of Object.entries(CRISIS)) {
    for (const [language, texts] of Object.entries(languages)) {
      it(`[${language}] ${kind}`, () => {
        for (const text of texts) {
          const risk = assessRisk(text);
          assert.equal(risk.tier, 'crisis', `${text} → ${JSON.stringify(risk)}`);
          assert.equal(risk.kind, kind, `${text} → ${JSON.stringify(risk)}`);
        }
      });
    }
  }

  it('finds a crisis buried in a longer, chatty message', () => {
    const en = "hey so group was good today, thanks for the worksheet. honestly though i've been saving my pills and i counted them tonight. anyway see you thursday";
    const es = 'hola, gracias por la info del trabajo. le cuento que anoche mi marido me empujo contra la pared y me puso la pistola en la cabeza. regresa a las 6';
    assert.equal(assessRisk(en).tier, 'crisis');
    assert.deepEqual([assessRisk(es).tier, assessRisk(es).kind], ['crisis', 'danger_from_other']);
  });
});

describe('assessRisk: context keeps ordinary talk out of the crisis tier', () => {
  for (const [context, texts] of Object.entries(NOT_CRISIS_TIER)) {
    it(context, () => {
      for (const text of texts) assert.notEqual(assessRisk(text).tier, 'crisis', `${text} → ${JSON.stringify(assessRisk(text))}`);
    });
  }

  it('gives everyday messages no tier', () => {
    for (const text of EVERYDAY) assert.deepEqual([assessRisk(text).tier, assessRisk(text).kind, assessRisk(text).means], ['none', null, []], text);
  });

  it('reads an enrollment code as no words, alone or after JOIN / UNIRME, whatever its digits would split off', () => {
    // Issued codes that, split at their digits and read as leetspeak, read as "kys" / "ctb" slang, "sh" (self harm) or enough words for a score.
    for (const code of ['CTB8QSVX', 'YABW6CYS', 'Q8SH6SMH', 'SSH92P4Q', '7CR95C7V', 'FMP57R9N', 'N9LLPCP4', 'QJ2PLW2N', '8JKUJ73N', '9839C7TB']) {
      for (const text of [code, `JOIN ${code}`, `unirme ${code.toLowerCase()}`, `my code is ${code}.`]) assert.equal(assessRisk(text).tier, 'none', text);
    }
    // Leetspeak and numbers joined to words are still read.
    for (const text of ['k1ll mys3lf', 'i want to su1c1d3', 'took 30pills', 'kms2nite', 'gonna kms2day', 'want2die', 'i took30pills']) assert.equal(assessRisk(text).tier, 'crisis', text);
  });

  it('does not let an idiom or a negation hide crisis words elsewhere in the message', () => {
    assert.equal(assessRisk('me muero de risa jaja pero la verdad quiero morirme').tier, 'crisis');
    assert.equal(assessRisk("I'm not okay, I want to die").tier, 'crisis');
    assert.equal(assessRisk("I don't want to live anymore").tier, 'crisis');
    assert.equal(assessRisk('no aguanto y quiero morirme').tier, 'crisis');
    assert.equal(assessRisk("can't stop thinking about killing myself").tier, 'crisis');
  });

  it('never takes a partner’s threat for a joke, with or without an "if"', () => {
    assert.equal(assessRisk("he said he'd kill me if I leave him").tier, 'crisis');
    assert.equal(assessRisk('mi esposo dijo que me iba a matar si lo dejo').tier, 'crisis');
  });
});

describe('assessRisk: the question tier', () => {
  it('asks on indirect or ambiguous wording, in both languages', () => {
    for (const text of ["what's the point anymore", 'ya no aguanto', "i can't take this anymore", 'nadie me extrañaria', 'le regalé mi perro al vecino']) {
      const risk = assessRisk(text);
      assert.notEqual(risk.tier, 'none', `${text} → ${JSON.stringify(risk)}`);
      assert.ok(risk.kind !== null, text);
    }
  });

  it('counts goodbye signs together: one is at least a question, two are a crisis', () => {
    assert.notEqual(assessRisk('I gave my guitar to my brother').tier, 'none');
    assert.equal(assessRisk('I gave my guitar to my brother. I won’t need it.').tier, 'crisis');
    assert.equal(assessRisk('le regalé mi guitarra a mi sobrino, ya no la voy a necesitar').tier, 'crisis');
  });
});

describe('assessRisk: the weak kinds, read generally', () => {
  const tierOf = (text: string) => assessRisk(text).tier;

  it('reads someone else’s goodbye, unreachable, as that person at risk', () => {
    for (const text of ['my brother texted me a goodbye and now his phone is off', 'my bf sent me bye and wont pick up', 'mi novio me mandó un adiós y ya no contesta', 'mi hermana dejó una nota y nadie la encuentra']) {
      const risk = assessRisk(text);
      assert.deepEqual([risk.tier, risk.kind], ['crisis', 'other_at_risk'], `${text} → ${JSON.stringify(risk)}`);
    }
    // A goodbye from the airport is news, not a sign (the model may still ask).
    assert.notEqual(tierOf('my brother texted me bye from the airport, hes going to texas'), 'crisis');
    assert.notEqual(tierOf('mi hermano me mandó un adiós desde el aeropuerto, se va a texas'), 'crisis');
  });

  it('reads talk of suicide and goodbye signs as the other person’s when they are the subject', () => {
    for (const text of ['my brother keeps talking about suicide', 'my husband has been saying goodbye to everyone and gave his tools away']) {
      assert.equal(assessRisk(text).kind, 'other_at_risk', text);
    }
    assert.equal(assessRisk('mi esposo se fue y quiero morirme').kind, 'suicide');
    assert.notEqual(tierOf('my son wrote about suicide for his english class'), 'crisis');
  });

  it('asks about a way of living, and keeps not wanting to live at all the crisis tier', () => {
    for (const text of ['no quiero seguir viviendo así, por eso vine al programa', 'ya no quiero seguir viviendo con la bebida', "I don't want to live like this anymore", 'no quiero vivir sin mis hijos']) {
      assert.equal(tierOf(text), 'possible_risk', text);
    }
    for (const text of ['no quiero vivir en este mundo', 'ya no quiero seguir viviendo', "i don't want to live anymore"]) assert.equal(tierOf(text), 'crisis', text);
    assert.equal(tierOf('no quiero seguir viviendo en esta casa con mi suegra'), 'none');
    assert.notEqual(tierOf('no quiero dejar de vivir, quiero mejorar'), 'crisis');
  });

  it('lowers a denial after the phrase, a negation over every risk word, and a reported question', () => {
    for (const text of ['¿Hacerme daño? No, nunca.', 'thoughts of suicide? nope', 'no creo que me vaya a matar, pero ando triste', 'la doctora me preguntó si me quería hacer daño', 'nop, no pienso en eso']) {
      assert.notEqual(tierOf(text), 'crisis', text);
    }
    assert.equal(tierOf('la doctora me preguntó si me quería hacer daño y le dije que sí'), 'crisis');
    assert.equal(tierOf('he asked me if i wanted to kill myself and i said yes'), 'crisis');
    // A "no" before the phrase is an answer to something else: the phrase holds.
    assert.equal(tierOf('no. quiero morirme'), 'crisis');
  });

  it('does not count a goodbye sign the message explains as everyday', () => {
    for (const text of ['gave my old couch to my neighbor, finally have space', 'Last check-in before my vacation! See you in two weeks.', 'le regalé mi sillón viejo a mi vecina', 'I wrote a letter to my sponsor as homework']) {
      assert.equal(tierOf(text), 'none', text);
    }
    assert.notEqual(tierOf('this is my last check in, thank u for everything'), 'none');
  });

  it('keeps play and idioms about someone else out of the crisis tier', () => {
    for (const text of ["My son said he's going to jump in the pool as soon as we get there.", 'Mi hijo dice que se va a aventar a la alberca.', 'mi hermana dice que se muere por ver la peli nueva']) {
      assert.notEqual(tierOf(text), 'crisis', text);
    }
    assert.equal(tierOf('mi hermano dice que se va a aventar del puente'), 'crisis');
  });

  it('asks about a farewell said one way or another, and not about everyday last times', () => {
    for (const text of ['see u on the other side', 'goodnight forever', 'my affairs are in order', 'dont come looking for me', 'nos vemos en el otro lado', 'no me vengan a buscar']) {
      assert.notEqual(tierOf(text), 'none', text);
    }
    for (const text of ['for the last time, where is the form', 'por última vez, ¿a qué hora es la junta?', 'see you on monday at group!']) assert.notEqual(tierOf(text), 'crisis', text);
  });

  it('reads a body sign beside a substance as an overdose, and a hangover as none of it', () => {
    for (const text of ['i did a line and now my arm is numb', 'me metí un pase y tengo el brazo adormecido', 'accidentally took double my dose', 'me tomé la medicina dos veces por error']) {
      assert.deepEqual([tierOf(text), assessRisk(text).kind], ['crisis', 'overdose'], text);
    }
    assert.notEqual(tierOf('me tomé unas cervezas y todo me da vueltas jaja'), 'crisis');
    assert.notEqual(tierOf('drank too much wine last night, feel off today'), 'crisis');
  });

  it('gives self-harm and danger cues their own kind', () => {
    assert.equal(assessRisk('i burned my arm with a lighter').kind, 'self_harm');
    assert.equal(assessRisk('me piqué con una aguja toda la noche pa sentir algo').kind, 'self_harm');
    assert.equal(assessRisk('me jaló del pelo y me aventó al piso').kind, 'danger_from_other');
  });
});

describe('assessRisk: means and reason', () => {
  it('names the means mentioned', () => {
    const cases: Array<[string, Means]> = [
      ['I have the pills right here', 'pills'],
      ['i have a gun and im thinking about using it tonight', 'gun'],
      ['I bought a rope today to end it', 'rope'],
      ["I'm going to jump off the bridge", 'height'],
      ['tengo la navaja en la mano, me voy a cortar', 'knife'],
      ['voy a prender el carro en el garaje y me voy a quedar adentro', 'car'],
    ];
    for (const [text, means] of cases) assert.ok(assessRisk(text).means.includes(means), `${text} → ${JSON.stringify(assessRisk(text))}`);
  });

  it('reports a rule id or a score as the reason, never the message text, and a score in [0, 1]', () => {
    const risk = assessRisk('Ya no quiero vivir, Maria');
    assert.equal(risk.tier, 'crisis');
    assert.match(risk.reason, /^[a-z_.:+0-9]+$/);
    assert.doesNotMatch(JSON.stringify(risk), /vivir|maria/i);
    assert.ok(risk.score >= 0 && risk.score <= 1);
  });

  it('handles empty and odd input', () => {
    for (const text of ['', '   ', '😂😂😂', '...', '1', 'a'.repeat(5000)]) assert.equal(assessRisk(text).tier, 'none', JSON.stringify(text.slice(0, 10)));
  });
});

describe('assessRisk: speed', () => {
  // CPU time, not wall time: the machine running the tests may be shared.
  it('scores a message in under 1 ms of CPU on average', () => {
    const texts = [...Object.values(CRISIS).flatMap((l) => [...l.en, ...l.es]), ...Object.values(NOT_CRISIS_TIER).flat(), ...EVERYDAY];
    for (const text of texts) assessRisk(text); // warm
    const rounds = 5;
    const started = process.cpuUsage();
    for (let r = 0; r < rounds; r++) for (const text of texts) assessRisk(`${text} ${r}`);
    const used = process.cpuUsage(started);
    const perMessageMs = (used.user + used.system) / 1000 / (rounds * texts.length);
    console.log(`risk screen: ${perMessageMs.toFixed(3)} ms per message`);
    assert.ok(perMessageMs < 1, `${perMessageMs} ms per message`);
  });
});
