import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Popup } from '../../components/popup/popup';
import { I18nRoot } from '../../components/shared/i18n-root';
import '../../components/popup/popup.css';

const container = document.getElementById('root');
if (!container) throw new Error('The popup page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <I18nRoot>
      <Popup />
    </I18nRoot>
  </StrictMode>,
);
