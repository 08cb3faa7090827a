/**
 * Opens the advisor's workspace (components/workspace) in the browser's
 * side panel: `sidePanel.open` in Chrome, `sidebarAction.open` in Firefox.
 * Both only work as a direct answer to the click, so the call happens
 * synchronously in the handler, with the window id looked up beforehand.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';

interface SidePanelApi {
  open(options: { windowId: number }): Promise<void>;
}
interface SidebarActionApi {
  open(): Promise<void>;
}

export function openWorkspace(windowId: number | null): Promise<void> {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi };
  if (api.sidebarAction) return api.sidebarAction.open();
  if (api.sidePanel && windowId !== null) return api.sidePanel.open({ windowId });
  return Promise.reject(new Error('no side panel'));
}

export function OpenWorkspaceButton({ windowId }: { windowId: number | null }) {
  const { t } = useTranslation('popup');
  const [failed, setFailed] = useState(false);
  return (
    <div className="workspace-entry">
      <button
        type="button"
        data-testid="open-workspace"
        onClick={() => {
          setFailed(false);
          // No await before this call: the browser needs the click as its user gesture.
          openWorkspace(windowId).then(
            () => window.close(),
            () => setFailed(true),
          );
        }}
      >
        {t('workspace.open')}
      </button>
      {failed && (
        <p className="warning" role="alert">
          {t('workspace.failed')}
        </p>
      )}
    </div>
  );
}
