import { describe, expect, it, vi } from 'vitest';
import type { Handlers, MessageSender, ReceiverOptions } from './receive';
import { classifySender, receiveMessage } from './receive';

const options: ReceiverOptions = {
  extensionId: 'oa-test-id',
  extensionOrigin: 'chrome-extension://oa-test-id/',
};
const contentScript: MessageSender = {
  id: 'oa-test-id',
  url: 'https://www.facebook.com/groups/1/',
  tab: { id: 7 },
};
const extensionPage: MessageSender = {
  id: 'oa-test-id',
  url: 'chrome-extension://oa-test-id/options.html',
};
const validPage = {
  url: 'https://www.facebook.com/groups/1/',
  pageKind: 'group-feed',
  groupId: '1',
  groupName: null,
  feedFound: true,
  postsRecognised: 3,
  groupIncluded: true,
  contentScriptVersion: '0.1.0',
};

function makeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getBackgroundStatus: () => ({ version: '0.1.0', startedAt: 1, databaseReady: true }),
    reportPageState: () => ({ accepted: true }),
    getTabState: () => null,
    ...overrides,
  } as Handlers;
}

describe('classifySender', () => {
  it.each([
    ['a content script in a tab', contentScript, 'content-script'],
    ['an extension page', extensionPage, 'extension-page'],
    ['another extension', { ...contentScript, id: 'someone-else' }, undefined],
    ['a sender without url or tab', { id: 'oa-test-id' }, undefined],
  ])('recognises %s', (_name, sender, expected) => {
    expect(classifySender(sender, options)).toBe(expected);
  });
});

describe('receiveMessage', () => {
  it('ignores messages that are not in our envelope', async () => {
    expect(await receiveMessage({ hello: 1 }, contentScript, makeHandlers(), options)).toBe(
      undefined,
    );
  });

  it('answers a valid message with the validated handler result', async () => {
    const reportPageState = vi.fn(() => ({ accepted: true }));
    const reply = await receiveMessage(
      { oa: 1, name: 'reportPageState', payload: validPage },
      contentScript,
      makeHandlers({ reportPageState }),
      options,
    );
    expect(reply).toEqual({ ok: true, data: { accepted: true } });
    expect(reportPageState).toHaveBeenCalledWith(validPage, {
      senderKind: 'content-script',
      tabId: 7,
    });
  });

  it('rejects a malformed payload with the place of the problem, without calling the handler', async () => {
    const reportPageState = vi.fn(() => ({ accepted: true }));
    const reply = await receiveMessage(
      { oa: 1, name: 'reportPageState', payload: { ...validPage, postsRecognised: -1 } },
      contentScript,
      makeHandlers({ reportPageState }),
      options,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(reply && !reply.ok && reply.error.message).toContain('postsRecognised');
    expect(reportPageState).not.toHaveBeenCalled();
  });

  it('refuses a message from a sender that may not send it', async () => {
    const reply = await receiveMessage(
      { oa: 1, name: 'getTabState', payload: { tabId: 1 } },
      contentScript,
      makeHandlers(),
      options,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('reports an unknown message name', async () => {
    const reply = await receiveMessage(
      { oa: 1, name: 'dropDatabase', payload: {} },
      extensionPage,
      makeHandlers(),
      options,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
  });

  it('turns a throwing handler into an error reply', async () => {
    const reply = await receiveMessage(
      { oa: 1, name: 'getBackgroundStatus', payload: {} },
      extensionPage,
      makeHandlers({
        getBackgroundStatus: () => {
          throw new Error('disk full');
        },
      }),
      { ...options, onHandlerError: () => undefined },
    );
    expect(reply).toEqual({ ok: false, error: { code: 'handler-failed', message: 'disk full' } });
  });

  it('refuses to send a response that breaks the protocol', async () => {
    const reply = await receiveMessage(
      { oa: 1, name: 'getBackgroundStatus', payload: {} },
      extensionPage,
      makeHandlers({
        getBackgroundStatus: () => ({ version: 3 }) as never,
      }),
      options,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-response' } });
  });
});
