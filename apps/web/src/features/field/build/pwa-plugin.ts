/**
 * Build step of the field app (/m): emits the service worker with the exact list of files the
 * field entry needs (its chunks, lazy chunks and CSS — never the desk's), the web app manifest
 * and the icon. The worker's text changes with every build that changes a file, so browsers pick
 * up a new version by the ordinary service-worker update check.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { OCR_ASSET_URLS } from '../../nameplate/ocr-assets.ts';

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}
type Output = ChunkLike | { type: 'asset'; fileName: string };

const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="#0b3d91"/><text x="256" y="340" font-size="260" text-anchor="middle" fill="#fff" font-family="sans-serif">工</text></svg>`;

const MANIFEST = {
  name: '工单 · 外勤', short_name: '外勤工单', lang: 'zh-CN', start_url: '/m/', scope: '/m/', display: 'standalone',
  orientation: 'portrait', background_color: '#f2f4f7', theme_color: '#0b3d91',
  description: '离线可用的外勤工程师工单应用 — Gongdan field app, works offline',
  icons: [{ src: '/m/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any maskable' }],
};

/** `entryHtml`: the field entry's HTML path suffix (Vite names an HTML entry's chunk after the HTML file). */
export function fieldPwa(entryHtml = '/m/index.html'): Plugin {
  const template = readFileSync(new URL('../sw/service-worker.js', import.meta.url), 'utf8');
  return {
    name: 'gongdan-field-pwa',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, Output>;
      const entry = Object.values(files).find((f): f is ChunkLike => f.type === 'chunk' && f.isEntry && (f.facadeModuleId ?? '').replaceAll('\\', '/').endsWith(entryHtml));
      if (!entry) return; // a build without the field entry (e.g. a single-page dev build)
      const seen = new Set<string>();
      const urls = new Set<string>();
      const visit = (name: string) => {
        if (seen.has(name)) return;
        seen.add(name);
        const f = files[name];
        if (!f) return;
        urls.add(`/${f.fileName}`);
        if (f.type !== 'chunk') return;
        for (const css of f.viteMetadata?.importedCss ?? []) urls.add(`/${css}`);
        for (const a of f.viteMetadata?.importedAssets ?? []) urls.add(`/${a}`);
        for (const i of [...f.imports, ...f.dynamicImports]) visit(i);
      };
      visit(entry.fileName);
      const shell = ['/m/', '/m/manifest.webmanifest', '/m/icon.svg', ...[...urls].sort()];
      const version = createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 12);
      // The nameplate reader's OCR files and model list: cached too, so a scan works offline.
      const ocr = [...OCR_ASSET_URLS];
      const source = `const BUILD = ${JSON.stringify({ version, shell, ocr, models: '/api/v1/nameplates/models' })};\n${template}`;
      this.emitFile({ type: 'asset', fileName: 'm/sw.js', source });
      this.emitFile({ type: 'asset', fileName: 'm/manifest.webmanifest', source: JSON.stringify(MANIFEST, null, 2) });
      this.emitFile({ type: 'asset', fileName: 'm/icon.svg', source: ICON });
    },
  };
}
