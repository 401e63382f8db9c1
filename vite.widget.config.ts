// Visitor widget build (访客端): the page (index.html + main.ts) with base /widget/, then the embed
// script as one self-contained IIFE at dist/widget/widget.js. Vite builds one format per run, so
// the embed is a second build started when the page build closes — one command yields both.
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';

const clientRoot = fileURLToPath(new URL('./server/widget/client', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/widget', import.meta.url));

function embedScript(): Plugin {
  return {
    name: 'kefu-widget-embed',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        root: clientRoot,
        logLevel: 'warn',
        build: {
          outDir,
          // The page build just wrote here; keep it.
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'es2019',
          lib: {
            entry: `${clientRoot}/embed.ts`,
            name: 'KefuWidgetEmbed',
            formats: ['iife'],
            fileName: () => 'widget.js',
          },
        },
      });
    },
  };
}

export default defineConfig({
  root: clientRoot,
  base: '/widget/',
  plugins: [embedScript()],
  build: {
    outDir,
    // Only dist/widget is ours; dist/renderer belongs to the workstation build.
    emptyOutDir: true,
    target: 'es2020',
    assetsDir: 'assets',
  },
});
