import { CJK_FONTS, esc } from './html.ts';
import type { ReportDevice } from './device-report.ts';

const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.6 ${CJK_FONTS};color:#1f2329;background:#f3f5f8}
main{max-width:560px;margin:0 auto;padding:12px}.card{background:#fff;border-radius:12px;padding:16px;margin-bottom:12px}
h1{font-size:20px;margin:0 0 6px}.muted{color:#86909c;font-size:14px}label{display:block;margin:14px 0 4px;font-weight:600}
input,textarea{font:inherit;width:100%;padding:10px;border:1px solid #c9cdd4;border-radius:8px}.hint{color:#86909c;font-size:13px;margin-top:4px}
.err{color:#d54941;font-size:14px;margin-top:4px}button{font:inherit;width:100%;margin-top:18px;border:0;border-radius:10px;padding:14px;font-size:17px;font-weight:600;background:#1456d9;color:#fff}
.big{font-size:26px;font-weight:700;letter-spacing:1px;color:#1456d9}`;

function head(title: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${esc(title)}</title><style>${CSS}</style></head><body><main>`;
}

export interface FormState {
  values?: { contactName?: string; contactPhone?: string; description?: string };
  errors?: Record<string, { message: string; hint?: string | undefined; example?: string | undefined }>;
}

/** The no-login fault report form behind a device's QR sticker (plain HTML form, works without script). */
export function renderDeviceReportForm(action: string, device: ReportDevice, state: FormState = {}): string {
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const err = (k: string) => (e[k] ? `<div class="err" id="${k}-err">${esc(e[k].message)}${e[k].hint ? `：${esc(e[k].hint)}` : ''}${e[k].example ? `（例如 ${esc(e[k].example)}）` : ''}</div>` : '');
  return `${head('扫码报修')}<section class="card"><h1>扫码报修</h1><div>${esc(device.customerName)}</div><div class="muted">${esc(device.label)}${device.location ? ` · ${esc(device.location)}` : ''}</div></section>
<form class="card" method="post" action="${esc(action)}" enctype="multipart/form-data">
<label for="contactName">联系人</label><input id="contactName" name="contactName" maxlength="100" autocomplete="name" required value="${esc(v.contactName)}">${err('contactName')}
<label for="contactPhone">联系电话</label><input id="contactPhone" name="contactPhone" type="tel" maxlength="40" autocomplete="tel" required value="${esc(v.contactPhone)}">
<div class="hint">手机号 11 位；座机请带区号，如 0755-88889999</div>${err('contactPhone')}
<label for="description">故障描述</label><textarea id="description" name="description" rows="5" maxlength="5000" required placeholder="例如：开机后显示 E4，不制冷">${esc(v.description)}</textarea>${err('description')}
<label for="photo">故障照片（选填）</label><input id="photo" name="photo" type="file" accept="image/*" capture="environment">${err('photo')}
<button type="submit">提交报修</button></form></main></body></html>`;
}

export function renderDeviceReportDone(number: string): string {
  return `${head('报修已提交')}<section class="card" style="text-align:center"><h1>报修已提交</h1><p>您的工单号</p><p class="big" id="ticket-number">${esc(number)}</p>
<p class="muted">请记下工单号，客服会尽快与您联系。</p></section></main></body></html>`;
}

export function renderDeviceReportInvalid(): string {
  return `${head('二维码无效')}<section class="card" style="text-align:center"><h1>二维码无效</h1><p>无法识别此设备二维码，请联系客服电话报修。</p></section></main></body></html>`;
}

/** A printable sheet of stickers (QR + device + "扫码报修"), A4 or label printers. */
export function renderSticker(device: ReportDevice, url: string, qrSvg: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>报修二维码 ${esc(device.label)}</title><style>
*{box-sizing:border-box}body{margin:0;font:14px/1.5 ${CJK_FONTS}}.sticker{width:60mm;border:1px dashed #999;padding:4mm;margin:8mm;text-align:center;display:inline-block;vertical-align:top}
.sticker svg{width:44mm;height:44mm}.title{font-size:18px;font-weight:700}.small{font-size:10px;color:#444;word-break:break-all}
@page{size:A4;margin:8mm}@media print{.sticker{margin:3mm;break-inside:avoid}}</style></head><body>
${[0, 1, 2, 3, 4, 5].map(() => `<div class="sticker"><div class="title">扫码报修</div>${qrSvg}<div>${esc(device.customerName)}</div><div class="small">${esc(device.label)}</div></div>`).join('')}
<p class="small" style="margin:8mm">${esc(url)}</p></body></html>`;
}
