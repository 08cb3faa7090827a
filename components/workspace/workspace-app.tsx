/** The workspace bound to its tab (`?tab=<id>`, or the active tab of the window). */
import type { WorkspaceActions } from './actions';
import type { ConnectPort } from './port-client';
import { useBoundTab } from './use-bound-tab';
import { Workspace } from './workspace';

export function WorkspaceApp({
  search,
  actions,
  connect,
}: {
  search: string;
  actions: WorkspaceActions;
  connect: ConnectPort;
}) {
  const binding = useBoundTab(search);
  const tab =
    binding.kind === 'pending'
      ? 'pending'
      : binding.kind === 'none'
        ? null
        : { tabId: binding.tabId, url: binding.url, navigations: binding.navigations };
  return <Workspace tab={tab} actions={actions} connect={connect} />;
}
