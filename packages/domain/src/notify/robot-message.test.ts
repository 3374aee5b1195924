import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { Hmac } from '../shared/crypto.ts';
import { buildRobotRequest, type RobotMessage } from './robot-message.ts';
import { interpretRobotResponse } from './robot-response.ts';
import { decideRobotSend, ROBOT_RATE_LIMITS } from './robot-rate-limit.ts';

const hmac: Hmac = (key, message) => createHmac('sha256', key).update(message, 'utf8').digest('hex');
const li = { name: '李雷', mobile: '13800001111', wecomUserId: 'lilei', dingtalkUserId: 'ding-li', feishuUserId: 'ou_li' };
const msg: RobotMessage = { title: '【SLA 一级升级】GD-20261125-0001 空调不制冷', text: '首次响应时限已超时。', mentions: [li] };
const NOW = Date.UTC(2026, 10, 25, 2, 0, 0, 123);

test('WeCom: text with mentioned_mobile_list and mentioned_list when someone is pinged, markdown otherwise; URL untouched', () => {
  const r = buildRobotRequest({ kind: 'wecom', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K', secret: null }, msg, NOW, hmac);
  assert.equal(r.url, 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K');
  assert.deepEqual(JSON.parse(r.body), { msgtype: 'text', text: { content: `${msg.title}\n${msg.text}`, mentioned_list: ['lilei'], mentioned_mobile_list: ['13800001111'] } });
  const md = JSON.parse(buildRobotRequest({ kind: 'wecom', webhookUrl: 'u', secret: null }, { ...msg, mentions: [] }, NOW, hmac).body);
  assert.equal(md.msgtype, 'markdown');
  assert.match(md.markdown.content, /^\*\*【SLA/);
  const long = JSON.parse(buildRobotRequest({ kind: 'wecom', webhookUrl: 'u', secret: null }, { ...msg, text: '长'.repeat(3000) }, NOW, hmac).body);
  assert.ok(Buffer.byteLength(long.text.content) <= 2048);
});

test('DingTalk: signed query appended, at.atMobiles/atUserIds and the @number in the content', () => {
  const secret = 'SECtest';
  const r = buildRobotRequest({ kind: 'dingtalk', webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=T', secret }, msg, NOW, hmac);
  const u = new URL(r.url);
  assert.equal(u.searchParams.get('access_token'), 'T');
  assert.equal(u.searchParams.get('timestamp'), String(NOW));
  assert.equal(u.searchParams.get('sign'), createHmac('sha256', secret).update(`${NOW}\n${secret}`).digest('base64'));
  const body = JSON.parse(r.body);
  assert.equal(body.msgtype, 'text');
  assert.deepEqual(body.at, { atMobiles: ['13800001111'], atUserIds: ['ding-li'], isAtAll: false });
  assert.match(body.text.content, /@13800001111/);
  const unsigned = buildRobotRequest({ kind: 'dingtalk', webhookUrl: 'https://x/robot/send?access_token=T', secret: null }, msg, NOW, hmac);
  assert.equal(unsigned.url, 'https://x/robot/send?access_token=T');
});

test('Feishu: timestamp (seconds, string) and sign in the body, <at user_id> mentions', () => {
  const r = buildRobotRequest({ kind: 'feishu', webhookUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc', secret: 'fs' }, msg, NOW, hmac);
  assert.equal(r.url, 'https://open.feishu.cn/open-apis/bot/v2/hook/abc');
  const body = JSON.parse(r.body);
  const s = Math.floor(NOW / 1000);
  assert.equal(body.timestamp, String(s));
  assert.equal(body.sign, createHmac('sha256', `${s}\nfs`).update('').digest('base64'));
  assert.equal(body.msg_type, 'text');
  assert.match(body.content.text, /<at user_id="ou_li">李雷<\/at>/);
  const noId = JSON.parse(buildRobotRequest({ kind: 'feishu', webhookUrl: 'u', secret: null }, { ...msg, mentions: [{ ...li, feishuUserId: null }] }, NOW, hmac).body);
  assert.equal(noId.sign, undefined);
  assert.match(noId.content.text, /@李雷/);
});

test('responses: the body decides, not the status', () => {
  assert.deepEqual(interpretRobotResponse('wecom', 200, '{"errcode":0,"errmsg":"ok"}'), { kind: 'delivered' });
  const throttled = interpretRobotResponse('wecom', 200, '{"errcode":45009,"errmsg":"api freq out of limit"}');
  assert.equal(throttled.kind, 'failed');
  assert.equal(throttled.kind === 'failed' && throttled.code, 'errcode:45009');
  assert.equal(throttled.kind === 'failed' && throttled.throttledForMs, 60_000);
  const ding = interpretRobotResponse('dingtalk', 200, '{"errcode":130101,"errmsg":"send too fast"}');
  assert.equal(ding.kind === 'failed' && ding.throttledForMs, 600_000);
  assert.deepEqual(interpretRobotResponse('feishu', 200, '{"code":0,"msg":"success"}'), { kind: 'delivered' });
  assert.deepEqual(interpretRobotResponse('feishu', 200, '{"StatusCode":0}'), { kind: 'delivered' });
  const bad = interpretRobotResponse('feishu', 200, '{"code":9499,"msg":"Bad Request"}');
  assert.equal(bad.kind === 'failed' && bad.code, 'code:9499');
  assert.equal(bad.kind === 'failed' && bad.throttledForMs, null);
  assert.equal(interpretRobotResponse('wecom', 200, '<html>').kind, 'failed');
  assert.equal(interpretRobotResponse('wecom', 200, '{}').kind, 'failed');
  assert.equal(interpretRobotResponse('dingtalk', 502, '{"errcode":0}').kind, 'failed');
  assert.equal(interpretRobotResponse('feishu', null, '', 'ECONNREFUSED').kind, 'failed');
});

test('rate limits: 20/min for WeCom, the 21st waits until the oldest leaves the window', () => {
  const limits = ROBOT_RATE_LIMITS.wecom;
  const sent = Array.from({ length: 20 }, (_, i) => NOW + i * 1000);
  assert.deepEqual(decideRobotSend(limits, sent.slice(0, 19), NOW + 19_000), { kind: 'send' });
  assert.deepEqual(decideRobotSend(limits, sent, NOW + 20_000), { kind: 'wait', untilMs: NOW + 60_000 });
  assert.deepEqual(decideRobotSend(limits, sent, NOW + 60_000), { kind: 'send' });
  assert.deepEqual(decideRobotSend(limits, [], NOW), { kind: 'send' });
});

test('rate limits: Feishu also allows only 5 per second', () => {
  const limits = ROBOT_RATE_LIMITS.feishu;
  const burst = [NOW, NOW + 10, NOW + 20, NOW + 30, NOW + 40];
  assert.deepEqual(decideRobotSend(limits, burst, NOW + 50), { kind: 'wait', untilMs: NOW + 1000 });
  const minute = Array.from({ length: 100 }, (_, i) => NOW + i * 500);
  assert.deepEqual(decideRobotSend(limits, minute, NOW + 50_000), { kind: 'wait', untilMs: NOW + 60_000 });
});
