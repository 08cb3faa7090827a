/**
 * Rules that relate several fields of a pack, checked after the schema has
 * accepted the structure: languages promised but missing, placeholders that
 * differ between languages, stale translations, review dates, expiry, markup
 * and hidden (bidi, zero-width) characters in texts, too few example questions,
 * claims whose patterns miss their own examples. Each finding names its place.
 *
 * The checks take plain data and a `today` date, so the CLI, the extension and
 * tests agree on what "expired" means on a given day.
 */
import type { PostLanguage } from '../domain/languages';
import { claimSentences, compileClaimPattern, patternMatches } from '../matching/claims';
import type { Answer, AnswerText, ClaimText, Pack, ReferralTarget } from './schema';
import { findHiddenCharacters, hiddenCharacterMessage } from './hidden-characters';
import type { PackProblem } from './problems';
import { formatPath, type PathSegment } from './problems';

export const MIN_EXAMPLE_QUESTIONS = 5;

/** Placeholders as written in texts: `{city}`. */
const PLACEHOLDER_PATTERN = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/**
 * Markup that would mean someone expects HTML rendering: tags (any letter
 * after `<` or `</` up to a `>`, so `<svg/onload=…>` counts), comments, CDATA,
 * or script URLs (`javascript:`, `vbscript:`). `a < b` and `<3` are left
 * alone. The text is checked after removing invisible and control characters,
 * which browsers skip inside tag and scheme names (`java\u200bscript:`,
 * `<\0script>`).
 */
const MARKUP_PATTERN = /<\/?[A-Za-z][^<>]*>|<!--|<!\[CDATA\[|<![A-Za-z]|(?:java|vb)script\s*:/i;
const INVISIBLE_OR_CONTROL =
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** Today as `YYYY-MM-DD` in UTC. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function findPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1] ?? ''))];
}

export function findMarkup(text: string): string | undefined {
  const match = MARKUP_PATTERN.exec(text.replace(INVISIBLE_OR_CONTROL, ''));
  return match ? match[0].slice(0, 40) : undefined;
}

export interface ValidateOptions {
  /** The day to judge expiry and future dates against, `YYYY-MM-DD`. */
  today?: string;
}

class Collector {
  readonly problems: PackProblem[] = [];
  error(path: readonly PathSegment[], message: string): void {
    this.problems.push({ severity: 'error', path: formatPath(path), message });
  }
  warning(path: readonly PathSegment[], message: string): void {
    this.problems.push({ severity: 'warning', path: formatPath(path), message });
  }
}

const list = (names: readonly string[]) => names.map((n) => `{${n}}`).join(', ');

/** Markup anywhere in free text is refused: packs are shown as text only. */
function checkMarkup(out: Collector, path: readonly PathSegment[], value: string): void {
  const markup = findMarkup(value);
  if (markup !== undefined) {
    out.error(
      path,
      `contains markup ${JSON.stringify(markup)}; packs are shown as plain text, so remove HTML and script`,
    );
  }
}

function checkText(
  out: Collector,
  answer: Answer,
  language: PostLanguage,
  text: AnswerText,
  base: readonly PathSegment[],
  canonical: PostLanguage,
): void {
  const at = [...base, 'texts', language];
  checkMarkup(out, [...at, 'title'], text.title);
  checkMarkup(out, [...at, 'body'], text.body);
  // Bidi controls and zero-width characters (packs/FORMAT.md#hidden-characters).
  for (const field of ['title', 'body'] as const) {
    const hidden = hiddenCharacterMessage(answer.id, language, field, text[field]);
    if (hidden !== null) out.error([...at, field], hidden);
  }
  text.keywords.forEach((k, i) => checkMarkup(out, [...at, 'keywords', i], k));
  text.examples.forEach((e, i) => checkMarkup(out, [...at, 'examples', i], e));

  const declared = new Set(answer.placeholders);
  const used = findPlaceholders(`${text.title}\n${text.body}`);
  for (const name of used) {
    if (!declared.has(name)) {
      out.error(
        [...at, 'body'],
        `uses {${name}}, which is not declared in placeholders (declared: ${list(answer.placeholders) || 'none'})`,
      );
    }
  }
  const missing = answer.placeholders.filter((name) => !used.includes(name));
  if (missing.length > 0) {
    out.error(
      [...at, 'body'],
      `lacks ${list(missing)}; every language version must use the same placeholders as the declaration`,
    );
  }

  if (text.examples.length < MIN_EXAMPLE_QUESTIONS) {
    out.warning(
      [...at, 'examples'],
      `only ${text.examples.length} example question${text.examples.length === 1 ? '' : 's'}; write at least ${MIN_EXAMPLE_QUESTIONS} the way group members ask`,
    );
  }

  if (text.sourceVersion > answer.canonicalVersion) {
    out.error(
      [...at, 'sourceVersion'],
      `is ${text.sourceVersion}, newer than canonicalVersion ${answer.canonicalVersion}; a translation cannot be ahead of the canonical text`,
    );
  } else if (language === canonical && text.sourceVersion !== answer.canonicalVersion) {
    out.error(
      [...at, 'sourceVersion'],
      `the canonical text must have sourceVersion ${answer.canonicalVersion} (equal to canonicalVersion), not ${text.sourceVersion}`,
    );
  } else if (text.sourceVersion < answer.canonicalVersion) {
    out.warning(
      [...at, 'sourceVersion'],
      `stale translation: made from canonical version ${text.sourceVersion}, but the ${canonical} text is at version ${answer.canonicalVersion}`,
    );
  }
}

