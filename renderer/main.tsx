import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root.js';
import './app/app.css';

// Our CSP has no 'unsafe-eval': tell zod not to probe `new Function` (it would log a violation).
z.config({ jitless: true });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
