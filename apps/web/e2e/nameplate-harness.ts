/** Test-only entry: exposes the browser nameplate module to the page the browser test drives. */
import { OCR_ASSET_URLS, recognizeNameplateInBrowser, releaseNameplateWorker } from '../src/features/nameplate/recognize-in-browser.ts';

Object.assign(window, { gongdanNameplate: { recognize: recognizeNameplateInBrowser, release: releaseNameplateWorker, assets: OCR_ASSET_URLS } });
