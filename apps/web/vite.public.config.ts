import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Scripts of the server-rendered public pages (the customer's confirmation page): plain
 * TypeScript, one self-contained file each, no framework, served by the API server under /c/assets
 * with a content-hash version. Kept apart from the SPA build so a customer's phone never loads it.
 */
export default defineConfig({
  build: {
    outDir: 'dist-public',
    emptyOutDir: true,
    target: 'es2019',
    minify: true,
    lib: { entry: here('./src/public/confirm-page.ts'), formats: ['iife'], name: 'gdConfirm', fileName: () => 'confirm.js' },
  },
});
