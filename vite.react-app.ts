// The build both React apps share (the workstation renderer and the management console): React,
// one entry page, and the libraries in chunks of their own — they change less often than our code
// and antd is large, so a browser keeps them cached across our releases.
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

export function reactAppConfig(options: { folder: string; outDir: string; base: string }): UserConfig {
  const root = fileURLToPath(new URL(`./${options.folder}`, import.meta.url));
  return {
    root,
    base: options.base,
    plugins: [react()],
    build: {
      outDir: fileURLToPath(new URL(`./${options.outDir}`, import.meta.url)),
      // Only this app's folder is emptied; the other builds write beside it in dist/.
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 1200,
      rolldownOptions: {
        input: `${root}/index.html`,
        output: {
          codeSplitting: {
            groups: [
              // Charts (the console's 实时监控) load when a page first draws one, not with the app.
              { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 4 },
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
              // Only what the first view imports goes into these two ($initial): the rest (a
              // lazily loaded view's Table, Form, DatePicker…) follows its view into a chunk loaded
              // with it, so a (re)start parses and runs half as much antd before the first frame.
              { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/, priority: 2, tags: ['$initial'] },
              { name: 'vendor', test: /node_modules/, priority: 1, tags: ['$initial'] },
            ],
          },
        },
      },
    },
  };
}
