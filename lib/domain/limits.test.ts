// @vitest-environment happy-dom
/**
 * Walks the shared limits: whatever the content side produces at (or beyond)
 * each limit must be accepted by the background's schemas, and a pack value at
 * a limit must fit the message protocol (security review findings 4 and 5).
 */
import { describe, expect, it } from 'vitest';
import { postLogContext } from '../content/log-context';
import { logEventRequestSchema } from '../log/events';
import { pageStateSchema } from '../messaging/protocol';
import { readGroupHeader } from '../sites/facebook/group-header';
import { describeFacebookPage } from '../sites/facebook/page';
import { parsedPostSchema, type ParsedPost } from '../sites/types';
import { suggestionPayloadSchema } from '../suggestions/schema';
import {
  answerIdSchema,
  packSchema,
  placeholderNameSchema,
  answerLinkSchema,
} from '../packs/schema';
import { LIMITS } from './limits';

const long = (n: number) => 'x'.repeat(n);

const hugePost: ParsedPost = {
  postKey: `fb:${'1'.repeat(LIMITS.postKey * 2)}`,
  postId: '1',
  groupId: long(LIMITS.groupId * 2),
  groupName: long(LIMITS.groupName * 2),
  authorName: long(LIMITS.authorName * 2),
  anonymous: false,
  text: long(LIMITS.postTextForAnalysis * 2),
  truncated: false,
  permalink: null,
  timeLabel: null,
  uiLanguage: 'en',
  fingerprint: 'f',
};

describe('content-side producers cut to what the background accepts', () => {
  it('the page description cuts a group name to the page-state and log limits', () => {
    // The header's largest believable count, written as Facebook abbreviates it.
    document.body.innerHTML = `<div role="main"><div><h1><a href="/groups/123/">${long(5000)}</a></h1><div>Private group · <a href="/groups/123/members/">100M members</a></div></div></div>`;
    const page = describeFacebookPage(document, new URL('https://www.facebook.com/groups/123/'));
    expect(page.groupName?.length).toBe(LIMITS.groupName);
    const header = readGroupHeader(document, '123');
    expect(header?.memberCount).toBe(100_000_000);
    const state = {
      url: 'https://www.facebook.com/groups/123/',
      pageKind: page.kind,
      groupId: page.groupId,
      groupName: page.groupName,
      memberCount: header?.memberCount,
      feedFound: true,
      postsRecognised: 0,
      groupIncluded: true,
      contentScriptVersion: '1.0.0',
    };
    expect(pageStateSchema.safeParse(state).success).toBe(true);
    const post = { ...hugePost, groupName: page.groupName, groupId: page.groupId };
    const event = {
      id: 'abcdefgh1',
      at: 1,
      type: 'post-seen',
      ...postLogContext(post, null, { includeText: true }),
    };
    expect(logEventRequestSchema.safeParse(event).success).toBe(true);
  });

  it('postLogContext cuts every post field to the log schema', () => {
    // Even a post beyond the adapter's own schema (the adapter may change) stays loggable.
    const context = postLogContext(hugePost, null, { includeText: true });
    for (const action of ['handled', 'post-seen'] as const) {
      const parsed = logEventRequestSchema.safeParse({
        id: 'abcdefgh1',
        at: 1,
        type: action,
        ...context,
      });
      expect(parsed.success, JSON.stringify(parsed.error?.issues[0]?.path)).toBe(true);
    }
  });

  it('the adapter schema never lets through more than the log schema takes', () => {
    const atLimit = {
      ...hugePost,
      postKey: `fb:${'1'.repeat(LIMITS.postKey - 3)}`,
      groupId: long(LIMITS.groupId),
      groupName: long(LIMITS.groupName),
      authorName: long(LIMITS.authorName),
      text: long(LIMITS.postTextForAnalysis),
    };
    expect(parsedPostSchema.safeParse(atLimit).success).toBe(true);
    expect(
      parsedPostSchema.safeParse({ ...atLimit, groupName: long(LIMITS.groupName + 1) }).success,
    ).toBe(false);
  });
});

describe('pack limits match the suggestion protocol', () => {
  const payload = {
    answerId: 'a',
    packId: 'p',
    packVersion: '1.0.0',
    packTitle: 't',
    topic: 'minimum-wage',
    kind: 'answer',
    score: 0.5,
    level: 'likely' as const,
    matchedTerms: [],
    fallback: false,
    reply: { language: 'de', title: 't', body: 'b' },
    translation: null,
    placeholders: [],
    links: [],
    review: {
      status: 'approved',
      reviewer: null,
      reviewedAt: null,
      validUntil: null,
      legalBasis: [],
    },
    exampleContent: false,
    reviewed: true,
    expired: false,
    signature: { status: 'unsigned', signer: null },
  };
  const fits = (over: Record<string, unknown>) =>
    suggestionPayloadSchema.safeParse({ ...payload, ...over }).success;

  it('an answer id the pack accepts fits the protocol, one more character does not pass the pack', () => {
    const id = 'a'.repeat(LIMITS.answerId);
    expect(answerIdSchema.safeParse(id).success).toBe(true);
    expect(fits({ answerId: id })).toBe(true);
    expect(answerIdSchema.safeParse(`${id}a`).success).toBe(false);
  });

  it('a version and a pack id at the pack limit fit the protocol and the log', () => {
    const version = `${'1'.repeat(LIMITS.packVersion - 4)}.0.0`;
    const id = 'a'.repeat(LIMITS.packId);
    const header = packSchema.shape;
    expect(header.version.safeParse(version).success).toBe(true);
    expect(header.version.safeParse(`1${version}`).success).toBe(false);
    expect(header.id.safeParse(id).success).toBe(true);
    expect(header.id.safeParse(`${id}a`).success).toBe(false);
    expect(fits({ packVersion: version, packId: id })).toBe(true);
  });

  it('a placeholder name at the pack limit fits the protocol', () => {
    const name = `p${'x'.repeat(LIMITS.placeholderName - 1)}`;
    expect(placeholderNameSchema.safeParse(name).success).toBe(true);
    expect(placeholderNameSchema.safeParse(`${name}x`).success).toBe(false);
    expect(fits({ placeholders: [name] })).toBe(true);
  });

  it('a link the pack accepts, normalised, fits the protocol', () => {
    const url = `https://example.org/${'a'.repeat(LIMITS.linkUrl - 'https://example.org/'.length)}`;
    expect(answerLinkSchema.safeParse({ url, label: 'L' }).success).toBe(true);
    expect(fits({ links: [{ url: new URL(url).href, label: 'L' }] })).toBe(true);
    expect(answerLinkSchema.safeParse({ url: `${url}a`, label: 'L' }).success).toBe(false);
  });

  it('a per-language link label at the pack limit fits the protocol, one more character does not pass the pack', () => {
    const url = 'https://example.org/';
    const label = 'l'.repeat(LIMITS.linkLabel);
    const labels = { pl: label, ro: label };
    expect(answerLinkSchema.safeParse({ url, label, labels }).success).toBe(true);
    expect(fits({ links: [{ url, label, labels }] })).toBe(true);
    expect(answerLinkSchema.safeParse({ url, label, labels: { pl: `${label}l` } }).success).toBe(
      false,
    );
    expect(fits({ links: [{ url, label, labels: { pl: `${label}l` } }] })).toBe(false);
  });
});
