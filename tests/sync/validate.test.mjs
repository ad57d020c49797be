// The design document's validate_doc_update, run as CouchDB runs it: compiled from its source
// and called with (newDoc, oldDoc, userCtx, secObj). Uses only node's own test runner.
import test from 'node:test';
import assert from 'node:assert/strict';
import { designDocument } from '../../couchdb/design.mjs';

// eslint-disable-next-line no-new-func
const validate = new Function(`return (${designDocument().validate_doc_update});`)();
const team = { members: { names: ['ana', 'ben'], roles: [] }, admins: { names: [], roles: [] } };
const ana = { name: 'ana', roles: [] };

function account(overrides = {}) {
  return {
    _id: 'account:acct1', type: 'rapport.account', owner: 'ana', by: 'ana', at: 5,
    record: { v: 3, id: 'acct1', name: 'J-province railway telecom', created_ms: 1, assessments: [] },
    ...overrides,
  };
}

function refusal(doc, old = null, user = ana) {
  try {
    validate(doc, old, user, team);
    return null;
  } catch (e) {
    return e.forbidden ?? String(e);
  }
}

test('a member writing an account as herself is accepted', () => {
  assert.equal(refusal(account()), null);
  assert.equal(refusal({ _id: 'assessment:acct1:s1', type: 'rapport.assessment', account: 'acct1', owner: 'ana', by: 'ana', at: 5,
    assessment: { id: 's1', completed_ms: 4 } }), null);
});

test('a forged author, a stranger and a hostile record are refused', () => {
  assert.match(refusal(account({ by: 'ben' })), /by must be the member who writes/);
  assert.match(refusal(account(), null, { name: 'mallory', roles: [] }), /only members/);
  assert.match(refusal(account({ record: { ...account().record, name: 'x'.repeat(500) } })), /longer than 120/);
  assert.match(refusal(account({ script: '<img onerror>' })), /does not know: script/);
  assert.match(refusal(account({ record: { ...account().record, v: 9 } })), /record format 9/);
  assert.match(refusal(account({ _id: 'account:other' })), /another account/);
  assert.match(refusal({ _id: 'x', type: 'evil', owner: 'ana', by: 'ana', at: 1 }), /not a Rapport document/);
  assert.match(refusal(account({ record: { ...account().record, assessments: [{ id: 's1', completed_ms: 3 }] } })),
    /document of its own/);
});

test('only an admin gives an account to another owner or changes the design', () => {
  assert.match(refusal(account({ owner: 'ben' }), account()), /only an admin/);
  assert.equal(refusal(account({ owner: 'ben' }), account(), { name: 'lead', roles: ['_admin'] }), null);
  assert.match(refusal({ _id: '_design/rapport' }), /only an admin/);
});

test('any member may delete (a resolved conflict deletes the losing revisions)', () => {
  assert.equal(refusal({ _id: 'account:acct1', _deleted: true }, account(), { name: 'ben', roles: [] }), null);
});

test('the documents Rapport writes pass (fixtures written by the host tests)', async () => {
  const { readFileSync } = await import('node:fs');
  for (const file of ['account-doc.json', 'assessment-doc.json']) {
    const doc = JSON.parse(readFileSync(new URL(`../fixtures/sync/${file}`, import.meta.url), 'utf8'));
    assert.equal(refusal(doc), null, file);
  }
});
