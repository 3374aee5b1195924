/**
 * Seeded generator of nameplate photos with ground truth, for the recognition benchmark and the
 * API tests. Each plate: a title with Chinese and English text, a model line and a serial line
 * with varied labels (型号 MODEL / Model No. / TYPE / 型号 only; 序列号 S/N / Serial No. / 出厂编号
 * only), rating lines, sometimes a QR code with "MODEL:…;SN:…". Degradations are drawn from the
 * seed: rotation within ±5°, blur, glare, low contrast, noise, uneven light, dark plates.
 *
 *   node --import tsx apps/server/bench/nameplates/generate.ts [count] [seed] [outDir]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { DEVICE_MODELS } from '../../src/demo/demo-data.ts';
import { mulberry32 } from '../../src/demo/demo-random.ts';

export interface GeneratedPlate {
  readonly name: string;
  readonly png: Buffer;
  readonly truth: { readonly model: string; readonly serialNumber: string };
  readonly traits: readonly string[];
}

const require = createRequire(import.meta.url);

/** Registers the fonts once; returns the family names available. */
function registerFonts(): { latin: string[]; cjk: string } {
  // The package exports only its index (dist/index.cjs); the fonts sit one folder up from it.
  const scDir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  GlobalFonts.registerFromPath(join(scDir, 'NotoSansHans-Regular.otf'), 'GD Noto SC');
  GlobalFonts.registerFromPath(join(scDir, 'NotoSansHans-Bold.otf'), 'GD Noto SC Bold');
  GlobalFonts.registerFromPath(join(scDir, 'NotoSansHans-Light.otf'), 'GD Noto SC Light');
  const latin = ['GD Noto SC', 'GD Noto SC Bold', 'GD Noto SC Light'];
  // Debian's DejaVu fonts add a monospace and a serif face where the machine has them.
  for (const [file, family] of [['DejaVuSansMono.ttf', 'GD Mono'], ['DejaVuSerif.ttf', 'GD Serif'], ['DejaVuSansCondensed-Bold.ttf', 'GD Condensed']] as const) {
    const path = `/usr/share/fonts/truetype/dejavu/${file}`;
    if (existsSync(path)) { GlobalFonts.registerFromPath(path, family); latin.push(family); }
  }
  return { latin, cjk: 'GD Noto SC' };
}

let fonts: { latin: string[]; cjk: string } | null = null;

/** The known models plates are drawn from: the demo catalogue. */
export const PLATE_MODELS: readonly { code: string; name: string }[] = Object.values(DEVICE_MODELS).flat().map((m) => ({ code: m.model, name: m.name }));

const TITLES = [['空调室外机', 'OUTDOOR UNIT'], ['空调室内机', 'INDOOR UNIT'], ['冷水机组', 'WATER CHILLER'], ['机架式服务器', 'RACK SERVER'],
  ['激光打印机', 'LASER PRINTER'], ['医用诊断设备', 'MEDICAL SYSTEM'], ['电梯控制柜', 'ELEVATOR CONTROLLER'], ['台式计算机', 'DESKTOP PC']] as const;
const MODEL_LABELS = ['型号 MODEL:', 'Model No.:', 'MODEL', 'TYPE:', '型号：', '产品型号 Model:'];
const SERIAL_LABELS = ['序列号 S/N:', 'Serial No.:', 'S/N:', 'SN:', '出厂编号：', '序列号 Serial:'];
const SERIAL_LETTERS = 'ACEFHJKMNPRTUVWXY';

function serialFor(rand: () => number): string {
  const letters = 2 + Math.floor(rand() * 3);
  let s = '';
  for (let i = 0; i < letters; i++) s += SERIAL_LETTERS[Math.floor(rand() * SERIAL_LETTERS.length)];
  const digits = 7 + Math.floor(rand() * 4);
  for (let i = 0; i < digits; i++) s += String(Math.floor(rand() * 10));
  return s;
}

function drawQr(g: SKRSContext2D, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size; const quiet = 2;
  const cell = size / (n + 2 * quiet);
  g.fillStyle = '#ffffff';
  g.fillRect(x, y, size, size);
  g.fillStyle = '#000000';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) g.fillRect(x + (c + quiet) * cell, y + (r + quiet) * cell, Math.ceil(cell), Math.ceil(cell));
}

