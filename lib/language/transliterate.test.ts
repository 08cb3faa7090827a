import { describe, expect, it } from 'vitest';
import { foldDiacritics, transliterateBulgarian, transliterateGreek } from './transliterate';

describe('foldDiacritics', () => {
  it.each([
    ['Nie dostałem wypłaty za październik', 'Nie dostalem wyplaty za pazdziernik'],
    ['Nu am primit salariul pe luna trecută', 'Nu am primit salariul pe luna trecuta'],
    ['Žluťoučký kůň úpěl ďábelské ódy', 'Zlutoucky kun upel dabelske ody'],
    ['Đurđica plaća', 'Durdica placa'],
    ['Árvíztűrő tükörfúrógép', 'Arvizturo tukorfurogep'],
    ['Straße', 'Straße'],
  ])('%s', (text, folded) => {
    expect(foldDiacritics(text)).toBe(folded);
  });
});

describe('transliterateBulgarian', () => {
  it.each([
    ['Здравейте, имам въпрос за заплатата', 'official', 'Zdraveyte, imam vapros za zaplatata'],
    ['Щастие, юни, жена, цена, чай, път', 'official', 'Shtastie, yuni, zhena, tsena, chay, pat'],
    ['Работя в Германия', 'official', 'Rabotya v Germania'],
    ['Здравейте, имам въпрос', 'informal', 'Zdraveite, imam vapros'],
    ['Здравейте, имам въпрос, жена, цена', 'chat', 'Zdraveite, imam vupros, jena, cena'],
  ] as const)('%s (%s)', (text, style, latin) => {
    expect(transliterateBulgarian(text, style)).toBe(latin);
  });
});

describe('transliterateGreek', () => {
  it.each([
    ['Καλησπέρα, έχω ένα πρόβλημα', 'elot', 'kalispera, echo ena provlima'],
    ['Αυτό το μπλοκ, ευχαριστώ', 'elot', 'afto to blok, efcharisto'],
    ['Καλησπέρα, έχω ένα πρόβλημα', 'greeklish', 'kalispera, exo ena provlima'],
    ['Δεν μου πληρώνει ο εργοδότης', 'greeklish', 'den mou plironi o ergodotis'],
  ] as const)('%s (%s)', (text, style, latin) => {
    expect(transliterateGreek(text, style)).toBe(latin);
  });
});
