/**
 * Host headers the preview answers: the loopback names only, whatever the port; for --host, that
 * host too; nothing malformed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedHosts, hostAllowed, hostName } from '../../src/preview/host.js';

test('host names are read from Host headers with and without ports, IPv6 in brackets', () => {
  assert.equal(hostName('localhost:8690'), 'localhost');
  assert.equal(hostName('LOCALHOST'), 'localhost');
  assert.equal(hostName('127.0.0.1:1'), '127.0.0.1');
  assert.equal(hostName('[::1]:8690'), '::1');
  assert.equal(hostName('[::1]'), '::1');
  assert.equal(hostName('localhost.'), 'localhost');
  for (const bad of [undefined, '', ' ', 'local host', '[::1', '::1', '[zz::1]', 'a@b', 'localhost:80:80', 'evil.com/localhost']) {
    assert.equal(hostName(bad), undefined, String(bad));
  }
});

test('on loopback only localhost, 127.0.0.1 and [::1] are answered', () => {
  const allowed = allowedHosts('127.0.0.1');
  for (const ok of ['localhost:8690', '127.0.0.1:8690', '[::1]:8690', 'localhost', '127.0.0.1']) assert.ok(hostAllowed(ok, allowed), ok);
  for (const no of ['evil.example:8690', 'localhost.evil.example', '127.0.0.1.nip.io:8690', '0.0.0.0:8690', '192.168.1.2:8690', undefined, '']) {
    assert.equal(hostAllowed(no, allowed), false, String(no));
  }
});

test('--host adds that host; a wildcard address adds the machine\'s own addresses', () => {
  assert.ok(hostAllowed('10.1.2.3:8690', allowedHosts('10.1.2.3')));
  assert.ok(hostAllowed('[fe80::1]:8690', allowedHosts('[fe80::1]')));
  const any = allowedHosts('0.0.0.0');
  assert.ok(any.has('127.0.0.1'));
  assert.equal(hostAllowed('evil.example', any), false);
});
