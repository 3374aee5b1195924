import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkLinkTemplate, DEFAULT_LINK_TEMPLATE, renderLinkTemplate, type LinkTemplateValues } from './link-message-template.ts';

const values: LinkTemplateValues = {
  phone: '13800138000', url: 'https://gd.example.com/c/abc', ticketNumber: 'GD-20261125-0001', ticketTitle: '空调不制冷',
  customerName: '华南精密', contactName: '李经理', expiresAt: '2026-12-02 18:00',
};

test('the default template is valid and fills link, phone and ticket number', () => {
  assert.deepEqual(checkLinkTemplate(DEFAULT_LINK_TEMPLATE), { ok: true });
  const body = JSON.parse(renderLinkTemplate(DEFAULT_LINK_TEMPLATE, values)) as { to: string; text: string };
  assert.equal(body.to, '13800138000');
  assert.match(body.text, /GD-20261125-0001.*https:\/\/gd\.example\.com\/c\/abc/);
});

test('bad templates are refused with the reason', () => {
  assert.equal((checkLinkTemplate('{"to": "{{phone}}"') as { problem: string }).problem, 'not_json');
  assert.equal((checkLinkTemplate('["{{url}}"]') as { problem: string }).problem, 'not_object');
  assert.deepEqual(checkLinkTemplate('{"to":"{{phone}}","t":"{{url}} {{password}}"}'), { ok: false, problem: 'unknown_placeholder', detail: 'password' });
  assert.equal((checkLinkTemplate('{"to":"{{phone}}"}') as { problem: string }).problem, 'no_url');
  assert.equal((checkLinkTemplate('{"t":"{{url}}"}') as { problem: string }).problem, 'no_phone');
});

test('any value (quotes, braces, newlines) stays inside its string: the structure never changes', () => {
  const template = '{"to":"{{phone}}","msg":{"text":"{{customerName}} {{url}}","n":1}}';
  fc.assert(fc.property(fc.string(), fc.string(), (name, phone) => {
    const body = JSON.parse(renderLinkTemplate(template, { ...values, customerName: name, phone })) as { to: string; msg: { text: string; n: number } };
    assert.deepEqual(Object.keys(body), ['to', 'msg']);
    assert.equal(body.to, phone);
    assert.equal(body.msg.text, `${name} ${values.url}`);
    assert.equal(body.msg.n, 1);
  }));
});
