// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { watchLocation } from './lifetime';

describe('watchLocation', () => {
  it('reacts to a real change of address and to nothing else', async () => {
    const onChange = vi.fn();
    const controller = new AbortController();
    watchLocation(onChange, controller.signal, 20);
    // Forged events: the address stays the same.
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new Event('some-id:facebook:wxt:locationchange'));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(onChange).not.toHaveBeenCalled();

    history.pushState(null, '', '/groups/other/');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(onChange.mock.calls[0]?.[0]).toMatch(/\/groups\/other\/$/);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(onChange).toHaveBeenCalledTimes(1);

    controller.abort();
    history.pushState(null, '', '/groups/third/');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