/** Draws one plate from a seeded random source. */
export function generatePlate(index: number, seed: number, fixed: { model?: string; serialNumber?: string; qr?: boolean } = {}): GeneratedPlate {
  fonts ??= registerFonts();
  const rand = mulberry32(seed * 1000 + index);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const drawnModel = pick(PLATE_MODELS).code;
  const drawnSerial = serialFor(rand);
  const model = fixed.model ?? drawnModel;
  const serial = fixed.serialNumber ?? drawnSerial;
  const traits: string[] = [];
  const W = 760; const H = 460;
  const canvas = createCanvas(W, H); const g = canvas.getContext('2d');
  const dark = rand() < 0.12;
  const lowContrast = !dark && rand() < 0.25;
  const bgTone = 200 + Math.floor(rand() * 45);
  // A photo: a grey surround, the plate slightly rotated on it.
  g.fillStyle = `rgb(${90 + Math.floor(rand() * 60)},${90 + Math.floor(rand() * 60)},${90 + Math.floor(rand() * 60)})`;
  g.fillRect(0, 0, W, H);
  const angle = (rand() * 10 - 5);
  traits.push(`rot${angle.toFixed(1)}`);
  g.save();
  g.translate(W / 2, H / 2); g.rotate((angle * Math.PI) / 180); g.translate(-W / 2, -H / 2);
  const px = 30; const py = 25; const pw = W - 60; const ph = H - 50;
  const grad = g.createLinearGradient(px, py, px + pw, py + ph);
  if (dark) {
    grad.addColorStop(0, '#1f3a5c'); grad.addColorStop(1, '#2a4b70');
    traits.push('dark');
  } else {
    grad.addColorStop(0, `rgb(${bgTone},${bgTone},${bgTone - 8})`); grad.addColorStop(0.5, `rgb(${bgTone + 10},${bgTone + 10},${bgTone})`); grad.addColorStop(1, `rgb(${bgTone - 15},${bgTone - 15},${bgTone - 20})`);
  }
  g.fillStyle = grad; g.fillRect(px, py, pw, ph);
  const ink = dark ? '#f2f2f2' : lowContrast ? `rgb(${bgTone - 85},${bgTone - 85},${bgTone - 80})` : '#1a1a1a';
  if (lowContrast) traits.push('lowcontrast');
  g.fillStyle = ink; g.strokeStyle = ink; g.lineWidth = 2;
  g.strokeRect(px + 8, py + 8, pw - 16, ph - 16);
  const latin = pick(fonts.latin);
  traits.push(latin.replace(/^GD /, '').replace(/ /g, ''));
  const size = 24 + Math.floor(rand() * 6);
  const font = (s: number): string => `${s}px "${latin}", "${fonts?.cjk ?? 'GD Noto SC'}"`;
  const [zhTitle, enTitle] = pick(TITLES);
  g.font = font(size + 4);
  g.fillText(`${zhTitle}  ${enTitle}`, px + 30, py + 58);
  const drawnQr = rand() < 0.3;
  const withQr = fixed.qr ?? drawnQr;
  const rows: string[] = [];
  const modelLabel = pick(MODEL_LABELS); const serialLabel = pick(SERIAL_LABELS);
  rows.push(`${modelLabel} ${model}`);
  rows.push(`${pick(['额定电压', 'Rated Voltage', '电源'])} 220V~ 50Hz`);
  rows.push(`${serialLabel} ${serial}`);
  rows.push(`${pick(['额定功率', 'Rated Power', '输入功率'])} ${500 + Math.floor(rand() * 3000)}W`);
  rows.push(`${pick(['制造日期', 'Date'])} 20${20 + Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}   Made in China`);
  g.font = font(size);
  rows.forEach((row, i) => g.fillText(row, px + 30, py + 120 + i * (size + 26)));
  if (withQr) { drawQr(g, `MODEL:${model};SN:${serial}`, px + pw - 170, py + ph - 180, 150); traits.push('qr'); }
  g.restore();
  // Glare: a bright blob from a flash or a window.
  if (rand() < 0.35) {
    const gx = 150 + rand() * 460; const gy = 100 + rand() * 260; const r = 90 + rand() * 120;
    const glare = g.createRadialGradient(gx, gy, 5, gx, gy, r);
    glare.addColorStop(0, `rgba(255,255,255,${(0.55 + rand() * 0.3).toFixed(2)})`); glare.addColorStop(1, 'rgba(255,255,255,0)');
    g.fillStyle = glare; g.fillRect(0, 0, W, H);
    traits.push('glare');
  }
  // Uneven light: a shadow across one side.
  if (rand() < 0.25) {
    const shade = g.createLinearGradient(0, 0, W, 0);
    shade.addColorStop(0, 'rgba(0,0,0,0.35)'); shade.addColorStop(0.6, 'rgba(0,0,0,0)');
    g.fillStyle = shade; g.fillRect(0, 0, W, H);
    traits.push('shadow');
  }
  let out = canvas;
  if (rand() < 0.4) {
    // Blur: redraw through a filter.
    const radius = 0.6 + rand() * 0.9;
    const blurred = createCanvas(W, H); const bg = blurred.getContext('2d');
    bg.filter = `blur(${radius.toFixed(1)}px)`;
    bg.drawImage(canvas, 0, 0);
    out = blurred;
    traits.push(`blur${radius.toFixed(1)}`);
  }
  if (rand() < 0.4) {
    const ctx = out.getContext('2d');
    const img = ctx.getImageData(0, 0, W, H);
    const amp = 12 + rand() * 18;
    for (let i = 0; i < img.data.length; i += 4) {
      const n = (rand() + rand() + rand() - 1.5) * amp;
      for (let k = 0; k < 3; k++) img.data[i + k] = Math.max(0, Math.min(255, (img.data[i + k] ?? 0) + n));
    }
    ctx.putImageData(img, 0, 0);
    traits.push('noise');
  }
  return { name: `plate-${String(index).padStart(3, '0')}`, png: out.toBuffer('image/png'), truth: { model, serialNumber: serial }, traits };
}

/** Generates `count` plates for `seed`. */
export function generatePlates(count: number, seed: number): GeneratedPlate[] {
  return Array.from({ length: count }, (_, i) => generatePlate(i, seed));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/apps\//, 'apps/'))) {
  const count = Number(process.argv[2] ?? 32); const seed = Number(process.argv[3] ?? 7);
  const dir = process.argv[4] ?? join(process.cwd(), '.tmp', 'nameplates');
  mkdirSync(dir, { recursive: true });
  const truth: Record<string, unknown> = {};
  for (const p of generatePlates(count, seed)) {
    writeFileSync(join(dir, `${p.name}.png`), p.png);
    truth[p.name] = { ...p.truth, traits: p.traits };
  }
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(truth, null, 2));
  console.log(`wrote ${count} plates and truth.json to ${dir}`);
}
