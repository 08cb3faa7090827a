/**
 * The built extension matches with the shipped topic classifier
 * (lib/matching/topic-classifier.ts), read by the service worker from the
 * package, in both browsers. Each post below is decided differently without
 * it (lib/matching/matching.test.ts, "the trained classifier"): the packs
 * alone call the doctor question likely employment-contract and offer nothing
 * for the agency that keeps the workers' identity cards (in Czech). A package whose
 * classifier file cannot be read falls back to the packs alone and logs an
 * error, which fails this test too.
 */
import { expect, test } from './fixtures';

interface Reply {
  ok: boolean;
  data?: { results: { postKey: string; topic: string; suggestions: { topic: string }[] }[] };
}

test('the service worker matches with the shipped topic classifier', async ({ session }) => {
  const page = await session.newPage();
  await page.goto(session.extensionUrl('popup.html'));
  // Firefox's goto does not wait for an extension page's load.
  await page.waitForFunction(
    () => location.protocol.endsWith('-extension:') && document.readyState === 'complete',
    null,
  );
  const reply = await page.evaluate(
    (posts) =>
      // Firefox names the extension API `browser`, Chromium `chrome`.
      ((globalThis as { browser?: typeof chrome }).browser ?? chrome).runtime.sendMessage({
        oa: 1,
        name: 'suggestForPosts',
        payload: { uiLanguage: 'en', posts },
      }) as Promise<Reply>,
    [
      { postKey: 'fb:1', text: 'Unde găsesc un doctor care vorbește română în München?' },
      { postKey: 'fb:2', text: 'Agentura nám vzala občanky a nechce je vrátit' },
    ],
  );
  expect(reply.ok).toBe(true);
  const [doctor, documents] = reply.data?.results ?? [];
  expect(doctor).toMatchObject({ postKey: 'fb:1', topic: 'off-topic', suggestions: [] });
  expect(documents?.suggestions[0]?.topic).toBe('exploitation');
});
