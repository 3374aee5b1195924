import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fieldPwa } from './src/features/field/build/pwa-plugin.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * One SPA, several faces: each face is its own HTML entry so a customer's phone never downloads
 * the desk's libraries. The desk lives at `/`; the field app (/m) and the customer page (/c)
 * add their entries here.
 */
export default defineConfig({
  plugins: [react(), fieldPwa()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: { desk: here('./index.html'), field: here('./m/index.html') },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.GONGDAN_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
