import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Dashboard } from '../../components/dashboard/dashboard';
import { I18nRoot } from '../../components/shared/i18n-root';
import '../../components/dashboard/dashboard.css';

const container = document.getElementById('root');
if (!container) throw new Error('The dashboard page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <I18nRoot>
      <Dashboard />
    </I18nRoot>
  </StrictMode>,
);
