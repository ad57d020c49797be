// The build's Content Security Policy (scripts/csp.mjs): this origin only, or this origin and a
// team database's origin fixed at build time; anything that is not a plain origin is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csp, checkSyncOrigin } from '../../scripts/csp.mjs';

test('without a sync origin, requests go to this origin only', () => {
  assert.match(csp(), /connect-src 'self';/);
  assert.doesNotMatch(csp(), /https?:/);
});

test('a sync origin fixed at build time is the one other origin allowed', () => {
  assert.match(csp('https://couch.example.com'), /connect-src 'self' https:\/\/couch\.example\.com;/);
  assert.match(csp('http://127.0.0.1:5984'), /connect-src 'self' http:\/\/127\.0\.0\.1:5984;/);
  assert.equal(csp('https://couch.example.com').match(/https:/g).length, 1);
});

test('anything but a plain https origin is refused', () => {
  for (const bad of ['couch.example.com', 'https://couch.example.com/', 'https://couch.example.com/db', '*', "https://a.com 'unsafe-inline'",
    'http://couch.example.com', 'https://user:pw@couch.example.com', 'javascript:alert(1)']) {
    assert.throws(() => checkSyncOrigin(bad), /RAPPORT_SYNC_ORIGIN/, bad);
  }
});
