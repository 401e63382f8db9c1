// Workstation renderer build: renderer/index.html → dist/renderer, loaded by Electron from file://
// and by the browser shell over http, hence the relative base.
import { defineConfig } from 'vite';
import { reactAppConfig } from './vite.react-app.js';

export default defineConfig(reactAppConfig({ folder: 'renderer', outDir: 'dist/renderer', base: './' }));
