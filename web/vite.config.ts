import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The console, built into dist/web and served by the service itself (src/http/routes/web.ts).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact()],
  build: { outDir: '../dist/web', emptyOutDir: true, assetsDir: 'assets', sourcemap: true, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000', '/v/': 'http://127.0.0.1:3000' } },
});
