import type { ConfirmationSnapshot } from '@gongdan/domain/confirmation/snapshot';
import { CJK_FONTS, esc, formatTime } from './html.ts';

export interface ServiceReportInput {
  snapshot: ConfirmationSnapshot;
  snapshotSha256: string;
  status: string;
  photoUrls: Record<string, string>;
  confirmation: {
    method: string; outcome: string; signerName: string | null; satisfaction: number | null; comment: string | null;
    createdAt: string; signatureUrl: string | null;
  } | null;
  timeZone: string;
  generatedAt: string;
}

const CSS = `*{box-sizing:border-box}body{margin:0;font:14px/1.6 ${CJK_FONTS};color:#111;background:#eef0f3}
.sheet{max-width:210mm;margin:16px auto;background:#fff;padding:18mm 16mm;box-shadow:0 1px 4px rgba(0,0,0,.1)}
h1{font-size:22px;margin:0;text-align:center;letter-spacing:4px}.sub{text-align:center;color:#555;margin-bottom:12px}
table{width:100%;border-collapse:collapse;margin:8px 0}th,td{border:1px solid #999;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f5f6f8;width:7em;font-weight:600}.pre{white-space:pre-wrap;word-break:break-word}
h2{font-size:15px;margin:14px 0 4px;border-left:4px solid #1456d9;padding-left:8px}
.photos{display:flex;flex-wrap:wrap;gap:6px}.photos img{width:32%;max-height:50mm;object-fit:cover}
.sign{display:flex;gap:16px;align-items:flex-end;margin-top:8px;white-space:nowrap}.sign img{max-width:60%}.sign img{height:32mm;border-bottom:1px solid #333}
.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px;color:#555;word-break:break-all}
.toolbar{text-align:center;margin:12px}.toolbar button{font:inherit;padding:8px 20px}
@media (max-width:600px){.sheet{padding:16px 12px;margin:0}th{width:4.5em}}@page{size:A4;margin:12mm}@media print{body{background:#fff}.sheet{box-shadow:none;margin:0;max-width:none;padding:0}.toolbar{display:none}h2,table,.sign{break-inside:avoid}}`;

/** Inline, allowed by its CSP hash. */
export const PRINT_SCRIPT = "document.getElementById('print').addEventListener('click',function(){print()})";

const METHOD: Record<string, string> = { customer_link: '客户手机扫码签字', on_device: '工程师设备上签字（较低可信度）' };

/** The printable service report (A4, print CSS, CJK fonts) with the customer's signature. */
export function renderServiceReport(p: ServiceReportInput): string {
  const s = p.snapshot;
  const c = p.confirmation;
  const stars = (n: number | null) => (n ? `${'★'.repeat(n)}${'☆'.repeat(5 - n)}（${n}/5）` : '—');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>服务报告 ${esc(s.number)}</title><style>${CSS}</style></head><body>
<div class="toolbar"><button type="button" id="print">打印 / 另存为 PDF</button></div>
<article class="sheet"><h1>服 务 报 告</h1><div class="sub">工单号 ${esc(s.number)}</div>
<table><tr><th>客户</th><td>${esc(s.customerName)}</td><th>状态</th><td>${esc(p.status)}</td></tr>
<tr><th>设备</th><td>${esc(s.device ?? '—')}</td><th>服务工程师</th><td>${esc(s.engineer ?? '—')}</td></tr>
<tr><th>报修主题</th><td colspan="3">${esc(s.title)}</td></tr>
<tr><th>问题描述</th><td colspan="3" class="pre">${esc(s.description || '—')}</td></tr>
<tr><th>处理结果</th><td colspan="3" class="pre">${esc(s.resolution ?? '—')}</td></tr>
<tr><th>完成时间</th><td colspan="3">${esc(formatTime(s.resolvedAt, p.timeZone))}</td></tr></table>
${s.work.length ? `<h2>处理记录</h2><table>${s.work.map((w) => `<tr><th>${esc(formatTime(w.at, p.timeZone))}</th><td class="pre">${esc(w.author)}：${esc(w.body)}</td></tr>`).join('')}</table>` : ''}
${s.parts.length ? `<h2>使用备件</h2><table><tr><th style="width:auto">备件</th><th style="width:6em">数量</th></tr>${s.parts.map((x) => `<tr><td>${esc(x.name)}</td><td>${esc(x.quantity)}</td></tr>`).join('')}</table>` : ''}
${s.photos.length ? `<h2>现场照片</h2><div class="photos">${s.photos.map((ph) => `<img alt="${esc(ph.filename)}" src="${esc(p.photoUrls[ph.id] ?? '')}">`).join('')}</div>` : ''}
<h2>客户确认</h2>${c ? `<table><tr><th>确认结果</th><td>${c.outcome === 'confirmed' ? '问题已解决' : '未解决'}</td><th>确认方式</th><td>${esc(METHOD[c.method] ?? c.method)}</td></tr>
<tr><th>满意度</th><td>${stars(c.satisfaction)}</td><th>确认时间</th><td>${esc(formatTime(c.createdAt, p.timeZone))}</td></tr>
${c.comment ? `<tr><th>客户意见</th><td colspan="3" class="pre">${esc(c.comment)}</td></tr>` : ''}</table>
<div class="sign"><div>客户签字：</div>${c.signatureUrl ? `<img id="signature" alt="客户签名" src="${esc(c.signatureUrl)}">` : '<span>（无）</span>'}<div>签字人：${esc(c.signerName ?? '—')}</div></div>`
    : '<p>尚未确认。</p>'}
<p class="hash">确认内容摘要 SHA-256：${esc(p.snapshotSha256)}<br>报告生成于 ${esc(formatTime(p.generatedAt, p.timeZone))}</p></article><script>${PRINT_SCRIPT}</script></body></html>`;
}
