import assert from 'node:assert/strict';
import type { HttpClient } from '../testing/http-client.ts';
import type { TestWorld } from '../testing/test-server.ts';

/** Opens a ticket assigned to `engineer` and walks it to resolved with the given resolution. */
export async function resolvedTicket(
  w: TestWorld, d: HttpClient, e: HttpClient,
  t: { title: string; description: string; resolution: string; deviceId?: string; faultType?: string },
): Promise<{ id: string; number: string }> {
  const created = await d.post('/api/v1/tickets', {
    title: t.title, description: t.description, customerId: w.customers.a, assigneeId: w.users.engineer.id, teamId: w.teams.a,
    ...(t.deviceId ? { deviceId: t.deviceId } : {}), ...(t.faultType ? { faultType: t.faultType } : {}),
  });
  assert.equal(created.status, 201, created.text);
  for (const [to, extra] of [['accepted', {}], ['in_progress', {}], ['resolved', { fields: { resolution: t.resolution }, customFields: { fault_photo: ['p1'], result: 'resolved' } }]] as const) {
    const r = await e.post(`/api/v1/tickets/${created.body.id}/transitions`, { to, ...extra });
    assert.equal(r.status, 200, `${to}: ${r.text}`);
  }
  return created.body as { id: string; number: string };
}

/** Polls until `check` holds (the index is updated by the outbox after commit). */
export async function eventually<T>(what: string, probe: () => Promise<T>, check: (v: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  let last: T = await probe();
  while (!check(last)) {
    if (Date.now() > until) assert.fail(`${what}: condition not met in ${ms} ms; last value ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await probe();
  }
  return last;
}
