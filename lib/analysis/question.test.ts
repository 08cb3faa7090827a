import { describe, expect, it } from 'vitest';
import { analyseQuestion, foldText } from './question';

describe('analyseQuestion', () => {
  it.each([
    // [language, text, expected]
    ['pl', 'Czesc, czy to w ogole legalne ze szef placi 11 euro', true],
    ['pl', 'Ktos wie gdzie jest doradztwo w Monachium', true],
    ['pl', 'Ile wynosi teraz Mindestlohn w Niemczech', true],
    ['pl', 'Sprzedam rower, stan dobry', false],
    ['ro', 'Buna ziua. Nu mi-au platit salariul. Ce pot face', true],
    ['ro', 'Stie cineva daca primesc Kindergeld pentru copii in Romania', true],
    ['ro', 'Multumesc tuturor pentru ajutor, am rezolvat', false],
    ['bg', 'Шефът ми каза да си извадя ГЕВЕРБЕ. Нормално ли е това', true],
    ['bg', 'Znae li nyakoi kade se vadi Steuer ID', true],
    ['bg', 'Честита Нова година на всички!', false],
    ['el', 'Είμαι άρρωστη εδώ και μια εβδομάδα. Τι ισχύει;', true],
    ['el', 'O ergodotis mou dose Kündigung. Isxyei auto', true],
    ['el', 'Kalimera se olous', false],
    ['hr', 'Zna li netko koliko traje otkazni rok', true],
    ['hr', 'Prodajem auto, javite se u inbox', false],
    ['hu', 'Tud valaki segiteni, nem fizettek ki a munkaberemet', true],
    ['hu', 'Mennyi a minimalber most Nemetorszagban', true],
    ['hu', 'Eladó kanapé Münchenben', false],
    ['es', 'Alguien sabe cuantos dias de vacaciones me corresponden', true],
    ['es', '¿Me pueden despedir estando de baja?', true],
    ['es', 'Busco piso en Berlin para marzo', false],
    ['fr', "Quelqu'un sait comment avoir le numero fiscal", true],
    ['fr', 'Est-ce que mon employeur peut garder mon passeport', true],
    ['fr', 'Bonne soirée à tous', false],
    ['it', 'Qualcuno sa se posso avere la malattia pagata', true],
    ['it', 'Cosa devo fare se il datore non mi paga', true],
    ['it', 'Vendo divano a Colonia', false],
    ['cs', 'Vi nekdo kolik je minimalni mzda pro pecovatelky', true],
    ['cs', 'Dekuji vsem za rady', false],
    ['sk', 'Vie niekto poradit s A1 formularom', true],
    ['sk', 'Pozdravujem vsetky opatrovatelky', false],
    ['de', 'Weiß jemand wie lange die Kündigungsfrist ist', true],
    ['de', 'Wie viel Urlaub steht mir zu', true],
    ['de', 'Biete Mitfahrgelegenheit nach Warschau am Freitag', false],
    ['en', 'Does anyone know if my employer can keep my passport', true],
    ['en', 'Selling a bike, good condition, DM me', false],
  ])('%s: %s → %s', (_language, text, expected) => {
    expect(analyseQuestion(text).isQuestion).toBe(expected);
  });

  it('names its evidence', () => {
    expect(analyseQuestion('Czy ktos wie? Prosze o pomoc').reasons).toEqual([
      'question-mark',
      'help-phrase',
      'interrogative',
    ]);
  });

  it('does not read a Greek semicolon after a space or inside a list as a question', () => {
    expect(analyseQuestion('Sales: apples ; pears').isQuestion).toBe(false);
  });
});

describe('foldText', () => {
  it.each([
    ['Można', 'mozna'],
    ['Ştie  cineva', 'stie cineva'],
    ['Τι ισχύει', 'τι ισχυει'],
    ['Weiß', 'weiss'],
  ])('%s → %s', (input, output) => {
    expect(foldText(input)).toBe(output);
  });
});
