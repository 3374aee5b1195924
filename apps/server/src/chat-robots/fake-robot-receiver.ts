import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RobotKind } from '@gongdan/domain/notify/robot-message';

/** One request the receiver accepted, after checking signature and payload shape. */
export interface ReceivedMessage {
  at: number;
  url: URL;
  body: Record<string, any>;
  /** Text of the message, whatever the msgtype. */
  text: string;
}

/**
 * A local stand-in for a WeCom / DingTalk / Feishu robot endpoint (127.0.0.1 only). It checks
 * what the real platform checks — the key, the DingTalk query signature, the Feishu body
 * signature, timestamps within 1 h, payload shape — with node:crypto computed independently of
 * the code under test, and answers like the platform: HTTP 200 with errcode / code in the body.
 * `failNext` scripts error answers (e.g. {"errcode":45009}) for the next requests.
 */
export class FakeRobotReceiver {
  readonly received: ReceivedMessage[] = [];
  readonly rejected: { reason: string; body: string }[] = [];
  readonly failNext: Record<string, unknown>[] = [];
  private server: Server | null = null;
  url = '';

  constructor(readonly kind: RobotKind, readonly credential: string, readonly secret: string | null, private readonly nowMs: () => number = Date.now) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const answer = (o: unknown) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(o));
        };
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const reason = req.method !== 'POST' ? 'method' : this.check(url, raw);
        if (reason) {
          this.rejected.push({ reason, body: raw });
          return answer(this.kind === 'feishu' ? { code: 19021, msg: reason } : { errcode: 310000, errmsg: reason });
        }
        const scripted = this.failNext.shift();
        if (scripted) return answer(scripted);
        const body = JSON.parse(raw) as Record<string, any>;
        this.received.push({ at: this.nowMs(), url, body, text: textOf(body) });
        return answer(this.kind === 'feishu' ? { code: 0, msg: 'success', data: {} } : { errcode: 0, errmsg: 'ok' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const port = (this.server.address() as AddressInfo).port;
    this.url = {
      wecom: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=${this.credential}`,
      dingtalk: `http://127.0.0.1:${port}/robot/send?access_token=${this.credential}`,
      feishu: `http://127.0.0.1:${port}/open-apis/bot/v2/hook/${this.credential}`,
    }[this.kind];
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Null when the request is what the platform accepts, else why not. */
  private check(url: URL, raw: string): string | null {
    let body: Record<string, any>;
    try {
      body = JSON.parse(raw) as Record<string, any>;
    } catch {
      return 'body is not JSON';
    }
    const hourMs = 3_600_000;
    switch (this.kind) {
      case 'wecom': {
        if (url.pathname !== '/cgi-bin/webhook/send' || url.searchParams.get('key') !== this.credential) return 'bad key';
        if (body.msgtype === 'text') {
          if (typeof body.text?.content !== 'string' || Buffer.byteLength(body.text.content) > 2048) return 'bad text';
          for (const k of ['mentioned_list', 'mentioned_mobile_list']) if (body.text[k] !== undefined && !Array.isArray(body.text[k])) return `bad ${k}`;
          return null;
        }
        if (body.msgtype === 'markdown') return typeof body.markdown?.content === 'string' && Buffer.byteLength(body.markdown.content) <= 4096 ? null : 'bad markdown';
        return 'bad msgtype';
      }
      case 'dingtalk': {
        if (url.pathname !== '/robot/send' || url.searchParams.get('access_token') !== this.credential) return 'bad access_token';
        if (this.secret) {
          const ts = url.searchParams.get('timestamp') ?? '';
          const sign = url.searchParams.get('sign') ?? '';
          if (!/^\d{13}$/.test(ts) || Math.abs(this.nowMs() - Number(ts)) > hourMs) return 'timestamp not in ms or not within 1 h';
          const expected = createHmac('sha256', this.secret).update(`${ts}\n${this.secret}`).digest('base64');
          if (!safeEq(sign, expected)) return 'sign not match';
          // The raw query must carry the URL-encoded form (base64 has + / =).
          if (!url.search.includes(`sign=${encodeURIComponent(expected)}`)) return 'sign not URL-encoded';
        }
        if (!body.at || !Array.isArray(body.at.atMobiles) || !Array.isArray(body.at.atUserIds) || typeof body.at.isAtAll !== 'boolean') return 'bad at';
        if (body.msgtype === 'text') return typeof body.text?.content === 'string' ? null : 'bad text';
        if (body.msgtype === 'markdown') return typeof body.markdown?.title === 'string' && typeof body.markdown?.text === 'string' ? null : 'bad markdown';
        return 'bad msgtype';
      }
      case 'feishu': {
        if (!url.pathname.endsWith(`/hook/${this.credential}`)) return 'bad hook';
        if (Buffer.byteLength(raw) > 20 * 1024) return 'body over 20 KB';
        if (this.secret) {
          if (typeof body.timestamp !== 'string' || !/^\d{10}$/.test(body.timestamp)) return 'timestamp not seconds string';
          if (Math.abs(this.nowMs() / 1000 - Number(body.timestamp)) > 3600) return 'timestamp not within 1 h';
          const expected = createHmac('sha256', `${body.timestamp}\n${this.secret}`).update('').digest('base64');
          if (typeof body.sign !== 'string' || !safeEq(body.sign, expected)) return 'sign match fail';
        }
        return body.msg_type === 'text' && typeof body.content?.text === 'string' ? null : 'bad text';
      }
    }
  }
}

function safeEq(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function textOf(body: Record<string, any>): string {
  return String(body.text?.content ?? body.markdown?.content ?? body.markdown?.text ?? body.content?.text ?? '');
}