function checkReview(
  out: Collector,
  answer: Answer,
  base: readonly PathSegment[],
  today: string,
): void {
  const at = [...base, 'review'];
  const review = answer.review;
  if (review.reviewedAt !== null && review.reviewedAt > today) {
    out.error([...at, 'reviewedAt'], `${review.reviewedAt} is in the future`);
  }
  if (
    review.validUntil !== null &&
    review.reviewedAt !== null &&
    review.validUntil < review.reviewedAt
  ) {
    out.error(
      [...at, 'validUntil'],
      `${review.validUntil} is before the review date ${review.reviewedAt}`,
    );
  }
  switch (review.status) {
    case 'approved':
      if (review.reviewer === null)
        out.error([...at, 'reviewer'], 'an approved answer needs the reviewer');
      if (review.reviewedAt === null)
        out.error([...at, 'reviewedAt'], 'an approved answer needs the review date');
      if (review.validUntil === null) {
        out.warning(
          [...at, 'validUntil'],
          'no expiry date; laws change every year, set validUntil',
        );
      }
      if (review.legalBasis.length === 0) {
        out.warning([...at, 'legalBasis'], 'an approved answer should name its legal basis');
      }
      break;
    case 'pending':
    case 'in-review':
      out.warning(
        [...at, 'status'],
        `legal review ${review.status === 'pending' ? 'pending' : 'in progress'}; advisors must confirm before inserting this answer`,
      );
      break;
    case 'withdrawn':
      out.warning([...at, 'status'], 'withdrawn; this answer will not be suggested');
      break;
  }
  if (review.validUntil !== null && review.validUntil < today) {
    out.warning(
      [...at, 'validUntil'],
      `expired on ${review.validUntil}; it needs a new review before use`,
    );
  }
}

/**
 * Markup check for an answer that failed the schema: walks its raw strings so
 * the editor still learns about HTML in it in the same run.
 */
export function findMarkupInRawAnswer(raw: unknown, index: number): PackProblem[] {
  const out = new Collector();
  const stack: { value: unknown; path: PathSegment[] }[] = [
    { value: raw, path: ['answers', index] },
  ];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const { value, path } = item;
    if (typeof value === 'string') {
      if (path[path.length - 1] !== 'url') checkMarkup(out, path, value);
    } else if (Array.isArray(value)) {
      value.forEach((child, i) => stack.push({ value: child, path: [...path, i] }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value))
        stack.push({ value: child, path: [...path, key] });
    }
  }
  return out.problems.reverse();
}

/** Checks one answer that already matches `answerSchema`. */
export function validateAnswer(
  answer: Answer,
  index: number,
  pack: Pick<Pack, 'languages' | 'canonicalLanguage'>,
  options: ValidateOptions = {},
): PackProblem[] {
  const out = new Collector();
  const today = options.today ?? isoToday();
  const base = ['answers', index];

  const duplicatesPlaceholders = answer.placeholders.filter((n, i, all) => all.indexOf(n) !== i);
  if (duplicatesPlaceholders.length > 0) {
    out.error(
      [...base, 'placeholders'],
      `lists ${list([...new Set(duplicatesPlaceholders)])} more than once`,
    );
  }

  for (const language of pack.languages) {
    if (answer.texts[language] === undefined) {
      out.error(
        [...base, 'texts', language],
        `missing: the pack promises ${language} for every answer (see languages)`,
      );
    }
  }
  for (const [language, text] of Object.entries(answer.texts) as [
    PostLanguage,
    AnswerText | undefined,
  ][]) {
    if (!text) continue;
    if (!pack.languages.includes(language)) {
      out.warning(
        [...base, 'texts', language],
        `${language} is not listed in the pack's languages; add it there or remove this text`,
      );
    }
    checkText(out, answer, language, text, base, pack.canonicalLanguage);
  }

  answer.links.forEach((link, i) => {
    checkMarkup(out, [...base, 'links', i, 'label'], link.label);
    for (const [language, label] of Object.entries(link.labels ?? {})) {
      if (label === undefined) continue;
      checkMarkup(out, [...base, 'links', i, 'labels', language], label);
      // A label without a text in its language is never shown, and the
      // spreadsheet (one row per text) would have no place to keep it.
      if (!answer.texts[language as PostLanguage]) {
        out.error(
          [...base, 'links', i, 'labels', language],
          `the answer has no ${language} text, so this label is never shown; add the text or remove the label`,
        );
      }
    }
  });
  const seenUrls = new Map<string, number>();
  answer.links.forEach((link, i) => {
    const first = seenUrls.get(link.url);
    if (first !== undefined)
      out.warning([...base, 'links', i, 'url'], `same link as links[${first}]`);
    else seenUrls.set(link.url, i);
  });

  checkClaims(out, answer, base);
  checkReview(out, answer, base, today);
  return out.problems;
}

