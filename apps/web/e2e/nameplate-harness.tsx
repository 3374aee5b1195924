/** Test-only entry: exposes the browser nameplate module (and the note parser) and mounts the scan panel on request. */
import { createRoot } from 'react-dom/client';
import { parseNote } from '@gongdan/text/note-parser';
import { DeskProviders } from '../src/app/providers.tsx';
import NameplateScanner from '../src/features/nameplate/NameplateScanner.tsx';
import { OCR_ASSET_URLS, recognizeNameplateInBrowser, releaseNameplateWorker } from '../src/features/nameplate/recognize-in-browser.ts';

function mountScanner(): void {
  const el = document.createElement('div');
  el.style.cssText = 'max-width:420px;padding:16px';
  document.body.append(el);
  createRoot(el).render(<DeskProviders><NameplateScanner mode="device" /></DeskProviders>);
}

Object.assign(window, { gongdanNameplate: { recognize: recognizeNameplateInBrowser, release: releaseNameplateWorker, assets: OCR_ASSET_URLS, mountScanner, parseNote } });
