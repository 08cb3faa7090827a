// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUP_HEADER_PAGES } from '../../../tests/fixtures/group-headers/pages';
import { LIMITS } from '../../domain/limits';
import { MAX_MEMBER_COUNT } from '../../groups/register';
import { parseMemberCount, readGroupHeader } from './group-header';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures');

function load(path: string): Document {
  document.documentElement.innerHTML = readFileSync(join(FIXTURES, path), 'utf8')
    .replace(/^<!doctype html>\s*(<!--[\s\S]*?-->\s*)?<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/, '');
  return document;
}

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

/** [text, count]: header texts in the product's languages and Facebook's usual forms. */
const COUNTS: readonly (readonly [string, number])[] = [
  // en
  ['12K members', 12_000],
  ['Private group · 311.1K members', 311_100],
  ['Public group · 125K members · 10 posts a day', 125_000],
  ['Private group · 1.2M members', 1_200_000],
  ['78,000 members', 78_000],
  ['1200 members', 1200],
  ['1 member', 1],
  ['3.4M members', 3_400_000],
  // de
  ['12.345 Mitglieder', 12_345],
  ['Öffentliche Gruppe · 12.400 Mitglieder', 12_400],
  ['Private Gruppe · 1,2 Tsd. Mitglieder', 1200],
  ['2,5 Mio. Mitglieder', 2_500_000],
  [`12'345 Mitglieder`, 12_345],
  // pl
  ['1,2 tys. członków', 1200],
  ['Grupa Prywatna · 28 tys. członków', 28_000],
  ['Grupa publiczna · 3 posty dziennie · 12 tys. członków', 12_000],
  [`12${NBSP}345 członków`, 12_345],
  ['2 mln członków', 2_000_000],
  // ro
  ['Grup public · 1,2 mii de membri', 1200],
  ['12.345 de membri', 12_345],
  ['1,5 mil. de membri', 1_500_000],
  // bg
  ['Частна група · 45 хил. членове', 45_000],
  [`12${NBSP}345 членове`, 12_345],
  ['1,2 млн. членове', 1_200_000],
  // el
  ['Ιδιωτική ομάδα · 3,4 χιλ. μέλη', 3400],
  ['12.345 μέλη', 12_345],
  ['1,1 εκ. μέλη', 1_100_000],
  // hr
  ['Privatna grupa · 12 tis. članova', 12_000],
  ['12.345 članova', 12_345],
  // hu
  ['Nyilvános csoport · 1,2 E tag', 1200],
  [`12${NBSP}345 tag`, 12_345],
  ['3 ezer tag', 3000],
  // cs
  ['Soukromá skupina · 3,4 tis. členů', 3400],
  [`12${NARROW_NBSP}345 členů`, 12_345],
  ['1,2 mil. členů', 1_200_000],
  // sk
  ['Súkromná skupina · 8,5 tis. členov', 8500],
  ['12 345 členov', 12_345],
  // lt
  ['Privati grupė · 4,1 tūkst. narių', 4100],
  ['1 234 nariai', 1234],
  // lv
  ['Privāta grupa · 2,3 tūkst. dalībnieku', 2300],
  ['1,1 milj. dalībnieku', 1_100_000],
  // pt
  ['Grupo privado · 12 mil membros', 12_000],
  ['1,2 mi de membros', 1_200_000],
  // es
  ['Grupo público · 4,5 mil miembros', 4500],
  ['1,2 M miembros', 1_200_000],
  // it
  ['Gruppo privato · 12.000 membri', 12_000],
  ['3 mila membri', 3000],
  ['1,2 Mln membri', 1_200_000],
  // fr
  ['Groupe privé · 12 k membres', 12_000],
  ['1,2 M de membres', 1_200_000],
  [`12${NARROW_NBSP}345 membres`, 12_345],
  // Invisible characters Facebook inserts do not break a count.
  ['12\u200bK mem\u200bbers', 12_000],
];

/** Texts that hold no member count, or numbers that are something else. */
const NOT_COUNTS: readonly string[] = [
  '',
  'Members',
  'Mitglieder',
  'Private group',
  '12 new posts today',
  '12 neue Beiträge heute',
  'Created 12 May 2019',
  'Erstellt am 12.05.2019',
  'Aktiv vor 1 Tag',
  '3 posty dziennie',
  '12 new members this week',
  '1,2 members',
  '1.234K members',
  '12,34 Mitglieder',
  'members: 12',
  'Group 2024 for members',
  '12 membership requests',
  '5 000 000 000 members',
  '200M members',
];

