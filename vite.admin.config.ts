// Management console build (管理中心): admin/index.html → dist/admin, served by the backend at
// /admin (index.html uncached, /admin/assets/* immutable), hence the absolute base. Only
// dist/admin is emptied; dist/renderer and dist/widget belong to the other builds.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('./admin', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/admin', import.meta.url));

export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: `${root}/index.html`,
      output: {
        // The same split as the workstation: libraries change less often than our code.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
});
