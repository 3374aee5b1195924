/**
 * Nameplate recognition benchmark: generates seeded plates (generate.ts), runs the server's
 * recognition flow on each, and prints exact model + serial accuracy and time per image.
 *
 *   npm run bench:nameplate            (32 plates, seed 7)
 *   NAMEPLATE_COUNT=8 npm run bench:nameplate
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { recognizeNameplate } from '@gongdan/text/nameplate/recognize-nameplate';
import { closeNameplateEngine, decodeToGray, nodeNameplatePorts } from '../../src/nameplates/node-nameplate-engine.ts';
import { generatePlates, PLATE_MODELS } from './generate.ts';

const count = Number(process.env['NAMEPLATE_COUNT'] ?? 32);
const seed = Number(process.env['NAMEPLATE_SEED'] ?? 7);
const verbose = process.env['NAMEPLATE_VERBOSE'] === '1';

const plates = generatePlates(count, seed);
// Warm-up: the first recognition loads the OCR model; it is timed separately.
const warmStart = performance.now();
await recognizeNameplate(await decodeToGray(plates[0]?.png ?? Buffer.alloc(0)), PLATE_MODELS, nodeNameplatePorts);
const warmMs = performance.now() - warmStart;

// CPU time of the whole process (OCR worker thread included): stable even on a busy machine.
const cpuStart = process.cpuUsage();
let both = 0; let modelOk = 0; let serialOk = 0; let viaBarcode = 0;
const times: number[] = [];
for (const plate of plates) {
  const t0 = performance.now();
  const reading = await recognizeNameplate(await decodeToGray(plate.png), PLATE_MODELS, nodeNameplatePorts);
  times.push(performance.now() - t0);
  const m = reading.model === plate.truth.model; const s = reading.serialNumber === plate.truth.serialNumber;
  if (m) modelOk++;
  if (s) serialOk++;
  if (m && s) both++;
  if (reading.source === 'barcode') viaBarcode++;
  if (verbose || !(m && s)) {
    console.log(`${m && s ? 'ok  ' : 'MISS'} ${plate.name} [${plate.traits.join(' ')}] truth ${plate.truth.model} / ${plate.truth.serialNumber} → ` +
      `${reading.model} / ${reading.serialNumber} (${reading.source}, skew ${reading.skewDeg}°)`);
    if (verbose && !(m && s)) console.log(reading.text.split('\n').map((l) => `      | ${l}`).join('\n'));
  }
}
const cpu = process.cpuUsage(cpuStart);
await closeNameplateEngine();
times.sort((a, b) => a - b);
const pct = (x: number): string => `${((x / plates.length) * 100).toFixed(1)}%`;
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(`nameplates n=${plates.length} seed=${seed}: exact model+SN ${pct(both)} (model ${pct(modelOk)}, SN ${pct(serialOk)}), ` +
  `${viaBarcode} read from a QR code alone`);
console.log(`time per image: mean ${mean.toFixed(0)} ms, p50 ${times[Math.floor(times.length / 2)]?.toFixed(0)} ms, ` +
  `max ${times[times.length - 1]?.toFixed(0)} ms (first call incl. model load ${warmMs.toFixed(0)} ms); ` +
  `CPU ${((cpu.user + cpu.system) / 1000 / plates.length).toFixed(0)} ms per image; load average ${loadavg()[0]?.toFixed(1)}`);
