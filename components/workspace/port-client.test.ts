import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortClientListeners } from './port-client';
import { COMMAND_TIMEOUT_MS, createPortClient, RETRY_DELAYS_MS } from './port-client';
import { fakeConnect, samplePost } from './test-support';

const snapshot = {
  type: 'snapshot',
  page: {
    url: 'https://www.facebook.com/groups/1',
    kind: 'group-feed',
    groupId: '1',
    groupName: 'G',
    included: true,
  },
  posts: [samplePost()],
};

function listeners() {
  return {
    onState: vi.fn<PortClientListeners['onState']>(),
    onSnapshot: vi.fn<PortClientListeners['onSnapshot']>(),
    onSelect: vi.fn<PortClientListeners['onSelect']>(),
  };
}

describe('createPortClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('connects to the tab under the workspace port name and passes a valid snapshot on', () => {
    const { connect, last } = fakeConnect();
    const events = listeners();
    createPortClient(7, connect, events);
    expect(connect).toHaveBeenCalledWith(7, { name: 'oa-workspace' });
    expect(events.onState).toHaveBeenLastCalledWith('connecting');
    last()?.receive(snapshot);
    expect(events.onSnapshot).toHaveBeenCalledWith(snapshot);
    expect(events.onState).toHaveBeenLastCalledWith('connected');
  });

  it.each([
    ['not an object', 'hello'],
    ['an unknown type', { type: 'steal', postKey: 'fb:1' }],
    ['a snapshot without posts', { ...snapshot, posts: undefined }],
    [
      'a post with a bad language',
      {
        ...snapshot,
        posts: [{ ...samplePost(), analysis: { language: 'xx', confidence: 1, isQuestion: true } }],
      },
    ],
    ['a select with an empty key', { type: 'select', postKey: '' }],
  ])('ignores %s', (_name, junk) => {
    const { connect, last } = fakeConnect();
    const events = listeners();
    createPortClient(7, connect, events);
    last()?.receive(junk);
    expect(events.onSnapshot).not.toHaveBeenCalled();
    expect(events.onSelect).not.toHaveBeenCalled();
  });

  it('reports a marker pressed on the page', () => {
    const { connect, last } = fakeConnect();
    const events = listeners();
    createPortClient(7, connect, events);
    last()?.receive({ type: 'select', postKey: 'fb:2' });
    expect(events.onSelect).toHaveBeenCalledWith('fb:2', undefined);
    last()?.receive({ type: 'select', postKey: 'fb:2', commentKey: 'c0123456789abcdef' });
    expect(events.onSelect).toHaveBeenLastCalledWith('fb:2', 'c0123456789abcdef');
  });

  it('reconnects after a disconnect and says "unreachable" after two attempts without a snapshot', () => {
    const { connect, ports } = fakeConnect();
    const events = listeners();
    createPortClient(7, connect, events);
    ports[0]?.drop();
    expect(events.onState).toHaveBeenLastCalledWith('connecting');
    vi.advanceTimersByTime(RETRY_DELAYS_MS[0]);
    expect(ports).toHaveLength(2);
    ports[1]?.drop();
    expect(events.onState).toHaveBeenLastCalledWith('unreachable');
    vi.advanceTimersByTime(RETRY_DELAYS_MS[1]);
    expect(ports).toHaveLength(3);
    ports[2]?.receive(snapshot);
    expect(events.onState).toHaveBeenLastCalledWith('connected');
  });

  it('matches results to commands by request id and fails commands when the port goes away', async () => {
    const { connect, last } = fakeConnect();
    const client = createPortClient(7, connect, listeners());
    const port = last();
    port?.receive(snapshot);
    const inserting = client.insert('fb:1', 'Hello');
    const sent = port?.sent[0] as { type: string; requestId: number; text: string };
    expect(sent).toMatchObject({ type: 'insert', postKey: 'fb:1', text: 'Hello' });
    port?.receive({
      type: 'result',
      requestId: sent.requestId + 100,
      result: { command: 'insert', outcome: { status: 'failed', reason: 'x' } },
    });
    port?.receive({
      type: 'result',
      requestId: sent.requestId,
      result: { command: 'insert', outcome: { status: 'inserted', method: 'paste' } },
    });
    await expect(inserting).resolves.toEqual({ status: 'inserted', method: 'paste' });

    const focusing = client.focus('fb:1');
    port?.drop();
    await expect(focusing).resolves.toBe(false);
    await expect(client.insert('fb:1', 'x')).resolves.toEqual({
      status: 'failed',
      reason: 'not-connected',
    });
  });

  it('gives up on a command nobody answers', async () => {
    const { connect, last } = fakeConnect();
    const client = createPortClient(7, connect, listeners());
    last()?.receive(snapshot);
    const inserting = client.insert('fb:1', 'Hello');
    vi.advanceTimersByTime(COMMAND_TIMEOUT_MS);
    await expect(inserting).resolves.toEqual({ status: 'failed', reason: 'timeout' });
  });

  it('sends statuses and connects afresh on reconnect(); close() stops for good', () => {
    const { connect, ports } = fakeConnect();
    const events = listeners();
    const client = createPortClient(7, connect, events);
    client.sendStatuses({ 'fb:1': 'documented' });
    expect(ports[0]?.sent).toEqual([{ type: 'statuses', statuses: { 'fb:1': 'documented' } }]);
    client.reconnect();
    expect(ports[0]?.disconnected).toBe(true);
    expect(ports).toHaveLength(2);
    client.close();
    expect(ports[1]?.disconnected).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(ports).toHaveLength(2);
    expect(events.onState).toHaveBeenLastCalledWith('closed');
  });
});
