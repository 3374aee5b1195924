/** Pieces the benchmark scripts share (bench:api, api-cpu, bench:board). */
import { createServer } from 'node:net';

/** A free loopback port for a child server. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** The ticket every create scenario posts: a realistic, fully filled repair request (~700 bytes). */
export function benchCreateBody(device: { id: string; customer_id: string }, teamId: string): string {
  return JSON.stringify({
    type: 'repair', title: '三楼会议室空调不制冷，吹自然风',
    description: '客户反映三楼大会议室的柜式空调开机后只吹自然风，不制冷，已经持续两天。室外机运转声音正常，'
      + '遥控器显示设定 24℃ 制冷模式。下午两点有重要会议，希望工程师中午前到场检查冷媒压力与滤网，如需更换配件请提前电话告知报价。'
      + '联系人在一楼前台等候，进场需登记身份证。',
    customerId: device.customer_id, deviceId: device.id, teamId, faultType: 'no_cooling', impactScope: 'single_device',
    priority: 'high', channel: 'phone', contactName: '何经理', contactPhone: '13800138000', customFields: {},
  });
}
