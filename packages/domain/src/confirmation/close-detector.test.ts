import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSuspiciousCloses, type ClosingEvent } from './close-detector.ts';

const at = (s: number) => new Date(Date.UTC(2026, 10, 20, 8, 0, 0) + s * 1000).toISOString();
const ev = (ticketId: string, s: number, transition: string, status: string, actor: string, extra: Partial<ClosingEvent> = {}): ClosingEvent => ({
  ticketId, at: at(s), actorKind: 'user', actorId: actor, actorName: actor, deviceId: null, transition, status, ...extra,
});

test('fast closes, same-device and on-device confirmations are flagged; normal ones are not', () => {
  const events: ClosingEvent[] = [
    ev('fast', 0, 'resolve', 'resolved', 'eng', { deviceId: 'phone-1' }),
    ev('fast', 1, 'request_confirmation', 'awaiting_confirmation', 'system', { actorKind: 'system' }),
    ev('fast', 9, 'review_close', 'closed', 'sup'),
    ev('slow', 0, 'resolve', 'resolved', 'eng'),
    ev('slow', 3600, 'confirm', 'closed', 'link1', { actorKind: 'customer_link', method: 'customer_link', deviceId: 'customer-phone' }),
    ev('own', 0, 'resolve', 'resolved', 'eng', { deviceId: 'phone-1' }),
    ev('own', 400, 'confirm', 'closed', 'link2', { actorKind: 'customer_link', method: 'customer_link', deviceId: 'phone-1' }),
    ev('dev', 0, 'resolve', 'resolved', 'eng2'),
    ev('dev', 500, 'confirm', 'closed', 'link3', { actorKind: 'customer_link', method: 'on_device' }),
  ];
  const found = detectSuspiciousCloses(events);
  assert.deepEqual(found.map((f) => [f.ticketId, f.reasons.map((r) => r.kind)]), [['fast', ['fast_close']], ['own', ['same_device']], ['dev', ['on_device']]]);
});

test('a run of closes by one person inside the window is flagged, spread-out closes are not', () => {
  const events: ClosingEvent[] = [];
  for (let i = 0; i < 4; i++) {
    events.push(ev(`b${i}`, 0, 'resolve', 'resolved', 'eng'), ev(`b${i}`, 3000 + i * 60, 'review_close', 'closed', 'sup'));
    events.push(ev(`s${i}`, 0, 'resolve', 'resolved', 'eng'), ev(`s${i}`, 10_000 + i * 3600, 'review_close', 'closed', 'sup2'));
  }
  const found = detectSuspiciousCloses(events, { fastCloseSeconds: 15, bulkCloseCount: 4, bulkWindowMinutes: 10 });
  assert.deepEqual(found.map((f) => f.ticketId).sort(), ['b0', 'b1', 'b2', 'b3']);
  assert.ok(found.every((f) => f.reasons.some((r) => r.kind === 'bulk_close' && r.count === 4)));
});