/**
 * Claims (packs/FORMAT.md, "Claims"): only on myth corrections, in languages
 * the answer has a reply in, and every example must be found by its own
 * patterns, so an editor learns at once when a pattern misses the comments
 * it was written for.
 */
function checkClaims(out: Collector, answer: Answer, base: readonly PathSegment[]): void {
  const claims = answer.claims ?? [];
  if (claims.length > 0 && answer.kind !== 'myth-correction') {
    out.error(
      [...base, 'claims'],
      `only answers of kind myth-correction correct claims; this one is ${answer.kind}`,
    );
  }
  if (answer.kind === 'myth-correction' && claims.length === 0) {
    out.warning(
      [...base, 'claims'],
      'a myth correction without claims is never offered for comments; add the claim it corrects',
    );
  }
  const ids = new Set<string>();
  claims.forEach((claim, c) => {
    const at = [...base, 'claims', c];
    if (ids.has(claim.id)) out.error([...at, 'id'], `${claim.id} is listed twice in this answer`);
    ids.add(claim.id);
    for (const [language, text] of Object.entries(claim.texts) as [
      PostLanguage,
      ClaimText | undefined,
    ][]) {
      if (!text) continue;
      const where = [...at, 'texts', language];
      if (!answer.texts[language]) {
        out.error(
          where,
          `the answer has no ${language} reply, so a ${language} comment could not be corrected; add the reply or remove this claim text`,
        );
      }
      checkMarkup(out, [...where, 'statement'], text.statement);
      const compiled = text.patterns.flatMap((source) => {
        const result = compileClaimPattern(source);
        return result.ok ? [result.pattern] : [];
      });
      text.examples.forEach((example, e) => {
        const sentences = claimSentences(example);
        if (!compiled.some((pattern) => patternMatches(pattern, sentences))) {
          out.error(
            [...where, 'examples', e],
            `no pattern of this claim finds this example; widen a pattern or change the example`,
          );
        }
      });
    }
    for (const language of Object.keys(answer.texts) as PostLanguage[]) {
      if (!claim.texts[language]) {
        out.warning(
          [...at, 'texts', language],
          `no ${language} patterns: comments in ${language} repeating this claim are not flagged`,
        );
      }
    }
  });
}

/** Claim ids are unique in a pack: statistics count claims by id. */
export function validateClaimIds(answers: readonly Answer[]): PackProblem[] {
  const out = new Collector();
  const seen = new Map<string, number>();
  answers.forEach((answer, a) => {
    (answer.claims ?? []).forEach((claim, c) => {
      const first = seen.get(claim.id);
      if (first !== undefined && first !== a) {
        out.error(
          ['answers', a, 'claims', c, 'id'],
          `${claim.id} is already a claim of answers[${first}]; claim ids are unique in a pack`,
        );
      } else seen.set(claim.id, a);
    });
  });
  return out.problems;
}

/** Rules on the pack header that do not depend on the answers. */
export function validatePackHeader(
  pack: Omit<Pack, 'answers'>,
  options: ValidateOptions = {},
): PackProblem[] {
  const out = new Collector();
  const today = options.today ?? isoToday();
  const seen = new Set<string>();
  pack.languages.forEach((language, i) => {
    if (seen.has(language)) out.error(['languages', i], `${language} is listed twice`);
    seen.add(language);
  });
  if (!pack.languages.includes(pack.canonicalLanguage)) {
    out.error(['canonicalLanguage'], `${pack.canonicalLanguage} must also be listed in languages`);
  }
  if (pack.updatedAt > today) out.warning(['updatedAt'], `${pack.updatedAt} is in the future`);
  checkMarkup(out, ['title'], pack.title);
  checkMarkup(out, ['description'], pack.description);
  checkMarkup(out, ['publisher', 'name'], pack.publisher.name);
  checkReferrals(out, pack.referrals ?? [], today);
  return out.problems;
}

