/**
 * Nameplate recognition in a real Chromium, as the field app runs it offline: the browser
 * module (bundled by Vite the way /m bundles it) reads generated label photos with jsQR /
 * BarcodeDetector and tesseract.js, loading the worker, wasm core and English model only from
 * this server's /ocr-assets/. Every request to any other host is refused and recorded; a second
 * worker must read again without fetching the model (tesseract.js keeps it in IndexedDB).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { parseNote } from '@gongdan/text/note-parser';
import { generatePlate, PLATE_MODELS } from '../../server/bench/nameplates/generate.ts';
import type { TestWorld } from '../../server/src/testing/test-server.ts';
import { launch, SCREENSHOTS, settle, startWorld, type Browser } from './desk-world.ts';

interface Reading { model: string | null; serialNumber: string | null; source: string; barcode?: string }
type Api = { recognize(b: Blob, m: unknown): Promise<Reading>; release(): Promise<void>; mountScanner(): void; parseNote(t: string): unknown };

let w: TestWorld;
let b: Browser;
let outDir: string;
const foreign: string[] = [];
const assetHits: string[] = [];
let refuseModel = false;

async function read(png: Buffer): Promise<Reading> {
  return b.page.evaluate(async ({ b64, models }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const api = (window as unknown as { gongdanNameplate: Api }).gongdanNameplate;
    return api.recognize(new Blob([bytes], { type: 'image/png' }), models);
  }, { b64: png.toString('base64'), models: PLATE_MODELS });
}

describe('nameplate recognition in Chromium, offline assets', () => {
  before(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'gd-nameplate-harness-'));
    const webRoot = new URL('..', import.meta.url).pathname;
    await build({
      configFile: false, root: webRoot, logLevel: 'warn', plugins: [react()],
      define: { 'process.env.NODE_ENV': '"production"' },
      build: { outDir, emptyOutDir: true, minify: false, lib: { entry: join(webRoot, 'e2e/nameplate-harness.tsx'), formats: ['es'], fileName: 'harness' } },
    });
    w = await startWorld();
    b = await launch();
    const files = new Map(readdirSync(outDir).map((f) => [f, readFileSync(join(outDir, f))]));
    await b.context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
        foreign.push(url.href);
        return route.abort();
      }
      if (url.pathname.startsWith('/ocr-assets/')) {
        assetHits.push(url.pathname);
        if (refuseModel && url.pathname.endsWith('eng.traineddata.gz')) return route.abort();
      }
      if (url.pathname === '/__harness/index.html') {
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>nameplate</title><script type="module" src="/__harness/harness.js"></script>' });
      }
      if (url.pathname.startsWith('/__harness/')) {
        const body = files.get(url.pathname.slice('/__harness/'.length));
        return body ? route.fulfill({ contentType: 'text/javascript', body }) : route.fulfill({ status: 404, body: '' });
      }
      return route.continue();
    });
    await b.page.goto(`${w.url}/__harness/index.html`);
    await b.page.waitForFunction(() => 'gongdanNameplate' in window);
  }, { timeout: 240_000 });

  after(async () => {
    await b?.close();
    await w?.stop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('reads a label by OCR in the page with files from this server only', { timeout: 240_000 }, async () => {
    const plate = generatePlate(3, 41, { model: 'KFR-72LW', serialNumber: 'HKX20260815', qr: false });
    const r = await read(plate.png);
    assert.equal(r.model, 'KFR-72LW', JSON.stringify(r));
    assert.equal(r.serialNumber, 'HKX20260815');
    assert.match(r.source, /^ocr/);
    assert.ok(assetHits.some((p) => p.endsWith('eng.traineddata.gz')), assetHits.join(','));
    assert.ok(assetHits.some((p) => p.endsWith('worker.min.js')));
    assert.deepEqual(foreign, []);
  });

  test('reads the QR code on a label first', { timeout: 120_000 }, async () => {
    const plate = generatePlate(1, 41, { model: 'DR-600', serialNumber: 'QRC88412207', qr: true });
    const r = await read(plate.png);
    assert.equal(r.source, 'barcode', JSON.stringify(r));
    assert.equal(r.model, 'DR-600');
    assert.equal(r.serialNumber, 'QRC88412207');
    assert.deepEqual(foreign, []);
  });

  test('a new OCR worker reads again with the model served from the browser cache, not the network', { timeout: 240_000 }, async () => {
    // Playwright's request routing turns Chromium's HTTP cache off, so true offline (the service
    // worker of /m serving OCR_ASSET_URLS) is not exercised here; tesseract.js's own IndexedDB
    // copy of the English model is: the server now refuses the model file.
    await b.page.evaluate(() => (window as unknown as { gongdanNameplate: Api }).gongdanNameplate.release());
    refuseModel = true;
    const before = assetHits.filter((p) => p.endsWith('eng.traineddata.gz')).length;
    try {
      const plate = generatePlate(5, 41, { model: 'MDV-450W', serialNumber: 'MKT7730912', qr: false });
      const r = await read(plate.png);
      assert.equal(r.model, 'MDV-450W', JSON.stringify(r));
      assert.equal(r.serialNumber, 'MKT7730912');
    } finally {
      refuseModel = false;
    }
    assert.equal(assetHits.filter((p) => p.endsWith('eng.traineddata.gz')).length, before);
    assert.deepEqual(foreign, []);
  });

  test('the scan panel reads a photo on the device and shows model, serial and confidence', { timeout: 240_000 }, async () => {
    const { page } = b;
    await page.evaluate(() => (window as unknown as { gongdanNameplate: Api }).gongdanNameplate.mountScanner());
    await page.getByLabel('拍摄设备铭牌').waitFor();
    const plate = generatePlate(7, 41, { model: 'LSBLG-1200', serialNumber: 'CHL24081233', qr: false });
    await page.getByLabel('拍摄设备铭牌').setInputFiles({ name: 'label.png', mimeType: 'image/png', buffer: plate.png });
    const result = page.getByTestId('nameplate-result');
    await result.waitFor({ timeout: 180_000 });
    assert.match(await result.innerText(), /LSBLG-1200[\s\S]*CHL24081233/);
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'nameplate-scanner.png'), clip: { x: 0, y: 0, width: 460, height: 330 } });
    assert.deepEqual(foreign, []);
  });

  test('the field-note parser bundled for the browser gives the same output as in Node on every labelled note', async () => {
    const texts = ['dev-notes', 'holdout-notes', 'fresh-holdout-notes', 'holdout-3-notes', 'holdout-4-notes', 'holdout-5-notes', 'holdout-6-notes'].flatMap((f) =>
      readFileSync(new URL(`../../../packages/text/data/${f}.jsonl`, import.meta.url), 'utf8').split('\n').filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { text: string }).text));
    assert.ok(texts.length >= 790);
    const inBrowser = await b.page.evaluate((all) => all.map((t) => JSON.stringify((window as unknown as { gongdanNameplate: Api }).gongdanNameplate.parseNote(t))), texts);
    assert.deepEqual(inBrowser, texts.map((t) => JSON.stringify(parseNote(t))));
  });
});
