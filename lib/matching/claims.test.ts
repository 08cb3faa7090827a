import { describe, expect, it } from 'vitest';
import {
  claimSentences,
  compileClaimPattern,
  findClaims,
  foldWord,
  patternMatches,
  type ClaimEntry,
} from './claims';

function compile(source: string) {
  const result = compileClaimPattern(source);
  if (!result.ok) throw new Error(result.error);
  return result.pattern;
}

const matches = (pattern: string, text: string) =>
  patternMatches(compile(pattern), claimSentences(text));

describe('claim patterns', () => {
  it('needs every group, in any order, within one sentence', () => {
    const pattern = 'akkord*|stücklohn* + kein*|nicht + mindestlohn*';
    expect(matches(pattern, 'Im Akkord gibt es keinen Mindestlohn, das weiß jeder.')).toBe(true);
    expect(matches(pattern, 'Mindestlohn? Den gibt es beim Stücklohn nicht')).toBe(false);
    expect(matches(pattern, 'Den Mindestlohn gibt es beim Stücklohn nicht')).toBe(true);
    // The groups are split over two sentences: no claim.
    expect(matches(pattern, 'Ich arbeite im Akkord. Kein Problem, der Mindestlohn gilt.')).toBe(
      false,
    );
    expect(matches(pattern, 'Im Akkord gilt der Mindestlohn auch')).toBe(false);
  });

  it('matches multi-word alternatives only as consecutive words', () => {
    const pattern = 'pro stück + kein* + mindestlohn*';
    expect(matches(pattern, 'bezahlt wird pro Stück, also kein Mindestlohn')).toBe(true);
    expect(matches(pattern, 'pro Tag ein Stück, kein Mindestlohn')).toBe(false);
  });

  it('finds comments typed without diacritics', () => {
    expect(
      matches('płac* + akord* + nie ma + minimaln*', 'Na akord nie ma minimalnej, placa od sztuki'),
    ).toBe(true);
    expect(
      matches('nemocensk* + výpověď*|vyhod*', 'Kdo je na nemocenske, toho muzou vyhodit'),
    ).toBe(true);
    expect(matches('szabadság* + felmond*', 'szabadsag alatt is felmondhatnak')).toBe(true);
  });

  it('finds Bulgarian typed in Latin letters, also with digits for letters', () => {
    const pattern = 'болнич* + уволн*';
    expect(matches(pattern, 'Ако си в болничен, могат да те уволнят')).toBe(true);
    expect(matches(pattern, 'ako si v bolni4en mogat da te uvolnqt')).toBe(true);
    expect(matches(pattern, 'ako si v bolnichen mogat da te uvolniat')).toBe(true);
    expect(matches('шеф* + трябва', 'shefa kaza 4e tryabva')).toBe(true);
    expect(matches('шеф* + трябва', '6efa kaza 4e trqbva')).toBe(true);
  });

  it('finds Greek typed in Latin letters (Greeklish)', () => {
    const pattern = 'άδεια ασθενείας|αρρωστ* + απολ*';
    expect(matches(pattern, 'Όταν είσαι σε άδεια ασθενείας μπορούν να σε απολύσουν')).toBe(true);
    expect(matches(pattern, 'otan eisai se adeia astheneias mporoun na se apolysoun')).toBe(true);
    expect(matches(pattern, 'otan isai se adia asthenias boroun na se apolisoun')).toBe(true);
    expect(matches('εργοδότ* + ισχύει', 'o ergodotis leei oti isxyei')).toBe(true);
    // ου, αυ, ευ as digraphs: "μπορούν" is typed "mporoun" or "mporun", "αύριο" "avrio".
    expect(matches('δεν μπορούν + απολ*', 'den mporoun na se apolysoun')).toBe(true);
    expect(matches('δεν μπορούν + απολ*', 'den mporun na se apolisoun')).toBe(true);
    expect(matches('αύριο + δουλειά', 'avrio den exeis douleia')).toBe(true);
  });

  it('folds both sides the same way, so numbers stay numbers', () => {
    expect(foldWord('603')).toBe('603');
    expect(foldWord('Mindestlohn')).toBe(foldWord('mindestlohn'));
    expect(matches('603 + euro', 'ab 603 Euro')).toBe(true);
    expect(matches('603 + euro', 'ab 630 Euro')).toBe(false);
  });

  it('refuses malformed patterns with a message that names the part', () => {
    expect(compileClaimPattern('a + ')).toMatchObject({
      ok: false,
      error: expect.stringContaining('group 2 is empty'),
    });
    expect(compileClaimPattern('akkord|| lohn')).toMatchObject({
      ok: false,
      error: expect.stringContaining('empty alternative'),
    });
    expect(compileClaimPattern('ak*')).toMatchObject({
      ok: false,
      error: expect.stringContaining('at least 3 letters'),
    });
    expect(compileClaimPattern('lohn.* + x')).toMatchObject({
      ok: false,
      error: expect.stringContaining('"lohn.*"'),
    });
    expect(compileClaimPattern('a+b+c+d+e+f+g')).toMatchObject({
      ok: false,
      error: expect.stringContaining('at most 6 groups'),
    });
  });
});

describe('findClaims', () => {
  const claims: ClaimEntry<string>[] = [
    {
      claimId: 'piecework-no-minimum-wage',
      ref: 'minimum-wage-myth-piecework',
      patterns: [
        { language: 'de', pattern: compile('akkord* + kein* + mindestlohn*') },
        { language: 'pl', pattern: compile('akord* + nie ma|nie obowiazuje + minimaln*') },
      ],
    },
    {
      claimId: 'sick-leave-no-dismissal',
      ref: 'sick-leave-myth-dismissal',
      patterns: [{ language: 'de', pattern: compile('krank* + nicht + kündig*') }],
    },
  ];

  it('reports each claim once, with the language whose pattern found it', () => {
    const hits = findClaims('Na akord nie ma minimalnej stawki. Akord nie ma minimalnej!', claims);
    expect(hits).toEqual([
      {
        claimId: 'piecework-no-minimum-wage',
        ref: 'minimum-wage-myth-piecework',
        language: 'pl',
        pattern: 'akord* + nie ma|nie obowiazuje + minimaln*',
      },
    ]);
  });

  it('finds nothing in a comment that repeats no claim, or is empty', () => {
    expect(findClaims('Geh zur Beratung, die helfen kostenlos.', claims)).toEqual([]);
    expect(findClaims(' … ', claims)).toEqual([]);
  });

  it('tries the post language first', () => {
    const both: ClaimEntry<string>[] = [
      {
        claimId: 'x',
        ref: 'x',
        patterns: [
          { language: 'hr', pattern: compile('bolovanj* + otkaz*') },
          { language: 'sk', pattern: compile('bolovanj*|pn + otkaz*|vyhod*') },
        ],
      },
    ];
    expect(findClaims('na bolovanju ti ne mogu dati otkaz', both)[0]?.language).toBe('hr');
    expect(findClaims('na bolovanju ti ne mogu dati otkaz', both, 'sk')[0]?.language).toBe('sk');
  });
});