/** A referral target whose facts are older than this is flagged for re-checking. */
export const REFERRAL_RECHECK_DAYS = 365;

/**
 * The referral directory: unique ids, no markup, no hidden characters,
 * states and languages listed once, nationwide not mixed with single
 * states, and a warning for facts dated in the future or long ago.
 */
function checkReferrals(out: Collector, referrals: readonly ReferralTarget[], today: string): void {
  const first = new Map<string, number>();
  const recheckBefore = new Date(
    Date.parse(`${today}T00:00:00Z`) - REFERRAL_RECHECK_DAYS * 86_400_000,
  )
    .toISOString()
    .slice(0, 10);
  referrals.forEach((target, i) => {
    const base = ['referrals', i] as const;
    const earlier = first.get(target.id);
    if (earlier !== undefined) {
      out.error(
        [...base, 'id'],
        `duplicate id ${JSON.stringify(target.id)}, already used by referrals[${earlier}]`,
      );
    } else first.set(target.id, i);
    const texts: [PathSegment[], string | undefined][] = [
      [['name'], target.name],
      [['city'], target.city],
      [['note'], target.note],
      ...target.channels.map((channel, c): [PathSegment[], string] => [
        ['channels', c],
        channel.value,
      ]),
    ];
    for (const [field, value] of texts) {
      if (value === undefined) continue;
      checkMarkup(out, [...base, ...field], value);
      const hidden = findHiddenCharacters(value)[0];
      if (hidden !== undefined)
        out.error(
          [...base, ...field],
          `contains the hidden character ${hidden.codePoint} (${hidden.name}) at character ${String(hidden.position)}; it cannot be seen and can change how the text reads, so remove it`,
        );
    }
    if (new Set(target.states).size !== target.states.length)
      out.error([...base, 'states'], 'a state is listed twice');
    if (target.states.includes('DE') && target.states.length > 1)
      out.error([...base, 'states'], 'DE means nationwide; list either DE or single states');
    if (new Set(target.languages).size !== target.languages.length)
      out.error([...base, 'languages'], 'a language is listed twice');
    if (target.lastChecked > today)
      out.warning([...base, 'lastChecked'], `${target.lastChecked} is in the future`);
    else if (target.lastChecked < recheckBefore)
      out.warning(
        [...base, 'lastChecked'],
        `last checked ${target.lastChecked}, more than ${REFERRAL_RECHECK_DAYS} days ago; confirm address, phone and languages again`,
      );
  });
}

/**
 * Rules across answers. `ids` holds each answer's id where it is readable
 * (undefined where the answer itself is broken), so duplicates are found even
 * in a pack whose other answers have errors.
 */
export function validateAnswerIds(ids: readonly (string | undefined)[]): PackProblem[] {
  const out = new Collector();
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    if (id === undefined) return;
    const earlier = first.get(id);
    if (earlier !== undefined) {
      out.error(
        ['answers', i, 'id'],
        `duplicate id ${JSON.stringify(id)}, already used by answers[${earlier}]`,
      );
    } else first.set(id, i);
  });
  return out.problems;
}

/** A pack that claims to be reviewed content should not carry unreviewed answers. */
export function validateExampleContentFlag(
  pack: Pick<Pack, 'exampleContent' | 'answers'>,
): PackProblem[] {
  if (pack.exampleContent) return [];
  const unreviewed = pack.answers.filter((a) => a.review.status !== 'approved').length;
  if (unreviewed === 0) return [];
  return [
    {
      severity: 'warning',
      path: 'exampleContent',
      message: `false, but ${unreviewed} answer${unreviewed === 1 ? ' is' : 's are'} not approved; mark the pack as example content until the review is done`,
    },
  ];
}

/** All semantic rules on a pack that matches the schema. */
export function validatePack(pack: Pack, options: ValidateOptions = {}): PackProblem[] {
  const problems = [
    ...validatePackHeader(pack, options),
    ...validateAnswerIds(pack.answers.map((a) => a.id)),
  ];
  pack.answers.forEach((answer, index) =>
    problems.push(...validateAnswer(answer, index, pack, options)),
  );
  problems.push(...validateClaimIds(pack.answers));
  problems.push(...validateExampleContentFlag(pack));
  return problems;
}
