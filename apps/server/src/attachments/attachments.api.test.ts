import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import type { HttpClient } from '../testing/http-client.ts';
import { testTargets } from '../testing/test-database.ts';
import { startTestWorld, type TestWorld } from '../testing/test-server.ts';

/** A real, decodable PNG: signature, IHDR, one IDAT of a width×height RGB image, IEND. */
function png(width: number, height: number, seed = 0): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width * 3; x++) raw[y * (width * 3 + 1) + 1 + x] = (x * 7 + y * 13 + seed) & 0xff;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

function form(bytes: Uint8Array, filename: string, visibility?: 'public' | 'internal', type = 'application/octet-stream'): FormData {
  const f = new FormData();
  // Fields before the file, as browsers send them, so the server sees them when the file arrives.
  if (visibility) f.append('visibility', visibility);
  f.append('file', new Blob([bytes], { type }), filename);
  return f;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Uploads and downloads over HTTP with a 1 MB upload limit. */
for (const target of testTargets()) {
  describe(`attachments API over HTTP on ${target.name}`, () => {
    let w: TestWorld;
    let e: HttpClient;
    let ticketId: string;
    const upload = (c: HttpClient, fd: FormData, id = ticketId) => c.request('POST', `/api/v1/tickets/${id}/attachments`, { raw: fd });
    const download = async (c: HttpClient, url: string) => {
      const res = await fetch(w.url + url, { headers: c.cookie ? { cookie: c.cookie } : {} });
      return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const attachmentCount = async () => Number((await w.ctx.database.db.selectFrom('attachments')
      .select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    before(async () => {
      w = await startTestWorld(target, { env: { GONGDAN_MAX_UPLOAD_MB: '1' } });
      e = await w.as('engineer');
      const d = await w.as('dispatcher');
      const t = await d.post('/api/v1/tickets', { title: '附件测试', customerId: w.customers.a, teamId: w.teams.a, assigneeId: w.users.engineer.id });
      assert.equal(t.status, 201, t.text);
      ticketId = t.body.id;
    });
    after(async () => { await w?.stop(); });

    test('a real PNG uploads (201, sha256 of its bytes) and downloads byte for byte with nosniff', async () => {
      const bytes = png(16, 12);
      const r = await upload(e, form(bytes, '现场照片.png', 'public', 'image/png'));
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.sha256, sha256(bytes));
      assert.equal(r.body.size, bytes.length);
      assert.equal(r.body.contentType, 'image/png');
      assert.equal(r.body.filename, '现场照片.png');
      assert.equal(r.body.visibility, 'public');
      assert.equal(r.body.ticketId, ticketId);
      const got = await download(e, r.body.url);
      assert.equal(got.status, 200);
      assert.ok(got.bytes.equals(bytes), 'same bytes back');
      assert.equal(got.headers.get('content-type'), 'image/png');
      assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
      assert.match(got.headers.get('content-disposition') ?? '', /filename\*=UTF-8''%E7%8E%B0/);
      const a = await w.as('customerA');
      const asCustomer = await download(a, r.body.url);
      assert.equal(asCustomer.status, 200, 'a public attachment of its own ticket');
      assert.ok(asCustomer.bytes.equals(bytes));
      const b = await w.as('customerB');
      const foreign = await download(b, r.body.url);
      assert.equal(foreign.status, 404, 'another organisation’s attachment does not exist for them');
      const anon = await download(w.anonymous(), r.body.url);
      assert.equal(anon.status, 401);
    });

    test('the type comes from the bytes: a text file renamed .png is refused with 415', async () => {
      const before = await attachmentCount();
      const fake = await upload(e, form(Buffer.from('<script>alert(1)</script>\n'), 'photo.png', 'public', 'image/png'));
      assert.equal(fake.status, 415, fake.text);
      assert.equal(fake.body.code, 'unsupported_media_type');
      const exe = await upload(e, form(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'report.pdf'));
      assert.equal(exe.status, 415);
      assert.equal(exe.body.code, 'unsupported_media_type');
      assert.equal(await attachmentCount(), before, 'nothing was stored');
      // A real text log is fine, and a PNG named .txt is still a PNG.
      const log = await upload(e, form(Buffer.from('E1 压缩机过热\n'), 'fault.log'));
      assert.equal(log.status, 201, log.text);
      assert.equal(log.body.contentType, 'text/plain');
      const renamed = await upload(e, form(png(2, 2, 9), 'notes.txt'));
      assert.equal(renamed.status, 201);
      assert.equal(renamed.body.contentType, 'image/png');
      const json = await e.post(`/api/v1/tickets/${ticketId}/attachments`, { file: 'x' });
      assert.equal(json.status, 415, json.text);
      assert.equal(json.body.code, 'unsupported_media_type');
    });

    test('customers never see or download internal attachments', async () => {
      const bytes = png(8, 8, 3);
      const internal = await upload(e, form(bytes, 'internal.png', 'internal'));
      assert.equal(internal.status, 201, internal.text);
      assert.equal(internal.body.visibility, 'internal');
      const a = await w.as('customerA');
      const got = await download(a, internal.body.url);
      assert.equal(got.status, 404);
      assert.equal(JSON.parse(got.bytes.toString()).code, 'not_found');
      const list = await a.get(`/api/v1/tickets/${ticketId}/attachments`);
      assert.equal(list.status, 200);
      assert.ok(list.body.items.length > 0);
      assert.ok(list.body.items.every((x: { visibility: string }) => x.visibility === 'public'));
      assert.ok(!list.body.items.some((x: { id: string }) => x.id === internal.body.id));
      const staff = await e.get(`/api/v1/tickets/${ticketId}/attachments`);
      assert.ok(staff.body.items.some((x: { id: string }) => x.id === internal.body.id));
      assert.equal((await download(e, internal.body.url)).status, 200);
      // What a customer uploads is always public, whatever it asks for.
      const own = await upload(a, form(png(4, 4, 5), 'customer.png', 'internal'));
      assert.equal(own.status, 201, own.text);
      assert.equal(own.body.visibility, 'public');
      const otherTeam = await w.as('otherEngineer');
      const hidden = await upload(otherTeam, form(png(4, 4, 6), 'x.png'));
      assert.equal(hidden.status, 404, 'cannot attach to a ticket one cannot see');
    });

    test('an upload over GONGDAN_MAX_UPLOAD_MB answers 413 and stores nothing', async () => {
      const before = await attachmentCount();
      const big = Buffer.concat([png(2, 2), Buffer.alloc(1024 * 1024 + 512, 7)]);
      const r = await upload(e, form(big, 'huge.png'));
      assert.equal(r.status, 413, r.text);
      assert.equal(r.body.code, 'payload_too_large');
      assert.equal(await attachmentCount(), before);
      const fine = await upload(e, form(png(64, 64, 1), 'ok.png'));
      assert.equal(fine.status, 201, 'the server still takes normal uploads afterwards');
    });
  });
}
