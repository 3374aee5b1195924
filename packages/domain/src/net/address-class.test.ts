import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAddress } from './address-class.ts';

test('IPv4 classes', () => {
  const cases: Array<[string, string | null]> = [
    ['8.8.8.8', 'public'], ['127.0.0.1', 'loopback'], ['127.255.1.2', 'loopback'], ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['172.32.0.1', 'public'], ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'], ['169.254.169.254', 'link_local'], ['0.0.0.0', 'unspecified'], ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'], ['256.1.1.1', null], ['1.2.3', null], ['example.com', null], ['01.2.3.4', 'public'],
  ];
  for (const [ip, want] of cases) assert.equal(classifyAddress(ip), want, ip);
});

test('IPv6 classes, including IPv4-mapped forms that hide a private address', () => {
  const cases: Array<[string, string | null]> = [
    ['::1', 'loopback'], ['[::1]', 'loopback'], ['::', 'unspecified'], ['fe80::1%eth0', 'link_local'], ['fd12:3456::1', 'private'],
    ['fc00::', 'private'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'], ['::ffff:10.0.0.8', 'private'],
    ['::ffff:8.8.8.8', 'public'], ['64:ff9b::a9fe:a9fe', 'link_local'], ['2400:3200::1', 'public'], ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'], ['1:2:3:4:5:6:7:8', 'public'], ['1::2::3', null], ['12345::', null], ['1:2:3:4:5:6:7', null],
  ];
  for (const [ip, want] of cases) assert.equal(classifyAddress(ip), want, ip);
});
