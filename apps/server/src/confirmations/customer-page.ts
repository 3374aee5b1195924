import type { ConfirmationSnapshot } from '@gongdan/domain/confirmation/snapshot';
import { CJK_FONTS, esc, formatTime, jsonForScript } from './html.ts';

const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.6 ${CJK_FONTS};color:#1f2329;background:#f3f5f8}
main{max-width:560px;margin:0 auto;padding:12px 12px 40px}
header{display:flex;align-items:center;gap:8px;padding:8px 4px 12px;color:#1456d9;font-weight:600}
header b{display:inline-grid;place-items:center;width:28px;height:28px;border-radius:6px;background:#1456d9;color:#fff}
.card{background:#fff;border-radius:12px;padding:16px;margin-bottom:12px;box-shadow:0 1px 2px rgba(0,0,0,.05)}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:16px 0 6px;color:#4e5969}
.muted{color:#86909c;font-size:14px}dl{display:grid;grid-template-columns:5.5em 1fr;gap:4px 8px;margin:8px 0 0}dt{color:#86909c}dd{margin:0}
.pre{white-space:pre-wrap;word-break:break-word}ul.log{list-style:none;padding:0;margin:0}ul.log li{border-left:3px solid #d0e0ff;padding:2px 0 6px 10px;margin-bottom:6px}
.photos{display:grid;grid-template-columns:repeat(3,1fr);gap:6px}.photos img{width:100%;aspect-ratio:1;object-fit:cover;border-radius:6px;background:#eef}
table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:4px;border-bottom:1px solid #eef0f3;font-size:14px}
.actions{display:grid;grid-template-columns:1fr 1fr;gap:10px}
button{font:inherit;border:0;border-radius:10px;padding:14px 10px;font-size:17px;font-weight:600;cursor:pointer}
.ok{background:#00a870;color:#fff}.no{background:#fff;color:#d54941;border:1px solid #f0c4c0}.primary{background:#1456d9;color:#fff;width:100%}
button[disabled]{opacity:.6}
label{display:block;margin:12px 0 4px;font-weight:600}input,textarea{font:inherit;width:100%;padding:10px;border:1px solid #c9cdd4;border-radius:8px}
canvas{display:block;width:100%;height:180px;border:1px dashed #8aa4d6;border-radius:8px;background:#fbfcff;touch-action:none}
.row{display:flex;justify-content:space-between;align-items:center}.link{background:none;color:#1456d9;padding:4px;font-size:14px;font-weight:400}
.stars{display:flex;gap:6px}.stars button{flex:1;padding:10px 0;background:#f2f3f5;color:#86909c;font-size:22px}.stars button.on{background:#fff4e0;color:#ff9a2e}
.err{color:#d54941;font-size:14px;min-height:1em;margin:6px 0}.notice{text-align:center;padding:32px 16px}.notice .big{font-size:44px}
[hidden]{display:none!important}`;

export interface CustomerPageInput {
  snapshot: ConfirmationSnapshot;
  snapshotSha256: string;
  photoUrls: Record<string, string>;
  expiresAt: string;
  timeZone: string;
  scriptUrl: string;
}

/**
 * The customer's confirmation page, rendered on the server with the ticket summary inlined so
 * it is readable before any script arrives; the small script only adds signing and submitting.
 * Public content only: the snapshot never holds internal comments or internal files.
 */
export function renderCustomerPage(p: CustomerPageInput): string {
  const s = p.snapshot;
  const work = s.work.length > 0
    ? `<h2>处理记录</h2><ul class="log">${s.work.map((w) => `<li><div class="muted">${esc(formatTime(w.at, p.timeZone))} · ${esc(w.author)}</div><div class="pre">${esc(w.body)}</div></li>`).join('')}</ul>`
    : '';
  const photos = s.photos.length > 0
    ? `<h2>现场照片</h2><div class="photos">${s.photos.map((ph) => `<img loading="lazy" alt="${esc(ph.filename)}" src="${esc(p.photoUrls[ph.id] ?? '')}">`).join('')}</div>`
    : '';
  const parts = s.parts.length > 0
    ? `<h2>使用备件</h2><table><thead><tr><th>备件</th><th>数量</th></tr></thead><tbody>${s.parts.map((x) => `<tr><td>${esc(x.name)}</td><td>${esc(x.quantity)}</td></tr>`).join('')}</tbody></table>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>服务确认 · ${esc(s.number)}</title><style>${CSS}</style></head><body><main>
<header><b>工</b><span>服务确认</span></header>
<section class="card" id="summary"><div class="muted">工单 ${esc(s.number)}</div><h1>${esc(s.title)}</h1>
<dl><dt>客户</dt><dd>${esc(s.customerName)}</dd>${s.device ? `<dt>设备</dt><dd>${esc(s.device)}</dd>` : ''}${s.engineer ? `<dt>服务工程师</dt><dd>${esc(s.engineer)}</dd>` : ''}<dt>完成时间</dt><dd>${esc(formatTime(s.resolvedAt, p.timeZone))}</dd></dl>
${s.description ? `<h2>问题描述</h2><div class="pre">${esc(s.description)}</div>` : ''}
<h2>处理结果</h2><div class="pre" id="resolution">${esc(s.resolution ?? '—')}</div>${work}${photos}${parts}</section>
<section class="card" id="choose"><p style="margin-top:0">请确认本次服务是否已解决您的问题：</p>
<div class="actions"><button type="button" class="ok" id="yes">问题已解决</button><button type="button" class="no" id="no">未解决</button></div>
<p class="muted">链接有效期至 ${esc(formatTime(p.expiresAt, p.timeZone))}，提交后即失效。</p></section>
<form class="card" id="sign" hidden novalidate><div class="row"><label for="pad" style="margin:0">请在下方签名</label><button type="button" class="link" id="clear">清除重签</button></div>
<canvas id="pad" aria-label="签名区"></canvas>
<label for="signer">签字人姓名</label><input id="signer" name="signer" maxlength="50" autocomplete="name" required>
<label id="rate-label">服务满意度</label><div class="stars" role="radiogroup" aria-labelledby="rate-label">${[1, 2, 3, 4, 5].map((n) => `<button type="button" role="radio" aria-checked="false" aria-label="${n} 分" data-v="${n}">★</button>`).join('')}</div>
<label for="comment">意见或建议（选填）</label><textarea id="comment" rows="3" maxlength="1000"></textarea>
<div class="err" id="sign-err" role="alert"></div><button type="submit" class="primary">确认并提交</button>
<button type="button" class="link back">返回</button></form>
<form class="card" id="reject" hidden novalidate><label for="reason">请说明哪里还没有解决</label><textarea id="reason" rows="4" maxlength="1000" required></textarea>
<div class="err" id="reject-err" role="alert"></div><button type="submit" class="primary" style="background:#d54941">提交“未解决”</button>
<button type="button" class="link back">返回</button></form>
<section class="card notice" id="done" hidden role="status"></section>
</main><script id="gd-data" type="application/json">${jsonForScript({ snapshotSha256: p.snapshotSha256 })}</script>
<script src="${esc(p.scriptUrl)}" defer></script></body></html>`;
}

export type NoticeKind = 'invalid' | 'used' | 'expired' | 'revoked' | 'not_awaiting' | 'confirmed' | 'rejected';

const NOTICES: Record<NoticeKind, { icon: string; title: string; body: string }> = {
  invalid: { icon: '⚠️', title: '链接无效', body: '此确认链接不存在或已损坏。请向服务工程师索取新的二维码。' },
  used: { icon: '✅', title: '此链接已使用', body: '本次服务已提交过确认，无需重复操作。' },
  expired: { icon: '⌛', title: '链接已过期', body: '此确认链接已过期。请联系服务工程师或客服重新发送。' },
  revoked: { icon: '🔁', title: '链接已作废', body: '已为本工单生成了新的确认链接，请使用最新的二维码。' },
  not_awaiting: { icon: 'ℹ️', title: '工单当前无需确认', body: '该工单的状态已变化，当前不需要您确认。如有疑问请联系客服。' },
  confirmed: { icon: '✅', title: '感谢您的确认', body: '工单已关闭。您可以查看或打印服务报告。' },
  rejected: { icon: '📨', title: '已收到您的反馈', body: '工单已重新打开，调度员会尽快与您联系。' },
};

/** A clear message page for links that cannot (or can no longer) be used; nothing changes. */
export function renderNoticePage(kind: NoticeKind, extra: { reportUrl?: string | null } = {}): string {
  const n = NOTICES[kind];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${esc(n.title)}</title><style>${CSS}</style></head><body><main>
<header><b>工</b><span>服务确认</span></header><section class="card notice" data-notice="${kind}"><div class="big">${n.icon}</div><h1>${esc(n.title)}</h1><p>${esc(n.body)}</p>
${extra.reportUrl ? `<p><a href="${esc(extra.reportUrl)}">查看服务报告</a></p>` : ''}</section></main></body></html>`;
}
