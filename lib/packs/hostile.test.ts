/**
 * Hostile pack inputs from the security review (findings 5, 10, 11, 17) and
 * variants: each is refused with a message that names its place, or accepted
 * in normalised form. None may throw.
 */
import { describe, expect, it } from 'vitest';
import { makeAnswer, makePack } from '../../tests/packs/make-pack';
import { parsePack } from './parse';

const TODAY = '2026-03-01';

function withLink(url: string) {
  const pack = makePack();
  const answer = pack.answers[0] ?? makeAnswer('extra');
  pack.answers[0] = { ...answer, links: [{ url, label: 'L' }] };
  return pack;
}

function withBody(body: string) {
  const pack = makePack();
  const answer = pack.answers[0] ?? makeAnswer('extra');
  const texts = Object.fromEntries(
    Object.entries(answer.texts).map(([language, text]) => [language, { ...text, body }]),
  );
  pack.answers[0] = { ...answer, placeholders: [], texts };
  return pack;
}

const firstError = (result: ReturnType<typeof parsePack>) => {
  const problem = result.problems.find((p) => p.severity === 'error');
  return problem ? `${problem.path}: ${problem.message}` : '';
};

describe('links (finding 10)', () => {
  it.each([
    ['https://fаire-mobilitaet.de/', /non-ASCII.*xn--fire-mobilitaet-ulm\.de/],
    ['https://bücher.example/', /punycode/],
    ['https://user:pass@evil.example/', /user name or password/],
    ['https://trusted.example@evil.example/', /user name or password/],
    ['https://evil.example/\u202egpj.exe', /invisible character U\+202E/],
    ['https://evil.example/a\u200bb', /invisible character U\+200B/],
    ['https://evil.example/\u2066x', /invisible character U\+2066/],
    ['https://www.faire-mobilitaet.de/a b', /contains a space/],
    ['  https://x.example', /contains a space/],
    ['https://x.example/\t', /invisible character U\+0009/],
    ['javascript:alert(1)', /not an https link/],
    ['http://example.org', /not an https link/],
  ])('refuses %j with a located message', (url, message) => {
    const result = parsePack(withLink(url), { today: TODAY });
    expect(result.ok).toBe(false);
    expect(firstError(result)).toMatch(/^answers\[0\]\.links\[0\]\.url: /);
    expect(firstError(result)).toMatch(message);
  });

  it.each([
    ['HTTPS://EXAMPLE.ORG', 'https://example.org/'],
    ['https:evil.example', 'https://evil.example/'],
    ['https://%65vil.example/', 'https://evil.example/'],
    ['https://xn--fire-mobilitaet-2nb.de/', 'https://xn--fire-mobilitaet-2nb.de/'],
    ['https://www.zoll.de', 'https://www.zoll.de/'],
  ])('accepts %j and stores it as %j', (url, stored) => {
    const result = parsePack(withLink(url), { today: TODAY });
    expect(firstError(result)).toBe('');
    if (result.ok) expect(result.pack.answers[0]?.links[0]?.url).toBe(stored);
  });
});

describe('markup (finding 11)', () => {
  it.each([
    '<svg/onload=alert(1)>',
    'java\u200bscript:alert(1)',
    'java\u00adscript:alert(1)',
    '<\u0000script>',
    '<scr\u200bipt>',
    'vbscript:msgbox(1)',
    'javascript :alert(1)',
    '<img/src=x>',
  ])('refuses %j in a body with a located message', (body) => {
    const result = parsePack(withBody(body), { today: TODAY });
    expect(result.ok).toBe(false);
    expect(firstError(result)).toMatch(/^answers\[0\]\.texts\.\w+\.body: contains markup/);
  });

  it.each(['a < b and c > d', '<3 danke', '&lt;b&gt;', 'Java script ist keine Sprache: ok'])(
    'leaves %j alone',
    (body) => {
      expect(firstError(parsePack(withBody(body), { today: TODAY }))).toBe('');
    },
  );
});

describe('limits that match the protocol (finding 5)', () => {
  it.each([
    [
      'version',
      (p: ReturnType<typeof makePack>) => ({ ...p, version: `${'1'.repeat(60)}.0.0` }),
      'version: too long: at most 50',
    ],
    [
      'pack id',
      (p: ReturnType<typeof makePack>) => ({ ...p, id: `eu.${'x'.repeat(250)}` }),
      'id: too long: at most 200',
    ],
    [
      'answer id',
      (p: ReturnType<typeof makePack>) => ({
        ...p,
        answers: p.answers.map((a, i) => (i === 0 ? { ...a, id: 'a'.repeat(201) } : a)),
      }),
      'answers[0].id: too long: at most 200',
    ],
  ])('refuses an over-long %s', (_name, mutate, message) => {
    expect(firstError(parsePack(mutate(makePack()), { today: TODAY }))).toContain(message);
  });
});

describe('messages that say what is wrong (finding 17)', () => {
  it('reports __proto__ under texts instead of dropping it', () => {
    const text = JSON.stringify(makePack()).replace(
      '"texts":{',
      '"texts":{"__proto__":{"title":"INJECTED","body":"x","keywords":[],"examples":[],"sourceVersion":1},',
    );
    const result = parsePack(text, { today: TODAY });
    expect(result.ok).toBe(false);
    expect(firstError(result)).toBe(
      'answers[0].texts.__proto__: "__proto__" is not allowed as a field name; remove it',
    );
  });

  it('says a pack with 100,000 answers has too many answers, not that it is too deep', () => {
    const pack = makePack();
    const answer = pack.answers[0] ?? makeAnswer('extra');
    const wide = {
      ...pack,
      answers: Array.from({ length: 100_000 }, (_, i) => ({ ...answer, id: `a${i}` })),
    };
    expect(firstError(parsePack(wide, { today: TODAY }))).toBe(
      'answers: 100000 answers; at most 5000 fit in one pack',
    );
  });

  it('says a wide object with too many values is too large, not too deep', () => {
    const wide = {
      ...makePack(),
      description: 'x',
      extra: Array.from({ length: 1_000_001 }, () => ({})),
    };
    expect(firstError(parsePack(wide, { today: TODAY }))).toMatch(
      /^pack: holds more than 1,000,000 values/,
    );
  });

  it('tells the editor to write schemaVersion "1" as a number', () => {
    expect(firstError(parsePack({ ...makePack(), schemaVersion: '1' }, { today: TODAY }))).toBe(
      'schemaVersion: is the text "1"; write it as a number without quotes: "schemaVersion": 1',
    );
  });
});
