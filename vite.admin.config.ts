// Management console build (管理中心): admin/index.html → dist/admin, served by the backend at
// /admin (index.html uncached, /admin/assets/* immutable), hence the absolute base.
import { defineConfig } from 'vite';
import { reactAppConfig } from './vite.react-app.js';

export default defineConfig(reactAppConfig({ folder: 'admin', outDir: 'dist/admin', base: '/admin/' }));
