#!/usr/bin/env node
// Writes Rapport's design document for a team database (docs/SYNC.md, step 3):
//   node couchdb/design.mjs > rapport-design.json
//   curl -X PUT "$COUCH/team-db/_design/rapport" -u admin -H 'Content-Type: application/json' -d @rapport-design.json
// (to update it later, add the current "_rev" to the file first: CouchDB refuses a blind overwrite).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = readFileSync(join(here, 'validate_doc_update.js'), 'utf8');
// CouchDB wants the bare function: the comments before it stay in this repository.
const fn = source.slice(source.indexOf('function ('));

export function designDocument() {
  return { _id: '_design/rapport', language: 'javascript', validate_doc_update: fn.trim() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(designDocument(), null, 2) + '\n');
}
