import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a static bundle loaded from file:// in Electron and from 127.0.0.1 in browser mode,
// hence relative asset paths.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // Nothing is inlined as data: URIs — the CSP allows fonts and scripts only from 'self'.
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 2000, assetsInlineLimit: 0 },
});
