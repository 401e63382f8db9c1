import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { AdminRoot } from './app/AdminRoot.js';
import { createAdminApi } from './api/admin-api.js';
import { useSessionStore } from './session/sessionStore.js';
import { sessionEndKey } from './session/login.js';
import { currentLanguage, i18n } from './i18n/index.js';
import './app/admin.css';

// The CSP has no 'unsafe-eval': tell zod not to probe `new Function` (it would log a violation).
z.config({ jitless: true });
document.documentElement.lang = currentLanguage();

const api = createAdminApi({
  token: () => useSessionStore.getState().token,
  onUnauthenticated: (error) => {
    const key = sessionEndKey(error);
    useSessionStore.getState().signedOut(i18n.t(`login.ended.${key}`, { message: error.message }));
  },
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <AdminRoot api={api} />
  </StrictMode>,
);
