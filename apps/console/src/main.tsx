import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './i18n/i18n';
// Base styles first: the feature sheets build on its tokens and override its element rules.
import './styles.css';
import './auth/login.css';
import './items/items.css';
import './sources/sources.css';
import './rules/rules.css';
import './facts/facts.css';
import './live/live.css';
import './cases/cases.css';
import './drafts/drafts.css';
import './insights/insights.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain #root');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
