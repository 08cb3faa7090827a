/**
 * The demo feed in both browsers: every post marked once and analysed, and a
 * reply inserted from the workspace landing in the real Lexical comment box.
 */
import { DEMO_POSTS } from '../../fixtures/demo-group/posts';
import { expect, test } from './fixtures';
import { FeedPage } from './pages/feed-page';
import { WorkspacePage } from './pages/workspace-page';

const DEMO = 'groups/eu-workers-demo/';

test.describe('demo feed', () => {
  test('every demo post is marked with exactly one open-shadow overlay, with language and topic', async ({
    session,
    server,
  }) => {
    const feed = new FeedPage(await session.newPage(), server.origin, DEMO);
    await feed.open();
    await expect.poll(() => feed.markedPostCount()).toBe(DEMO_POSTS.length);
    await feed.waitForSuggestions(DEMO_POSTS.length);
    const posts = await feed.posts();
    expect(posts).toHaveLength(DEMO_POSTS.length);
    for (const post of posts) {
      expect(post, post.postKey).toMatchObject({ inside: 1, total: 1, shadowOpen: true });
      expect(post.language, post.postKey).toMatch(/^[a-z]{2,3}$/);
      expect(post.topic, post.postKey).toMatch(/\S/);
    }
    expect(await feed.overlayCount()).toBe(DEMO_POSTS.length);
    // Comments and placeholders are not posts; the one comment repeating a myth is flagged.
    expect(await feed.markedCommentCount()).toBe(0);
    await expect.poll(() => feed.flaggedCommentAuthors()).toEqual(['Krzysztof W.']);
    expect(posts.find((post) => post.postKey === 'fb:7301001')).toMatchObject({
      language: 'pl',
      question: 'true',
      topic: 'minimum-wage',
    });
  });

  test("a myth correction lands in the flagged comment's reply box, not the post's", async ({
    session,
    server,
  }) => {
    const feed = new FeedPage(await session.newPage(), server.origin, DEMO);
    await feed.open();
    await expect.poll(() => feed.flaggedCommentAuthors()).toEqual(['Krzysztof W.']);
    const workspace = await WorkspacePage.openFor(session, feed.page);
    expect(await workspace.correctClaim('fb:7301001', 'piecework-no-minimum-wage')).toContain(
      'Inserted as a reply to this comment',
    );
    const text = await workspace.correctionText('piecework-no-minimum-wage');
    expect(text).toMatch(/akord|sztuk/i);
    expect(await feed.replyText('Krzysztof W.')).toBe(text);
    expect(await feed.lexicalText('fb:7301001')).toBeNull();
  });

  test('a multi-line reply lands intact in the Lexical comment box, and only there', async ({
    session,
    server,
  }) => {
    const feed = new FeedPage(await session.newPage(), server.origin, DEMO);
    await feed.open();
    await feed.waitForSuggestions(1);
    const workspace = await WorkspacePage.openFor(session, feed.page);
    const reply = 'Dzien dobry,\nminimalna stawka to 13,90 € brutto za godzine.\n\nPozdrawiam';
    expect(await workspace.insertReply('fb:7301002', reply)).toContain('Inserted');
    expect(await feed.lexicalText('fb:7301002')).toBe(reply);
    // The neighbouring post's box stays closed.
    expect(await feed.lexicalText('fb:7301001')).toBeNull();
  });
});
