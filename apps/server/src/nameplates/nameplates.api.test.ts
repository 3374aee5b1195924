/**
 * Nameplate recognition over HTTP on SQLite and Postgres: generated label photos (the bench's
 * seeded generator) are read by the real OCR engine, matched against the demo catalogue and
 * against device models that exist only in the database, and linked to the customer's device
 * with that serial. Bad uploads answer problem+json.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generatePlate } from '../../bench/nameplates/generate.ts';
import { addDevice } from '../customers/manage-customers.ts';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

interface Reading {
  model: string | null; serialNumber: string | null; confidence: number; barcode?: string; source: string;
  matchedModel: { code: string; name: string; score: number; why: string } | null;
  candidates: { code: string; score: number }[];
  devices: { id: string; serialNumber: string }[]; documents: unknown[];
}

function form(bytes: Uint8Array, filename: string, field = 'image'): FormData {
  const f = new FormData();
  f.append(field, new Blob([bytes]), filename);
  return f;
}

for (const target of testTargets()) {
  describe(`nameplate recognition API on ${target.name}`, () => {
    let w: TestWorld;
    let engineer: HttpClient;
    const recognize = (c: HttpClient, fd: FormData) => c.request('POST', '/api/v1/nameplates/recognize', { raw: fd });

    before(async () => {
      w = await startTestWorld(target, { env: { GONGDAN_MAX_UPLOAD_MB: '1' } });
      engineer = await w.as('engineer');
    });
    after(async () => { await w?.stop(); });

    test('a plate with a catalogue model and no QR code is read by OCR, and the customer’s device is found by its serial', async () => {
      const plate = generatePlate(3, 41, { model: 'KFR-72LW', serialNumber: 'HKX20260815', qr: false });
      const device = await addDevice(w.ctx, w.customers.a, { model: 'KFR-72LW', serialNumber: 'HKX20260815', attributes: {} });
      assert.ok(device.ok);
      const r = await recognize(engineer, form(plate.png, 'label.png'));
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const body = r.body as Reading;
      assert.equal(body.model, 'KFR-72LW');
      assert.equal(body.serialNumber, 'HKX20260815');
      assert.match(body.source, /^ocr/);
      assert.equal(body.matchedModel?.code, 'KFR-72LW');
      assert.ok((body.matchedModel?.score ?? 0) >= 0.75);
      assert.deepEqual(body.devices.map((d) => d.serialNumber), ['HKX20260815']);
      assert.deepEqual(body.documents, []);
      assert.ok(body.confidence > 0 && body.confidence <= 1);
    });

    test('a model known only from a customer’s device in the database is matched, look-alike characters and all', async () => {
      assert.ok((await addDevice(w.ctx, w.customers.b, { model: 'RSB-5010S', serialNumber: 'OTHER-1', attributes: {} })).ok);
      const plate = generatePlate(5, 41, { model: 'RSB-5010S', serialNumber: 'MKT7730912', qr: false });
      const r = await recognize(engineer, form(plate.png, 'label.jpg'));
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const body = r.body as Reading;
      assert.equal(body.matchedModel?.code, 'RSB-5010S', JSON.stringify(body));
      assert.equal(body.model, 'RSB-5010S');
      assert.equal(body.serialNumber, 'MKT7730912');
      assert.deepEqual(body.devices, []);
      const models = await engineer.get('/api/v1/nameplates/models');
      assert.equal(models.status, 200);
      const codes = (models.body as { items: { code: string }[] }).items.map((m) => m.code);
      assert.ok(codes.includes('RSB-5010S') && codes.includes('KFR-35GW') && codes.includes('MR-1.5T'));
    });

    test('a QR code on the label is read before OCR', async () => {
      const plate = generatePlate(1, 41, { model: 'DR-600', serialNumber: 'QRC88412207', qr: true });
      const r = await recognize(engineer, form(plate.png, 'qr.png'));
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const body = r.body as Reading;
      assert.equal(body.source, 'barcode');
      assert.equal(body.barcode, 'MODEL:DR-600;SN:QRC88412207');
      assert.equal(body.model, 'DR-600');
      assert.equal(body.serialNumber, 'QRC88412207');
    });

    test('the matched model brings its SOPs and repair videos from the SOP library (model matched case- and separator-insensitively)', async () => {
      const admin = await w.as('admin');
      const sop = await admin.post('/api/v1/sops', { models: ['dr 600'], title: 'DR-600 除湿机滤网清洗', body: '1. 断电\n2. 取出滤网清洗', videoLinks: ['https://video.example.com/dr600-filter'] });
      assert.equal(sop.status, 201, sop.text);
      const other = await admin.post('/api/v1/sops', { models: ['DR-6000'], title: 'DR-6000 压缩机更换', body: '另一型号' });
      assert.equal(other.status, 201, other.text);
      const plate = generatePlate(1, 41, { model: 'DR-600', serialNumber: 'QRC88412208', qr: true });
      const r = await recognize(engineer, form(plate.png, 'qr.png'));
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const body = r.body as Reading;
      assert.equal(body.matchedModel?.code, 'DR-600');
      assert.deepEqual(body.documents, [
        { id: sop.body.id, title: 'DR-600 除湿机滤网清洗', kind: 'sop', url: `/api/v1/sops/${sop.body.id}` },
        { id: `${sop.body.id}:video:1`, title: 'DR-600 除湿机滤网清洗', kind: 'video', url: 'https://video.example.com/dr600-filter' },
      ]);
      // The SOP link works for the engineer who scanned.
      const doc = await engineer.get(`/api/v1/sops/${sop.body.id}`);
      assert.equal(doc.status, 200, doc.text);
      assert.equal(doc.body.title, 'DR-600 除湿机滤网清洗');
    });

    test('a customer may not use it; a script named .png, a missing file and an oversized photo are refused', async () => {
      const customer = await w.as('customerA');
      const plate = generatePlate(2, 41);
      assert.equal((await recognize(customer, form(plate.png, 'label.png'))).status, 403);
      const script = await recognize(engineer, form(new TextEncoder().encode('#!/bin/sh\necho hi\n'), 'label.png'));
      assert.equal(script.status, 415);
      assert.equal((script.body as { code: string }).code, 'unsupported_media_type');
      const missing = await recognize(engineer, form(plate.png, 'label.png', 'other'));
      assert.equal(missing.status, 422);
      const big = new Uint8Array(1024 * 1024 + 10);
      big.set(plate.png.subarray(0, 64));
      const tooBig = await recognize(engineer, form(big, 'big.png'));
      assert.equal(tooBig.status, 413);
      assert.equal((tooBig.body as { code: string }).code, 'payload_too_large');
      const broken = new Uint8Array(plate.png.subarray(0, 2000));
      const undecodable = await recognize(engineer, form(broken, 'cut.png'));
      assert.equal(undecodable.status, 422, JSON.stringify(undecodable.body));
    });

    test('the OCR assets for the field app are served from this server with cache headers', async () => {
      for (const name of ['worker.min.js', 'tesseract-core-simd-lstm.wasm.js', 'eng.traineddata.gz']) {
        const res = await fetch(`${w.url}/ocr-assets/${name}`);
        assert.equal(res.status, 200, name);
        assert.match(res.headers.get('cache-control') ?? '', /max-age=\d+/);
        assert.ok((await res.arrayBuffer()).byteLength > 10_000, name);
      }
      assert.equal((await fetch(`${w.url}/ocr-assets/package.json`)).status, 404);
      assert.equal((await fetch(`${w.url}/ocr-assets/..%2Fpackage.json`)).status, 404);
    });
  });
}
