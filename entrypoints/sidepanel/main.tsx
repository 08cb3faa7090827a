import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nRoot } from '../../components/shared/i18n-root';
import { createWorkspaceActions } from '../../components/workspace/actions';
import { connectToTab } from '../../components/workspace/connect-tab';
import { WorkspaceApp } from '../../components/workspace/workspace-app';
import '../../components/workspace/workspace.css';

const actions = createWorkspaceActions();

const container = document.getElementById('root');
if (!container) throw new Error('The workspace page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <I18nRoot>
      <WorkspaceApp search={window.location.search} actions={actions} connect={connectToTab} />
    </I18nRoot>
  </StrictMode>,
);