describe('parseMemberCount', () => {
  it('covers every product language with at least two forms', () => {
    expect(COUNTS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(COUNTS)('%s → %i', (text, count) => {
    expect(parseMemberCount(text)).toBe(count);
  });

  it.each(NOT_COUNTS.map((text) => [text]))('%j → null', (text) => {
    expect(parseMemberCount(text)).toBeNull();
  });

  it('never returns a count above MAX_MEMBER_COUNT', () => {
    expect(parseMemberCount(`${String(MAX_MEMBER_COUNT)} members`)).toBe(MAX_MEMBER_COUNT);
    expect(parseMemberCount(`${String(MAX_MEMBER_COUNT + 1)} members`)).toBeNull();
  });
});

/** What each fixture's header shows (tests/fixtures/group-headers/SOURCES.md). */
const EXPECTED: Record<string, { name: string | null; memberCount: number | null; via: string }> = {
  'group-headers/en-members-link.html': {
    name: 'Polish Workers in the Netherlands – Q&A',
    memberCount: 12_000,
    via: 'groupName[0] memberCount[0]',
  },
  'group-headers/de-members-link.html': {
    name: 'Rumänen in Bayern – Arbeit und Wohnen',
    memberCount: 12_345,
    via: 'groupName[0] memberCount[0]',
  },
  'group-headers/pl-logged-out-line.html': {
    name: 'Praca w Niemczech bez pośredników',
    memberCount: 28_000,
    via: 'groupName[1] memberCount[1]',
  },
  'group-headers/ro-abbreviated-link.html': {
    name: 'Români în Olanda – ajutor',
    memberCount: 1200,
    via: 'groupName[0] memberCount[0]',
  },
  'group-headers/bg-no-count.html': {
    name: 'Българи в Германия – работа',
    memberCount: null,
    via: 'groupName[0] memberCount[-]',
  },
  'group-headers/cs-feed-mentions-members.html': {
    name: 'Češi a Slováci v Irsku',
    memberCount: null,
    via: 'groupName[0] memberCount[-]',
  },
  'group-headers/hu-split-count.html': {
    name: null,
    memberCount: 1200,
    via: 'groupName[-] memberCount[2]',
  },
  'group-headers/el-about-tab.html': {
    name: 'Έλληνες στη Γερμανία – εργασία',
    memberCount: 3400,
    via: 'groupName[0] memberCount[0]',
  },
};

describe('readGroupHeader', () => {
  it('has an expectation for every fixture page', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(
      GROUP_HEADER_PAGES.map((page) => page.path).sort(),
    );
  });

  it.each(GROUP_HEADER_PAGES.map((page) => [page.path, page.groupId] as const))(
    'reads %s',
    (path, groupId) => {
      expect(readGroupHeader(load(path), groupId)).toEqual(EXPECTED[path]);
    },
  );

  it('takes no count from another group: the name link and members link must be this group', () => {
    const header = readGroupHeader(load('group-headers/en-members-link.html'), '770100200999');
    // The h1 link is not this group's, so the name comes from the plain h1 entry; the members
    // link is not this group's either, so the count comes from the header line instead.
    expect(header).toEqual({
      name: 'Polish Workers in the Netherlands – Q&A',
      memberCount: 12_000,
      via: 'groupName[1] memberCount[1]',
    });
  });

  it('reads nothing from a feed post when the header has no count', () => {
    const doc = load('group-headers/cs-feed-mentions-members.html');
    // The post's count is there to be found, so the null above is the region's doing.
    expect(parseMemberCount(doc.querySelector('[role="feed"]')?.textContent ?? '')).toBe(5000);
    expect(readGroupHeader(doc, '770100200306')?.memberCount).toBeNull();
  });

  it('returns null while no header is rendered', () => {
    document.documentElement.innerHTML =
      '<body><div role="main"><div role="feed"><div>12K members</div></div></div></body>';
    expect(readGroupHeader(document, '770100200301')).toBeNull();
  });

  it('cuts the name to LIMITS.groupName', () => {
    const long = 'N'.repeat(LIMITS.groupName + 50);
    document.documentElement.innerHTML = `<body><div role="main"><div><h1><a href="/groups/42/">${long}</a></h1><span>Public group · 3K members</span></div></div></body>`;
    expect(readGroupHeader(document, '42')).toEqual({
      name: 'N'.repeat(LIMITS.groupName),
      memberCount: 3000,
      via: 'groupName[0] memberCount[1]',
    });
  });
});
