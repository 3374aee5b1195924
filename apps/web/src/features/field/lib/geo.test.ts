import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wgs84ToGcj02 } from '@gongdan/domain/field/geo';
import { amapLinks, baiduLinks, distanceM, telLink } from './geo.ts';

// 深圳南山 (WGS-84) and its GCJ-02 twin, converted by the domain (the server does the same for the package).
const wgs = { lat: 22.5405, lng: 113.9345 };
const gcj = wgs84ToGcj02(wgs);

test('高德 links take GCJ-02: web "lng,lat,name" with coordinate=gaode, app dlat/dlon with dev=0', () => {
  const a = amapLinks(gcj, '科技园 15 号', false);
  assert.equal(a.app, `amapuri://route/plan/?sourceApplication=gongdan&dlat=${gcj.lat.toFixed(6)}&dlon=${gcj.lng.toFixed(6)}&dname=${encodeURIComponent('科技园 15 号')}&dev=0&t=0`);
  assert.match(a.web, new RegExp(`^https://uri\\.amap\\.com/navigation\\?to=${gcj.lng.toFixed(6)},${gcj.lat.toFixed(6)},`));
  assert.match(a.web, /coordinate=gaode/);
  assert.match(amapLinks(gcj, 'x', true).app, /^iosamap:\/\/path\?sourceApplication=gongdan&dlat=.*&dev=0&t=0$/);
});

test('百度 links say coord_type=gcj02 and carry src; destination is "latlng:lat,lng|name:…"', () => {
  const b = baiduLinks(gcj, '科技园', false);
  const u = new URL(b.app.replace('baidumap://', 'http://x/'));
  assert.equal(u.searchParams.get('destination'), `latlng:${gcj.lat.toFixed(6)},${gcj.lng.toFixed(6)}|name:科技园`);
  assert.equal(u.searchParams.get('coord_type'), 'gcj02');
  assert.equal(u.searchParams.get('mode'), 'driving');
  assert.equal(u.searchParams.get('src'), 'andr.gongdan.field');
  const web = new URL(b.web);
  assert.equal(web.searchParams.get('location'), `${gcj.lat.toFixed(6)},${gcj.lng.toFixed(6)}`);
  assert.equal(web.searchParams.get('coord_type'), 'gcj02');
});

test('the GCJ-02 offset in 深圳 is a few hundred metres — sending WGS-84 to a Chinese map would miss the door', () => {
  const off = distanceM(wgs, gcj);
  assert.ok(off > 200 && off < 700, `offset ${off} m`);
});

test('tel links keep digits and +', () => {
  assert.equal(telLink('0755-8600 1234'), 'tel:075586001234');
  assert.equal(telLink('+86 138 0013 8000'), 'tel:+8613800138000');
});
