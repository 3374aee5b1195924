/**
 * The field app's browser world: the desk tests' real server, plus a phone — Chromium with
 * mobile emulation (390×844, touch, geolocation granted in 深圳) on a persistent profile, so
 * IndexedDB, the service worker and its cache survive closing and reopening the page, as on a
 * phone where the app is killed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

const root = new URL('../../../', import.meta.url).pathname;

/** /m needs its own build output (m/index.html and m/sw.js); build when the checkout has none. */
export function ensureFieldBuilt(): void {
  if (existsSync(join(root, 'apps/web/dist/m/sw.js')) && existsSync(join(root, 'apps/web/dist/index.html'))) return;
  const r = spawnSync('npm', ['run', 'build', '-w', '@gongdan/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web app failed');
}

/** WGS-84, 深圳南山 — what the emulated phone's GPS reports. */
export const PHONE_AT = { latitude: 22.5405, longitude: 113.9345, accuracy: 12 };

export interface Phone {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** Taps made through `tap` (buttons, chips, text fields, pickers). */
  taps: number;
  tap(target: Locator): Promise<void>;
  /** Opens a fresh page in the same profile (after the previous one was killed). */
  reopen(url: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchPhone(opts: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<Phone> {
  const dir = mkdtempSync(join(tmpdir(), 'gd-field-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true,
    geolocation: PHONE_AT, permissions: ['geolocation'], serviceWorkers: opts.serviceWorkers ?? 'allow',
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Generous: the shared 2-core box runs other suites at the same time (load average above 20).
  context.setDefaultTimeout(30_000);
  const errors: string[] = [];
  const watch = (p: Page) => {
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  };
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  const phone: Phone = {
    context, page, errors, taps: 0,
    async tap(target) {
      phone.taps += 1;
      await target.tap();
    },
    async reopen(url) {
      const p = await context.newPage();
      watch(p);
      phone.page = p;
      await p.goto(url);
      return p;
    },
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return phone;
}

export async function signInPhone(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/m/`);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).tap();
  await page.getByTestId('sync-status').waitFor();
  await page.getByRole('button', { name: '登录' }).waitFor({ state: 'detached' });
}

/** A JPEG made by the phone's own canvas (a "photo" of a red part on grey). */
export async function fakePhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 2400;
    c.height = 1800;
    const g = c.getContext('2d') as CanvasRenderingContext2D;
    g.fillStyle = '#888';
    g.fillRect(0, 0, c.width, c.height);
    g.fillStyle = '#c22';
    g.fillRect(900, 600, 600, 500);
    g.fillStyle = '#fff';
    g.font = '120px sans-serif';
    g.fillText('E4 压缩机', 700, 400);
    return c.toDataURL('image/jpeg', 0.95);
  });
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64');
}

/** SHA-256 (hex) of every photo blob the app keeps in IndexedDB, by photo id. */
export async function storedPhotoHashes(page: Page): Promise<Record<string, { sha256: string; name: string; attachmentId: string | null }>> {
  const all = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('gongdan-field'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const rows = await new Promise<{ id: string; name: string; blob: Blob; attachmentId?: string }[]>((res, rej) => {
      const q = db.transaction('photos').objectStore('photos').getAll();
      q.onsuccess = () => res(q.result as never);
      q.onerror = () => rej(q.error);
    });
    db.close();
    const out: Record<string, { b64: string; name: string; attachmentId: string | null }> = {};
    for (const r of rows) {
      const bytes = new Uint8Array(await r.blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      out[r.id] = { b64: btoa(s), name: r.name, attachmentId: r.attachmentId ?? null };
    }
    return out;
  });
  const res: Record<string, { sha256: string; name: string; attachmentId: string | null }> = {};
  for (const [id, v] of Object.entries(all)) res[id] = { sha256: sha256(Buffer.from(v.b64, 'base64')), name: v.name, attachmentId: v.attachmentId };
  return res;
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Waits until the app says it has nothing left to send. */
export async function waitSynced(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-pending') === '0', undefined, { timeout });
}
