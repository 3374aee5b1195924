/**
 * SLA administration and the notification centre in a real Chromium against a real server:
 * the calendar month with 2026's holidays and the 调休 Saturday, an added exception, a pasted
 * year; a policy grid row edited with an added escalation level; a WeCom robot's test message
 * delivered to a local receiver; the bell updating live; saved views and keyboard use of the
 * board. Screenshots (zh-CN) go to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FakeRobotReceiver } from '../../server/src/chat-robots/fake-robot-receiver.ts';
import { enqueueOutbox } from '../../server/src/jobs/outbox.repository.ts';
import { insertTodoOnce } from '../../server/src/notifications/todo.repository.ts';
import { addTicketFlag } from '../../server/src/sla/ticket-sla.repository.ts';
import { recomputeOpenSla } from '../../server/src/sla/recompute-sla.job.ts';
import { NOTIFY_DELIVER_TOPIC, type NotifyDeliverPayload } from '../../server/src/notifications/notify-deliver.handler.ts';
import type { HttpClient } from '../../server/src/testing/http-client.ts';
import type { TestWorld } from '../../server/src/testing/test-server.ts';
import { ensureBuilt, launch, SCREENSHOTS, settle, signIn, signOut, startWorld, type Browser } from './desk-world.ts';

let w: TestWorld;
let b: Browser;
let admin: HttpClient;
let receiver: FakeRobotReceiver;
let ticketId = '';
const shot = async (name: string) => {
  await settle(b.page);
  await b.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
};
const kindOf = (date: string) => b.page.getByTestId(`day-${date}`).getAttribute('data-kind');

describe('SLA administration in Chromium', () => {
  before(async () => {
    ensureBuilt();
    w = await startWorld();
    admin = await w.as('admin');
    const d = await w.as('dispatcher');
    const created = await d.post('/api/v1/tickets', { title: '冷库压缩机漏水', customerId: w.customers.a, priority: 'urgent', faultType: 'water_leak', assigneeId: w.users.engineer.id, teamId: w.teams.a });
    assert.equal(created.status, 201, created.text);
    ticketId = created.body.id;
    assert.equal((await d.post('/api/v1/tickets', { title: '打印机卡纸', customerId: w.customers.b, priority: 'low' })).status, 201);
    receiver = await new FakeRobotReceiver('wecom', 'e2e-key-0001', null).start();
    b = await launch();
    await signIn(b.page, w.url, 'admin@test.local');
    await b.page.waitForURL(/\/tickets/);
  }, { timeout: 90_000 });

  after(async () => {
    await b?.close();
    await receiver?.stop();
    await w?.stop();
  });

  test('calendar month: 2026 Spring Festival holidays and the make-up Saturday 2026-02-14 are marked; an exception is added', async () => {
    const { page } = b;
    await page.goto(`${w.url}/admin/sla`);
    await page.getByTestId('coverage-banner').waitFor();
    assert.match(await page.getByTestId('coverage-banner').innerText(), /2027/, 'the banner names the year without official data');
    const now = new Date();
    const back = (now.getFullYear() - 2026) * 12 + now.getMonth() - 1;
    for (let i = 0; i < back; i++) await page.getByRole('button', { name: '上个月' }).click();
    await page.getByTestId('day-2026-02-14').waitFor();
    assert.equal(await kindOf('2026-02-14'), 'makeup_workday');
    assert.equal(await kindOf('2026-02-17'), 'holiday');
    assert.equal(await kindOf('2026-02-28'), 'makeup_workday');
    assert.equal(await kindOf('2026-02-07'), 'weekend');
    assert.equal(await kindOf('2026-02-25'), 'workday');
    await shot('sla-calendar-month');

    await page.getByTestId('day-2026-02-25').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('类型').click();
    await page.getByTitle('公司停工（休息）').click();
    await dialog.getByLabel('名称').fill('年度盘点');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="day-2026-02-25"]')?.getAttribute('data-kind') === 'closure');
    const cal = (await admin.get('/api/v1/calendars/default')).body as { exceptions: { date: string; kind: string; name?: string }[] };
    assert.deepEqual(cal.exceptions.find((e) => e.date === '2026-02-25'), { date: '2026-02-25', kind: 'closure', name: '年度盘点' });
    assert.equal(await kindOf('2026-02-14'), 'makeup_workday', 'the edit keeps the statutory layer');
  });

  test('pasting 2027 State Council dates imports them and vouches for the year', async () => {
    const { page } = b;
    await page.getByRole('button', { name: '导入全年日期' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('年份').fill('2027');
    await dialog.getByLabel('日期列表').fill('2027-01-01 元旦\n2027-02-06~2027-02-12 春节\n2027-02-14 春节调休 班');
    await shot('sla-calendar-import');
    await dialog.getByRole('button', { name: /导\s*入/ }).click();
    await dialog.waitFor({ state: 'detached' });
    for (let i = 0; i < 12; i++) await page.getByRole('button', { name: '下个月' }).click();
    await page.getByTestId('day-2027-02-14').waitFor();
    assert.equal(await kindOf('2027-02-14'), 'makeup_workday');
    assert.equal(await kindOf('2027-02-08'), 'holiday');
    const cal = (await admin.get('/api/v1/calendars/default')).body as { effectiveCoverage: number[] };
    assert.ok(cal.effectiveCoverage.includes(2026) && cal.effectiveCoverage.includes(2027));
    // Both years vouched for, no open deadline beyond: the admins' banner is gone.
    await page.getByTestId('coverage-banner').waitFor({ state: 'detached' });
  });

  test('policy grid: a row is edited and gets another escalation level', async () => {
    const { page } = b;
    await page.getByRole('tab', { name: 'SLA 策略' }).click();
    await page.getByTestId('policy-grid').waitFor();
    // 试一试: which row a VIP ticket with a whole production line down gets, and why.
    await page.getByLabel('客户等级').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('VIP', { exact: true }).click();
    await page.getByLabel('影响范围').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('整条产线').click();
    await page.getByRole('button', { name: '试一试' }).click();
    assert.match(await page.getByTestId('match-result').innerText(), /VIP · 产线级故障：客户等级 VIP ∈ \{VIP\}，影响范围 line ∈ \{line\}/);
    await shot('sla-policy-grid');
    await page.getByRole('button', { name: '编辑 VIP · 单台设备' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('首次响应时限（分钟）').fill('45');
    await drawer.getByRole('button', { name: '添加升级级别' }).click();
    await drawer.getByLabel('L4 超时后分钟').fill('90');
    await shot('sla-policy-edit');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.waitFor({ state: 'detached' });
    const vip = ((await admin.get('/api/v1/sla/policies')).body.items as { id: string; targets: { first_response: { minutes: number } }; levels: { id: string; trigger: unknown }[] }[]).find((p) => p.id === 'vip')!;
    assert.equal(vip.targets.first_response.minutes, 45);
    assert.deepEqual(vip.levels.map((l) => l.id), ['warning', 'L1', 'L2', 'L3', 'L4']);
    assert.deepEqual(vip.levels[4]!.trigger, { at: 'after_breach', minutes: 90 });
    await page.getByTestId('policy-grid').getByText('45 分钟 · 工作时间 · 75% 预警').waitFor();
  });

  test('a WeCom robot connected in the UI gets the test message; the verdict shows success', async () => {
    const { page } = b;
    await page.getByRole('tab', { name: '群机器人' }).click();
    await page.getByRole('button', { name: '连接群机器人' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('深圳售后群');
    await dialog.getByLabel('Webhook 地址').fill(receiver.url);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '发送测试消息' }).click();
    await page.getByTestId('robot-test-result').getByText(/发送成功/).waitFor({ timeout: 15_000 });
    assert.equal(receiver.received.length, 1);
    assert.match(receiver.received[0]!.text, /测试/);
    await shot('sla-chat-robots');
  });

  test('the bell counts a new notification live, without a reload; reading it clears the count', async () => {
    const { page } = b;
    await page.goto(`${w.url}/tickets/${ticketId}`);
    await page.getByTestId('sla-panel').waitFor();
    assert.match(await page.getByTestId('sla-why').innerText(), /为何适用此 SLA：.*VIP/);
    await shot('ticket-sla-panel');
    const badge = () => page.getByTestId('notification-bell').getAttribute('aria-label');
    assert.equal(await badge(), '通知，0 条未读');
    const payload: NotifyDeliverPayload = {
      notificationId: 'e2e-notification-1', userId: w.users.admin.id, kind: 'sla.level', ticketId,
      title: '【SLA 三级升级】冷库压缩机漏水', body: '解决时限已超出 200%，已插红旗。',
    };
    await enqueueOutbox(w.ctx.database.db, new Date(), [{ topic: NOTIFY_DELIVER_TOPIC, aggregateId: w.users.admin.id, payload }]);
    w.ctx.nudgeOutbox();
    await page.waitForFunction(() => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') === '通知，1 条未读', undefined, { timeout: 10_000 });
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-list').getByText('【SLA 三级升级】冷库压缩机漏水').waitFor();
    await shot('notification-bell');
    await page.getByTestId('notification-list').getByRole('button', { name: '全部标为已读' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') === '通知，0 条未读');
    await page.keyboard.press('Escape');
  });

  test('the operations board lists the red-flagged ticket; 我的待办 lists a to-do that can be completed', async () => {
    const { page } = b;
    // What the L3 level and the L2 level write when they fire (the firing itself is tested in sla-engine.api.test.ts).
    const at = new Date().toISOString();
    assert.ok(await addTicketFlag(w.ctx.database.db, ticketId, 'sla_red', 'L3: 解决时限超出 200%', 'sla', at));
    assert.ok(await insertTodoOnce(w.ctx.database.db, {
      id: 'e2e-todo-1', user_id: w.users.admin.id, ticket_id: ticketId, kind: 'sla.l2', title: '跟进超时工单：冷库压缩机漏水',
      due_at: new Date(Date.now() + 4 * 3_600_000).toISOString(), done_at: null, created_by: 'sla', created_at: at,
    }));
    await page.goto(`${w.url}/ops`);
    await page.getByTestId('ops-board').getByText('冷库压缩机漏水').waitFor();
    assert.equal(await page.getByTestId('ops-board').getByTestId('ticket-link').count(), 1, 'only the flagged ticket');
    await shot('ops-board');
    await page.goto(`${w.url}/todos`);
    await page.getByTestId('todo-list').getByText('跟进超时工单：冷库压缩机漏水').waitFor();
    await shot('todos');
    await page.getByTestId('todo-list').getByRole('button', { name: /完\s*成/ }).click();
    await page.getByTestId('todo-list').getByText('跟进超时工单：冷库压缩机漏水').waitFor({ state: 'detached' });
  });

  test('saved views: a built-in view from the server, the current filters saved as a view, then deleted', async () => {
    const { page } = b;
    await signOut(page);
    await signIn(page, w.url, 'dispatcher@test.local');
    await page.waitForURL(/\/tickets$/);
    const views = page.getByTestId('saved-views');
    // 即将超时 lists open tickets whose SLA is in warning or breached, next due first. Neither
    // ticket is yet: let the printer one have started 30 days ago (its clock's runs moved back),
    // and re-plan it as a policy edit would, so its keys and deadlines are the engine's own.
    const db = w.ctx.database.db;
    const printer = (await db.selectFrom('tickets').select('id').where('title', '=', '打印机卡纸').executeTakeFirstOrThrow()).id;
    const sla = await db.selectFrom('ticket_sla').select(['state', 'policy_id']).where('ticket_id', '=', printer).executeTakeFirstOrThrow();
    const state = JSON.parse(sla.state) as { clocks: { runs: [number, number | null][] }[] };
    for (const c of state.clocks) c.runs = c.runs.map(([a, e]) => [a - 30 * 86_400_000, e === null ? null : e - 30 * 86_400_000]);
    await db.updateTable('ticket_sla').set({ state: JSON.stringify(state) }).where('ticket_id', '=', printer).execute();
    await recomputeOpenSla(w.ctx, { policyId: sla.policy_id });
    await views.getByRole('tab', { name: '即将超时' }).click({ timeout: 30_000 });
    await page.waitForURL(/view=builtin%3Adue-soon/);
    assert.match(page.url(), /slaState=warning%2Cbreached/);
    assert.match(page.url(), /sort=sla_due/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="ticket-link"]').length === 1);
    await page.getByText('打印机卡纸').waitFor();
    await page.getByTestId('sla-badge').getByText(/已超时/).waitFor();
    await shot('board-due-soon');
    await page.goto(`${w.url}/tickets?priority=urgent`);
    await page.getByText('冷库压缩机漏水').waitFor();
    await page.getByRole('button', { name: '保存为视图' }).click();
    await page.getByRole('dialog').getByLabel('视图名称').fill('紧急工单');
    await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await views.getByRole('tab', { name: '紧急工单' }).waitFor();
    await page.waitForURL(/view=/);
    await shot('board-saved-views');
    await page.reload();
    await views.getByRole('tab', { name: '全部工单' }).click();
    await page.getByText('打印机卡纸').waitFor();
    await views.getByRole('tab', { name: '紧急工单' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="ticket-link"]').length === 1);
    await views.locator('.ant-tabs-tab', { hasText: '紧急工单' }).locator('.ant-tabs-tab-remove').click();
    await page.getByRole('button', { name: /删\s*除/ }).click();
    await views.getByRole('tab', { name: '紧急工单' }).waitFor({ state: 'detached' });
  });

  test('working hours for notifications are set on the profile page and saved for the SLA notifier', async () => {
    const { page } = b;
    await page.goto(`${w.url}/profile`);
    const card = page.getByTestId('notification-settings');
    await card.getByRole('switch', { name: '只在工作时间提醒非紧急事项' }).click();
    await card.getByLabel('工作时段').fill('09:00-12:00, 13:30-18:00');
    await card.getByLabel('企业微信 userid（群机器人 @ 你）').fill('lilei');
    await card.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('通知设置已保存').waitFor();
    const me = await w.as('dispatcher');
    const saved = (await me.get('/api/v1/me/notification-settings')).body as { workingHours: { weekly: { start: string; end: string }[][]; holidays: string } | null; wecomUserId: string | null };
    assert.equal(saved.wecomUserId, 'lilei');
    assert.equal(saved.workingHours?.holidays, 'cn');
    assert.deepEqual(saved.workingHours?.weekly.map((d) => d.length), [0, 2, 2, 2, 2, 2, 0], 'Monday to Friday, lunch break kept');
    await card.getByLabel('工作时段').fill('9点到6点');
    await card.getByRole('button', { name: /保\s*存/ }).click();
    await card.getByText('请按“09:00-12:00, 13:30-18:00”填写').waitFor();
  });

  test('keyboard: arrow keys move the focused row, Enter opens it; every board input has a label', async () => {
    const { page } = b;
    await page.goto(`${w.url}/tickets`);
    await page.getByTestId('ticket-link').nth(1).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-row-id'));
    const second = await page.locator('[data-row-id]').nth(1).getAttribute('data-row-id');
    assert.equal(focused, second, 'the second row has the focus');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/tickets/${second}$`));
    await page.goto(`${w.url}/tickets`);
    await page.getByTestId('board-filters').waitFor();
    const unlabeled = await page.evaluate(() => [...document.querySelectorAll('input, textarea, select')].filter((el) => {
      if ((el as HTMLInputElement).type === 'hidden') return false;
      const id = el.getAttribute('id');
      return !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') && !(id && document.querySelector(`label[for="${CSS.escape(id)}"]`)) && !el.closest('label');
    }).map((el) => el.outerHTML.slice(0, 120)));
    assert.deepEqual(unlabeled, []);
    assert.deepEqual(b.errors, []);
  });
});
