import '@utrecht/component-library-css/dist/index.css';
import './components/ui/theme.css';
import './components/ui/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { askSessionEarly } from './app/auth';
import { lang } from './i18n';
import { readSession } from './session';
import './styles.css';
import './app/shell.css';

document.documentElement.lang = lang;

const session = readSession();
if (session.kind === 'start') askSessionEarly();
// A new link opened on the single-document page (only the #token part changed): start over with it.
if (session.kind === 'document') window.addEventListener('hashchange', () => window.location.reload());

const root = document.getElementById('root');
if (!root) throw new Error('missing #root element');
createRoot(root).render(
  <StrictMode>
    <App session={session} />
  </StrictMode>,
);
