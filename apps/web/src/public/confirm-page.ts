/**
 * The customer confirmation page's only script (no framework; the summary is already in the
 * server-rendered HTML). It adds: the signature pad, the rating, and the two submissions.
 * The server re-checks everything; these checks only save the customer a round trip.
 */
import SignaturePad from 'signature_pad';

interface Stroke { points: [number, number][] }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const data = JSON.parse($('gd-data').textContent || '{}') as { snapshotSha256: string };
const token = location.pathname.split('/')[2] ?? '';

const choose = $('choose');
const signForm = $<HTMLFormElement>('sign');
const rejectForm = $<HTMLFormElement>('reject');
const done = $('done');
const canvas = $<HTMLCanvasElement>('pad');
let pad: SignaturePad | null = null;
let rating = 0;
let gps: { lat: number; lng: number; accuracy: number } | undefined;

function show(el: HTMLElement) {
  for (const x of [choose, signForm, rejectForm, done]) x.hidden = x !== el;
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function sizeCanvas() {
  const ratio = Math.max(window.devicePixelRatio || 1, 1);
  const keep = pad?.toData() ?? [];
  canvas.width = canvas.offsetWidth * ratio;
  canvas.height = canvas.offsetHeight * ratio;
  canvas.getContext('2d')?.scale(ratio, ratio);
  pad?.clear();
  if (keep.length) pad?.fromData(keep);
}

function clearSignError() {
  $('sign-err').textContent = '';
}

function strokes(): Stroke[] {
  return (pad?.toData() ?? []).map((g) => ({ points: g.points.map((p) => [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10] as [number, number]) }));
}

/** Mirrors the server's rule: at least two real strokes and enough ink. */
function signatureProblem(s: Stroke[]): string | null {
  let real = 0;
  let ink = 0;
  for (const st of s) {
    let len = 0;
    for (let i = 1; i < st.points.length; i++) {
      const a = st.points[i - 1] as [number, number];
      const b = st.points[i] as [number, number];
      len += Math.hypot(b[0] - a[0], b[1] - a[1]);
    }
    if (len >= 8) real++;
    ink += len;
  }
  if (ink === 0) return '请在签名区签名';
  if (real < 2) return '签名过于简单（仅一笔），请签写完整姓名';
  if (ink < 60) return '签名太小，请写大一些';
  return null;
}

async function submit(body: Record<string, unknown>, errBox: HTMLElement, button: HTMLButtonElement) {
  errBox.textContent = '';
  button.disabled = true;
  try {
    const res = await fetch(`/api/public/confirmations/${encodeURIComponent(token)}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, snapshotSha256: data.snapshotSha256, ...(gps ? { gps } : {}) }),
    });
    const json = await res.json().catch(() => ({})) as { title?: string; errors?: { message: string }[]; reportUrl?: string | null; ticketNumber?: string; outcome?: string };
    if (!res.ok) {
      errBox.textContent = json.errors?.[0]?.message ?? json.title ?? `提交失败（${res.status}）`;
      return;
    }
    done.innerHTML = '';
    const h = document.createElement('h1');
    const p = document.createElement('p');
    if (json.outcome === 'confirmed') {
      h.textContent = '感谢您的确认';
      p.textContent = `工单 ${json.ticketNumber ?? ''} 已关闭。`;
    } else {
      h.textContent = '已收到您的反馈';
      p.textContent = `工单 ${json.ticketNumber ?? ''} 已重新打开，调度员会尽快与您联系。`;
    }
    done.append(h, p);
    if (json.reportUrl) {
      const a = document.createElement('a');
      a.href = json.reportUrl;
      a.textContent = '查看服务报告';
      done.append(a);
    }
    done.dataset.outcome = json.outcome ?? '';
    show(done);
  } catch {
    errBox.textContent = '网络异常，请检查网络后重试';
  } finally {
    button.disabled = false;
  }
}

$('yes').addEventListener('click', () => {
  show(signForm);
  if (!pad) {
    pad = new SignaturePad(canvas, { minWidth: 1, maxWidth: 3, penColor: '#111' });
    // A new stroke answers the last complaint about the signature; the next submit re-checks it.
    pad.addEventListener('beginStroke', clearSignError);
    window.addEventListener('resize', sizeCanvas);
  }
  sizeCanvas();
  // GPS only if the customer allows it; the confirmation never waits for it.
  navigator.geolocation?.getCurrentPosition((pos) => {
    gps = { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: Math.round(pos.coords.accuracy) };
  }, () => undefined, { timeout: 8000, maximumAge: 600_000 });
});
$('no').addEventListener('click', () => show(rejectForm));
for (const b of document.querySelectorAll<HTMLButtonElement>('.back')) b.addEventListener('click', () => show(choose));
$('clear').addEventListener('click', () => {
  pad?.clear();
  clearSignError();
});

const stars = [...document.querySelectorAll<HTMLButtonElement>('.stars button')];
for (const b of stars) {
  b.addEventListener('click', () => {
    rating = Number(b.dataset.v);
    for (const s of stars) {
      const on = Number(s.dataset.v) <= rating;
      s.classList.toggle('on', on);
      s.setAttribute('aria-checked', String(Number(s.dataset.v) === rating));
    }
  });
}

signForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const errBox = $('sign-err');
  const s = strokes();
  const name = $<HTMLInputElement>('signer').value.trim();
  const problem = signatureProblem(s) ?? (name ? null : '请填写签字人姓名') ?? (rating ? null : '请为本次服务打分');
  if (problem) {
    errBox.textContent = problem;
    return;
  }
  void submit({
    outcome: 'confirmed', signerName: name, satisfaction: rating, comment: $<HTMLTextAreaElement>('comment').value.trim() || undefined,
    signature: { width: canvas.offsetWidth, height: canvas.offsetHeight, strokes: s },
  }, errBox, signForm.querySelector('button[type=submit]') as HTMLButtonElement);
});

rejectForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const errBox = $('reject-err');
  const reason = $<HTMLTextAreaElement>('reason').value.trim();
  if (!reason) {
    errBox.textContent = '请说明哪里还没有解决';
    return;
  }
  void submit({ outcome: 'rejected', reason }, errBox, rejectForm.querySelector('button[type=submit]') as HTMLButtonElement);
});
document.documentElement.dataset.ready = '1';
