// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClaimMatch, MatchClaimsRequest } from '../claims/messages';
import { facebookAdapter } from '../sites/facebook/adapter';
import { createClaimFlags, FLAG_TAG, type ClaimFlagOptions } from './claim-flags';

const MYTH = 'Na akord minimalna cie nie obowiazuje';

function page(): Element {
  document.body.innerHTML = `
    <div id="post">
      <div class="thread"><div role="article" aria-label="Comment by Ala 1 h"><a role="link" href="#">Ala</a><div dir="auto">Idz do doradztwa</div><div role="button">Reply</div></div></div>
      <div class="thread"><div role="article" aria-label="Comment by Jan 1 h"><a role="link" href="#">Jan</a><div dir="auto">${MYTH}</div><div role="button">Reply</div></div></div>
    </div>`;
  const root = document.getElementById('post');
  if (!root) throw new Error('no post');
  return root;
}

/** What the background answers for a comment that repeats the piecework myth. */
const pieceworkMatch = (commentKey: string): ClaimMatch => ({
  commentKey,
  claimId: 'piecework-no-minimum-wage',
  packId: 'default',
  answerId: 'minimum-wage-myth-piecework',
  language: 'pl',
});

function setup(root: Element, overrides: Partial<ClaimFlagOptions> = {}) {
  const requests: MatchClaimsRequest[] = [];
  const match = vi.fn(async (request: MatchClaimsRequest): Promise<ClaimMatch[]> => {
    requests.push(request);
    return request.comments
      .filter((comment) => comment.text === MYTH)
      .map((comment) => pieceworkMatch(comment.commentKey));
  });
  const found = vi.fn();
  const opened = vi.fn();
  const changed = vi.fn();
  const controller = new AbortController();
  const flags = createClaimFlags({
    adapter: facebookAdapter,
    t: () => (key: string) => key,
    rootOf: (postKey) => (postKey === 'fb:1' ? root : undefined),
    languageOf: () => 'pl',
    match,
    corrected: async () => ({}),
    onFound: found,
    onOpen: opened,
    onChanged: changed,
    signal: controller.signal,
    ...overrides,
  });
  return { flags, match, requests, found, opened, changed, controller };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('claim flags on comments', () => {
  it('flags only the comment that repeats a claim, after it, with nothing of ours in the page', async () => {
    vi.useFakeTimers();
    const root = page();
    const { flags, requests, found, changed } = setup(root);
    flags.scan('fb:1');
    await vi.advanceTimersByTimeAsync(400);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.postLanguage).toBe('pl');
    expect(requests[0]?.comments.map((comment) => comment.text)).toEqual([
      'Idz do doradztwa',
      MYTH,
    ]);
    const hosts = [...document.querySelectorAll(FLAG_TAG)];
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.previousElementSibling?.getAttribute('aria-label')).toBe('Comment by Jan 1 h');
    expect(hosts[0]?.getAttributeNames()).toEqual([]);
    expect(document.querySelector('[data-oa-post]')).toBeNull();
    expect(found).toHaveBeenCalledWith(
      'fb:1',
      expect.objectContaining({ claimId: 'piecework-no-minimum-wage' }),
    );
    expect(changed).toHaveBeenCalledTimes(1);
    expect(flags.flagged('fb:1')).toEqual([
      expect.objectContaining({ claimId: 'piecework-no-minimum-wage', text: MYTH, onPage: true }),
    ]);
  });

  it('asks about a comment once, and re-attaches its flag after a re-render', async () => {
    vi.useFakeTimers();
    const root = page();
    const { flags, requests } = setup(root);
    flags.scan('fb:1');
    await vi.advanceTimersByTimeAsync(400);
    // The page re-renders the thread: new nodes, same comments; one new comment.
    root.innerHTML = root.innerHTML.replace(/<outreach-advisor-flag><\/outreach-advisor-flag>/, '');
    root.insertAdjacentHTML(
      'beforeend',
      '<div class="thread"><div role="article" aria-label="Comment by Ola 1 h"><a role="link" href="#">Ola</a><div dir="auto">Dzieki!</div></div></div>',
    );
    expect(document.querySelectorAll(FLAG_TAG)).toHaveLength(0);
    flags.scan('fb:1');
    await vi.advanceTimersByTimeAsync(400);
    expect(requests).toHaveLength(2);
    expect(requests[1]?.comments.map((comment) => comment.text)).toEqual(['Dzieki!']);
    expect(document.querySelectorAll(FLAG_TAG)).toHaveLength(1);
  });

  it('keeps its shadow root closed to the page, and opens the workspace only for a click a person made', async () => {
    vi.useFakeTimers();
    // Keeps a handle on the (closed) shadow roots the flag creates.
    const attach = Element.prototype.attachShadow;
    const roots: ShadowRoot[] = [];
    const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
      this: Element,
      init: ShadowRootInit,
    ) {
      const shadow = attach.call(this, init);
      roots.push(shadow);
      return shadow;
    });
    try {
      const root = page();
      const { flags, opened } = setup(root);
      flags.scan('fb:1');
      await vi.advanceTimersByTimeAsync(400);
      expect(spy).toHaveBeenCalledWith({ mode: 'closed' });
      expect(document.querySelector(FLAG_TAG)?.shadowRoot).toBeNull();
      const button = roots[0]?.querySelector('button');
      if (!button) throw new Error('no flag button');
      expect(button.textContent).toBe('⚑ claim.flag');
      button.click(); // synthetic: isTrusted is false
      expect(opened).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('asks once for the comments of several posts read together, and flags each under its own post', async () => {
    vi.useFakeTimers();
    const root = page();
    const second = root.cloneNode(true) as Element;
    second.id = 'post2';
    document.body.append(second);
    const requests: MatchClaimsRequest[] = [];
    const found: string[] = [];
    const { flags, controller } = setup(root, {
      rootOf: (postKey) => (postKey === 'fb:1' ? root : postKey === 'fb:2' ? second : undefined),
      match: async (request) => {
        requests.push(request);
        // Only the second post's copy of the myth (the fourth comment asked about).
        const hit = request.comments[3];
        return hit ? [pieceworkMatch(hit.commentKey)] : [];
      },
      onFound: (postKey) => found.push(postKey),
    });
    flags.scan('fb:1');
    flags.scan('fb:2');
    await vi.advanceTimersByTimeAsync(400);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.comments).toHaveLength(4);
    expect(found).toEqual(['fb:2']);
    expect(flags.flagged('fb:1')).toEqual([]);
    expect(flags.flagged('fb:2')).toEqual([expect.objectContaining({ text: MYTH })]);
    expect(second.querySelectorAll(FLAG_TAG)).toHaveLength(1);
    expect(root.querySelectorAll(FLAG_TAG)).toHaveLength(0);
    controller.abort();
  });

  it('says "corrected" on a comment the log or the workspace names as corrected', async () => {
    vi.useFakeTimers();
    const root = page();
    const { flags, controller } = setup(root);
    flags.scan('fb:1');
    await vi.advanceTimersByTimeAsync(400);
    const [flagged] = flags.flagged('fb:1');
    expect(flagged?.corrected).toBe(false);
    flags.markCorrected('fb:1', flagged?.commentKey ?? '');
    expect(flags.flagged('fb:1')[0]?.corrected).toBe(true);
    controller.abort();

    // After a reload: the log already has the correction.
    const again = page();
    const asked: string[][] = [];
    const { flags: reloaded } = setup(again, {
      corrected: async (postKeys) => {
        asked.push(postKeys);
        return { 'fb:1': [flagged?.commentKey ?? ''] };
      },
    });
    reloaded.scan('fb:1');
    await vi.advanceTimersByTimeAsync(400);
    expect(asked).toEqual([['fb:1']]);
    expect(reloaded.flagged('fb:1')[0]?.corrected).toBe(true);
  });

  it('removes its flags when the page session ends', async () => {
    vi.useFakeTimers();
    const root = page();
    const { flags, controller } = setup(root);
    flags.scan('fb:1');
    await vi.advanceTimersByTimeAsync(400);
    expect(document.querySelectorAll(FLAG_TAG)).toHaveLength(1);
    controller.abort();
    expect(document.querySelectorAll(FLAG_TAG)).toHaveLength(0);
  });
});
