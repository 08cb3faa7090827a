/**
 * Puts one `outreach-advisor-overlay` host into each recognised post
 * (docs/PRODUCT.md#dom-markers): appended inside the post root after its
 * header, never moving or removing Facebook's nodes, with an OPEN shadow
 * root that isolates styles. Each host gets its own small React root; unmounting the
 * post unmounts it. The host mirrors the analysis in `data-language` and
 * `data-question` for QA tools and the demo report.
 *
 * The content script gets this factory from entrypoints/facebook.content.ts
 * (see lib/content/overlay-contract.ts) and calls it once per page session.
 */
import { createRoot, type Root } from 'react-dom/client';
import type { OverlayManager, OverlayManagerOptions } from '../../lib/content/overlay-contract';
import type { ParsedPost } from '../../lib/sites/types';
import { Overlay } from './overlay';
import { OverlayI18nProvider } from './overlay-i18n';
import { applyOverlayStyles } from './overlay-styles';

export const OVERLAY_TAG = 'outreach-advisor-overlay';

interface Mounted {
  host: HTMLElement;
  root: Root;
  unsubscribe: () => void;
}

export function isOverlayHost(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === OVERLAY_TAG;
}

export function createOverlayManager(options: OverlayManagerOptions): OverlayManager {
  const { adapter, store, i18n, panels } = options;
  const mounted = new Map<string, Mounted>();

  const mirror = (postKey: string, host: HTMLElement) => {
    const analysis = store.get(postKey)?.analysis;
    if (!analysis) return;
    host.dataset.language = analysis.language;
    host.dataset.question = String(analysis.isQuestion);
  };

  const unmount = (postKey: string) => {
    const entry = mounted.get(postKey);
    if (!entry) return;
    mounted.delete(postKey);
    entry.unsubscribe();
    entry.root.unmount();
    entry.host.remove();
  };

  return {
    mount(root: Element, post: ParsedPost) {
      const existing = mounted.get(post.postKey);
      if (existing && existing.host.isConnected && root.contains(existing.host)) return;
      unmount(post.postKey);
      // A host left behind by an earlier content script (extension reloaded) goes first.
      const ours = new Set([...mounted.values()].map((entry) => entry.host));
      for (const stale of root.querySelectorAll(`:scope > ${OVERLAY_TAG}`)) {
        if (!ours.has(stale as HTMLElement)) stale.remove();
      }
      const host = document.createElement(OVERLAY_TAG);
      host.dataset.postKey = post.postKey;
      const shadow = host.attachShadow({ mode: 'open' });
      applyOverlayStyles(shadow);
      const container = document.createElement('div');
      shadow.append(container);
      // Keep Facebook's keyboard shortcuts (j/k, l, c ...) from firing while typing here.
      for (const type of ['keydown', 'keyup', 'keypress'] as const) {
        container.addEventListener(type, (event) => event.stopPropagation());
      }
      const { parent, before } = adapter.overlayAnchor(root);
      parent.insertBefore(host, before);
      const reactRoot = createRoot(container);
      reactRoot.render(
        <OverlayI18nProvider i18n={i18n}>
          <Overlay
            postKey={post.postKey}
            store={store}
            panels={panels}
            actions={options.actionsFor(post.postKey, host)}
          />
        </OverlayI18nProvider>,
      );
      mirror(post.postKey, host);
      const unsubscribe = store.subscribe(post.postKey, () => mirror(post.postKey, host));
      mounted.set(post.postKey, { host, root: reactRoot, unsubscribe });
    },
    unmount,
    isOverlayNode: isOverlayHost,
    isMounted(postKey, root) {
      const entry = mounted.get(postKey);
      return entry !== undefined && entry.host.isConnected && root.contains(entry.host);
    },
    count: () => mounted.size,
    destroy() {
      for (const postKey of [...mounted.keys()]) unmount(postKey);
    },
  };
}
