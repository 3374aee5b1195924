import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeReadings, readBarcodePayload, readNameplateText, repairSerial } from './nameplate-fields.ts';

const KNOWN = [
  { code: 'KFR-72LW', name: '柜式空调' }, { code: 'MDV-450W', name: '多联机外机' }, { code: 'ThinkCentre M90', name: '办公台式机' },
  { code: 'HP M479', name: '彩色激光打印机' }, { code: 'GeN2-MR', name: '乘客电梯' },
];

describe('nameplate label parsing', () => {
  it('reads bilingual labels', () => {
    const r = readNameplateText('空调室外机 OUTDOOR UNIT\n型号 MODEL: KFR-72LW\n额定电压 220V~ 50Hz\n序列号 S/N: HKX20260815\n', KNOWN);
    assert.equal(r.model, 'KFR-72LW');
    assert.equal(r.serialNumber, 'HKX20260815');
    assert.equal(r.matchedModel?.code, 'KFR-72LW');
    assert.ok(r.confidence > 0.9);
  });

  it('tolerates OCR slips in labels and values', () => {
    const r = readNameplateText('M0DEL : MDV-45OW\n5/N: AB12O4567\nRated Power 2100W', KNOWN);
    assert.equal(r.model, 'MDV-450W');
    assert.equal(r.serialNumber, 'AB1204567');
  });

  it('reads "Model No." and "Serial No." and full-width colons', () => {
    const r = readNameplateText('Model No.：HP M479\nSerial No.：CNB1K2L3M4\nMade in China', KNOWN);
    assert.equal(r.model, 'HP M479');
    assert.equal(r.serialNumber, 'CNB1K2L3M4');
  });

  it('matches a model with a space in it', () => {
    const r = readNameplateText('TYPE: ThinkCentre M90\nSN: PC0123456', KNOWN);
    assert.equal(r.model, 'ThinkCentre M90');
    assert.equal(r.serialNumber, 'PC0123456');
  });

  it('falls back to shapes when the Chinese labels came out as noise', () => {
    const r = readNameplateText('EIHESMIL OUTDOOR UNIT\nES KFR-72LW\nBNE 220V~ 50Hz\nFFFIS: NHX4325472\nBE 2100W', KNOWN);
    assert.equal(r.model, 'KFR-72LW');
    assert.equal(r.serialNumber, 'NHX4325472');
    assert.ok(r.confidence < 0.95);
  });

  it('keeps an unknown model as read, without a match', () => {
    const r = readNameplateText('MODEL: ZX-9000\nS/N: ZX20250001', KNOWN);
    assert.equal(r.model, 'ZX-9000');
    assert.equal(r.matchedModel, null);
    assert.equal(r.serialNumber, 'ZX20250001');
  });

  it('says nothing when there is nothing', () => {
    const r = readNameplateText('', KNOWN);
    assert.equal(r.model, null);
    assert.equal(r.serialNumber, null);
    assert.equal(r.confidence, 0);
  });

  it('repairs look-alike letters only between digits in a serial', () => {
    assert.equal(repairSerial('AB12O45'), 'AB12045');
    assert.equal(repairSerial('SN1234I'), 'SN12341');
    assert.equal(repairSerial('OSB123'), 'OSB123');
    // L, S, B are real serial letters; only O and I (which makers avoid) are repaired.
    assert.equal(repairSerial('CNB1K2L3M4'), 'CNB1K2L3M4');
  });
});

describe('barcode payloads', () => {
  it('reads key-value, JSON and lone serials', () => {
    const kv = readBarcodePayload('MODEL:GeN2-MR;SN:EL20240088', KNOWN);
    assert.equal(kv.model, 'GeN2-MR');
    assert.equal(kv.serialNumber, 'EL20240088');
    const json = readBarcodePayload('{"model":"KFR-72LW","sn":"HKX1"}', KNOWN);
    assert.equal(json.model, 'KFR-72LW');
    const lone = readBarcodePayload('HKX20260815', KNOWN);
    assert.equal(lone.serialNumber, 'HKX20260815');
    assert.equal(lone.model, null);
  });

  it('merges sources, the first that has a field wins', () => {
    const merged = mergeReadings([readBarcodePayload('HKX20260815', KNOWN), readNameplateText('MODEL: KFR-72LW\nS/N: HKX2026O815', KNOWN)]);
    assert.equal(merged.serialNumber, 'HKX20260815');
    assert.equal(merged.model, 'KFR-72LW');
  });
});
