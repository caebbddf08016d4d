import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { lang } from './i18n';
import { readSession } from './session';
import './styles.css';

document.documentElement.lang = lang;

// A new link opened in this tab (only the #token part changed): start over with the new access.
window.addEventListener('hashchange', () => window.location.reload());

const root = document.getElementById('root');
if (!root) throw new Error('missing #root element');
createRoot(root).render(
  <StrictMode>
    <App session={readSession()} />
  </StrictMode>,
);
