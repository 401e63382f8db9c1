// antd's static sheet before our own CSS, so app.css wins over it at equal specificity; the
// theme's zeroRuntime (Root.tsx) turns the per-component style generation off.
import 'antd/dist/antd.css';
import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root.js';
import { kefu } from './app/kefu.js';
import { startRenderer } from './app/start.js';
import './app/app.css';

// Our CSP has no 'unsafe-eval': tell zod not to probe `new Function` (it would log a violation).
z.config({ jitless: true });

// Connect to the services now and ask for the session and the cached conversations, while React
// renders its first frame: the answers are then there (or on their way) when it is done.
try {
  startRenderer(kefu());
} catch {
  // No services to reach from here: Root says why when it asks.
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
