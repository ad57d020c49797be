// Rapport's validate_doc_update: the server's own check of every write to a team database, so a
// forged or damaged document is refused even if it never came from Rapport. It mirrors the
// bounds the app checks on every pulled document (src/engine/sync/doc.rs and the import's
// validation in src/engine/storage/exchange); the app's check stays the stricter one (it also
// checks every answer against the question bank).
//
// CouchDB runs this as a JavaScript (SpiderMonkey/QuickJS) function of the design document
// `_design/rapport`; `node couchdb/design.mjs` writes that document. Plain ES5, no `let`.
function (newDoc, oldDoc, userCtx, secObj) {
  function refuse(why) { throw({ forbidden: why }); }
  function isAdmin() { return userCtx.roles.indexOf('_admin') !== -1; }
  function isMember() {
    if (isAdmin()) return true;
    var members = (secObj && secObj.members) || {};
    var names = members.names || [], roles = members.roles || [];
    if (names.length === 0 && roles.length === 0) return !!userCtx.name;
    if (userCtx.name && names.indexOf(userCtx.name) !== -1) return true;
    for (var i = 0; i < userCtx.roles.length; i++) {
      if (roles.indexOf(userCtx.roles[i]) !== -1) return true;
    }
    return false;
  }
  function text(value, max, what, required) {
    if (value === undefined && !required) return;
    if (typeof value !== 'string') refuse(what + ' must be text');
    if (required && value.replace(/\s/g, '') === '') refuse(what + ' is missing');
    if (value.length > max) refuse(what + ' is longer than ' + max + ' characters');
  }
  function count(value, max, what) {
    if (value === undefined) return;
    if (Object.prototype.toString.call(value) !== '[object Array]') refuse(what + ' must be a list');
    if (value.length > max) refuse('more than ' + max + ' ' + what);
  }
  function time(value, what) {
    if (typeof value !== 'number' || value < 0 || value % 1 !== 0) refuse(what + ' must be a time in milliseconds');
  }
  function onlyKeys(doc, allowed, what) {
    for (var key in doc) {
      if (allowed.indexOf(key) === -1) refuse(what + ' has a field Rapport does not know: ' + key);
    }
  }
  var ID = /^[A-Za-z0-9-]{1,40}$/;

  if (!isMember()) refuse('only members of this team database may write to it');
  if (newDoc._id.indexOf('_design/') === 0) {
    if (!isAdmin()) refuse('only an admin may change the design documents');
    return;
  }
  if (newDoc._deleted === true) return; // any member: deletions and resolved conflicts
  if (JSON.stringify(newDoc).length > 1048576) refuse('a document is larger than 1 MB');

  text(newDoc.owner, 80, 'owner', true);
  text(newDoc.by, 80, 'by', true);
  if (!isAdmin() && newDoc.by !== userCtx.name) refuse('by must be the member who writes (' + userCtx.name + ')');
  if (oldDoc && !oldDoc._deleted && oldDoc.owner !== newDoc.owner && !isAdmin()) {
    refuse('only an admin may give an account to another owner');
  }
  time(newDoc.at, 'at');
  var parts = newDoc._id.split(':');

  if (newDoc.type === 'rapport.account') {
    onlyKeys(newDoc, ['_id', '_rev', '_revisions', '_conflicts', 'type', 'owner', 'by', 'at', 'record'], 'an account document');
    if (parts.length !== 2 || parts[0] !== 'account' || !ID.test(parts[1])) refuse('an account document id is account:<id>');
    var r = newDoc.record;
    if (!r || typeof r !== 'object') refuse('an account document holds a record');
    if (typeof r.v !== 'number' || r.v < 1 || r.v > 3) refuse('record format ' + r.v + ' is not one Rapport writes');
    if (r.id !== parts[1]) refuse('the record is another account\'s');
    text(r.name, 120, 'the account name', true);
    text(r.industry, 80, 'the industry');
    count(r.tags, 12, 'tags');
    for (var t = 0; r.tags && t < r.tags.length; t++) text(r.tags[t], 40, 'a tag', true);
    time(r.created_ms, 'created_ms');
    count(r.assessments, 1, 'drafts in an account document');
    for (var a = 0; a < (r.assessments || []).length; a++) {
      if (r.assessments[a].completed_ms !== undefined) refuse('a completed assessment has a document of its own');
      if (!ID.test(r.assessments[a].id)) refuse('an assessment id is 1 to 40 letters, digits or dashes');
    }
    count(r.plan, 100, 'plan items');
    count(r.contacts, 150, 'contacts');
    count(r.invitations, 50, 'invitations');
    count(r.responses, 200, 'responses');
    return;
  }
  if (newDoc.type === 'rapport.assessment') {
    onlyKeys(newDoc, ['_id', '_rev', '_revisions', '_conflicts', 'type', 'account', 'owner', 'by', 'at', 'assessment'], 'an assessment document');
    if (parts.length !== 3 || parts[0] !== 'assessment' || !ID.test(parts[1]) || !ID.test(parts[2])) {
      refuse('an assessment document id is assessment:<account id>:<assessment id>');
    }
    if (newDoc.account !== parts[1]) refuse('the assessment is filed under another account');
    var s = newDoc.assessment;
    if (!s || typeof s !== 'object' || s.id !== parts[2]) refuse('the assessment is another one');
    time(s.completed_ms, 'an assessment document holds a completed assessment: completed_ms');
    text(s.assessor, 80, 'the assessor');
    return;
  }
  refuse('not a Rapport document: type must be rapport.account or rapport.assessment');
}
