/**
 * The `validate_doc_update` function of each database's `_design/lobby`,
 * built from server/provision/rules.js: one generic checker (below) plus that
 * database's rules, embedded as JSON, so the stored source is self-contained.
 *
 * The checker is ES5 on purpose: CouchDB 3 runs it in SpiderMonkey 1.8.5 on
 * many installations (no arrow functions, `let`, template strings,
 * `startsWith`, `Number.isInteger`, …); express-pouchdb runs it in Node.
 * test/server/provision-rules.test.ts parses it as ES5.
 *
 * Errors are CouchDB's: `{unauthorized}` → 401, `{forbidden}` → 403.
 */

/**
 * @param {any} rules one database's rules (rulesFor() in rules.js)
 * @param {any} newDoc @param {any} oldDoc @param {any} userCtx
 */
function checkLobbyWrite(rules, newDoc, oldDoc, userCtx) {
  var name = userCtx && userCtx.name
  var roles = (userCtx && userCtx.roles) || []
  var deleting = newDoc._deleted === true
  // Writing over a deleted document is creating it again (CouchDB passes the
  // tombstone, express-pouchdb null).
  if (oldDoc && oldDoc._deleted === true) oldDoc = null

  function has(list, item) {
    if (!list) return false
    for (var i = 0; i < list.length; i++) if (list[i] === item) return true
    return false
  }
  function allowed(access) {
    if (!access) return false
    if (has(access.names, name)) return true
    for (var i = 0; i < roles.length; i++) if (has(access.roles, roles[i])) return true
    return false
  }
  function forbid(message) {
    throw ({ forbidden: message })
  }
  function isInteger(value, min) {
    return typeof value === 'number' && value % 1 === 0 && value >= min
  }
  function requireField(doc, field, kind, why) {
    var value = doc[field]
    if (value === undefined || value === null) forbid('Missing field "' + field + '"' + why)
    if (kind === 'string' && (typeof value !== 'string' || value === '')) {
      forbid('Field "' + field + '" must be a non-empty string' + why)
    }
    if (kind === 'object' && (typeof value !== 'object' || isArray(value))) {
      forbid('Field "' + field + '" must be an object' + why)
    }
    if (kind === 'integer' && !isInteger(value, 1)) forbid('Field "' + field + '" must be an integer of at least 1' + why)
  }
  function isArray(value) {
    return Object.prototype.toString.call(value) === '[object Array]'
  }
  // A replicator (new_edits: false) sends each revision with its history; CouchDB then passes the
  // parent it holds as oldDoc, or null when it holds none, so an append-only document could gain a
  // second branch unseen. Only a first revision (no `_rev`, or `1-…`) creates one.
  function isFirstRevision(doc) {
    var history = doc._revisions
    if (history && typeof history === 'object' && history.start !== undefined) return history.start === 1
    return typeof doc._rev !== 'string' || doc._rev.indexOf('1-') === 0
  }
  function requireSigned() {
    if (typeof newDoc.by !== 'string' || newDoc.by !== name) {
      forbid('Field "by" must be the signed-in user (' + name + '), on deletions too.')
    }
  }

  // CONF-10: a document that belongs to one user (a device): `belongs.field` names them, and
  // `belongs.id` starts with their name and ':'; only they create it. A document without the
  // field is from before (legacy) and its id has no ':'. `belongs.fixed` never change, whoever writes.
  function checkBelongsTo(belongs) {
    var owner = newDoc[belongs.field]
    var ownedId = String(newDoc[belongs.id])
    if (owner === undefined) {
      if (ownedId.indexOf(':') !== -1) forbid('Missing field "' + belongs.field + '": the user this ' + newDoc.type + ' belongs to.')
    } else {
      if (typeof owner !== 'string' || owner === '') forbid('Field "' + belongs.field + '" must be a non-empty string.')
      if (ownedId.indexOf(owner + ':') !== 0) forbid('Field "' + belongs.id + '" of a ' + newDoc.type + ' of ' + owner + ' must start with "' + owner + ':".')
      if (!oldDoc && owner !== name) forbid('Only ' + owner + ' registers a ' + newDoc.type + ' of theirs.')
    }
    for (var f = 0; oldDoc && f < belongs.fixed.length; f++) {
      if (JSON.stringify(newDoc[belongs.fixed[f]]) !== JSON.stringify(oldDoc[belongs.fixed[f]])) {
        forbid('Field "' + belongs.fixed[f] + '" of a ' + newDoc.type + ' cannot change.')
      }
    }
  }

  // Design documents are for server admins, which CouchDB checks itself
  // (nobody is a database admin); this function governs data only.
  if (String(newDoc._id).indexOf('_design/') === 0) return

  // (a) Only signed-in users write, server admins included.
  if (!name) throw ({ unauthorized: 'Sign in to write to this database.' })

  // Audit entries are append-only for everyone: CouchDB runs this function
  // for server admins too. A device's signed head (`audit-head:<dev>`) is the one
  // document there that changes, and only forward: nobody, server admins
  // included, rewinds or deletes it (CONF-6).
  var auditHead = rules.kind === 'audit' && String(newDoc._id).indexOf('audit-head:') === 0
  if (rules.kind === 'audit' && deleting) forbid(auditHead ? 'Audit heads cannot be deleted.' : 'Audit entries cannot be changed or deleted.')
  if (rules.kind === 'audit' && oldDoc && !auditHead) forbid('Audit entries cannot be changed or deleted.')
  if (auditHead && oldDoc) {
    if (newDoc.dev !== oldDoc.dev) forbid('The device of an audit head cannot change.')
    if (!isInteger(newDoc.seq, 1) || newDoc.seq < oldDoc.seq || (newDoc.seq === oldDoc.seq && newDoc.hash !== oldDoc.hash)) {
      forbid('An audit head only moves forward (it is at ' + oldDoc.seq + ').')
    }
  }
  if (rules.kind === 'audit' && !auditHead && !isFirstRevision(newDoc)) forbid('Audit entries have one revision: only a first one is taken.')
  // Server admins may clean up anything else (a bare {_deleted: true} included).
  if (has(roles, '_admin')) return

  if (!allowed(rules.writers)) forbid('You may not write to the ' + rules.realm + ' database.')

  // CONF-6/CONF-10: a device belongs to one user, named before the first ':' of its id
  // (server user names cannot contain ':'); a device id without one is from before
  // devices had owners, and null is returned.
  function deviceOwner(deviceId) {
    var colon = String(deviceId).indexOf(':')
    return colon > 0 ? String(deviceId).substring(0, colon) : null
  }

  if (auditHead) {
    var headWhy = ' (an audit head carries type, dev, seq, hash and sig).'
    requireField(newDoc, 'type', 'string', headWhy)
    if (newDoc.type !== 'audit-head') forbid('Field "type" must be "audit-head" for an audit head.')
    requireField(newDoc, 'dev', 'string', headWhy)
    if (String(newDoc._id) !== 'audit-head:' + newDoc.dev) forbid('The id of this audit head must be "audit-head:' + newDoc.dev + '".')
    requireField(newDoc, 'seq', 'integer', headWhy)
    requireField(newDoc, 'hash', 'string', headWhy)
    requireField(newDoc, 'sig', 'string', headWhy)
    if (deviceOwner(newDoc.dev) !== name) forbid('Only the user a device belongs to publishes its audit head.')
    return
  }

  if (rules.kind === 'audit') {
    var auditWhy = ' (an audit entry carries type, realm, v, by, dev, seq, prev, box, hash and sig).'
    if (String(newDoc._id).indexOf('audit:') !== 0) forbid('Audit entry ids start with "audit:".')
    requireField(newDoc, 'type', 'string', auditWhy)
    if (newDoc.type !== 'audit') forbid('Field "type" must be "audit" in this database.')
    requireField(newDoc, 'realm', 'string', auditWhy)
    if (newDoc.realm !== 'audit') forbid('Field "realm" must be "audit" in this database.')
    requireField(newDoc, 'v', 'integer', auditWhy)
    requireField(newDoc, 'by', 'string', auditWhy)
    requireField(newDoc, 'dev', 'string', auditWhy)
    // Only the user a device belongs to pushes its entries: as themselves, or as "anonymous"
    // (what happened while nobody was signed in on it, such as a failed sign-in). A shared
    // tablet keeps one device, so one chain, per user. An entry of a device from before
    // devices had owners is taken only from the user it names.
    var devOwner = deviceOwner(newDoc.dev)
    if (devOwner !== null && devOwner !== name) forbid('Only ' + devOwner + ' pushes the audit entries of device ' + newDoc.dev + '.')
    if (devOwner !== null && newDoc.by !== name && newDoc.by !== 'anonymous') {
      forbid('Field "by" of an audit entry must be the signed-in user (' + name + ') or "anonymous".')
    }
    if (devOwner === null && newDoc.by !== name) forbid('Field "by" must be the signed-in user (' + name + ') for a device without an owner.')
    requireField(newDoc, 'seq', 'integer', auditWhy)
    requireField(newDoc, 'prev', 'string', auditWhy)
    requireField(newDoc, 'box', 'object', auditWhy)
    requireField(newDoc.box, 'epk', 'present', ' in "box".')
    requireField(newDoc.box, 'iv', 'string', ' in "box".')
    requireField(newDoc.box, 'ct', 'string', ' in "box".')
    requireField(newDoc, 'hash', 'string', auditWhy)
    requireField(newDoc, 'sig', 'string', auditWhy)
    // CONF-9: which audit key the box is sealed to (`audit:<epoch>`); older entries have none (epoch 1).
    if (newDoc.akid !== undefined && (typeof newDoc.akid !== 'string' || !/^audit:[1-9][0-9]*$/.test(newDoc.akid))) {
      forbid('Field "akid" must be an audit key id ("audit:<epoch>").')
    }
    return
  }

  if (rules.kind === 'envelope') {
    var why = ' (an envelope carries type, realm, kid, v, by and ct in clear).'
    // (b) Authors sign as themselves; a tombstone names its author too.
    requireField(newDoc, 'by', 'string', why)
    requireSigned()
    if (!deleting) {
      requireField(newDoc, 'type', 'string', why)
      requireField(newDoc, 'realm', 'string', why)
      if (newDoc.realm !== rules.realm) forbid('Field "realm" must be "' + rules.realm + '" in this database.')
      requireField(newDoc, 'kid', 'string', why)
      if (newDoc.kid.indexOf(rules.realm + ':') !== 0) {
        forbid('Field "kid" must be a key of the ' + rules.realm + ' realm ("' + rules.realm + ':<epoch>").')
      }
      requireField(newDoc, 'v', 'integer', why)
      requireField(newDoc, 'ct', 'string', why)
    } else if (newDoc.realm !== undefined && newDoc.realm !== rules.realm) {
      forbid('Field "realm" must be "' + rules.realm + '" in this database.')
    }
    // Issue 8: a realm database holds sealed records only. Documents of the typed databases
    // (organisation, accounts, keyrings, grants, devices, audit entries) would be filed by type on
    // the devices that pull this database.
    // A tombstone may leave its type out: the id still says it (`<type>:…`).
    var idType = String(newDoc._id).split(':')[0]
    var reserved = has(rules.reservedTypes, newDoc.type) ? newDoc.type : has(rules.reservedTypes, idType) ? idType : null
    if (reserved) forbid('Documents of type "' + reserved + '" do not belong in the ' + rules.realm + ' database.')
    // Every record id is `<type>:…` (src/storage/sealed-repo.ts); a tombstone that names a type names its own.
    if (newDoc.type !== undefined && String(newDoc._id).indexOf(newDoc.type + ':') !== 0) {
      forbid('The id of a "' + newDoc.type + '" record must start with "' + newDoc.type + ':".')
    }
    var events = rules.appendOnly || []
    if (oldDoc && (events.indexOf(oldDoc.type) !== -1 || events.indexOf(newDoc.type) !== -1)) {
      forbid('Documents of type "' + (oldDoc.type || newDoc.type) + '" are events: they cannot be changed or deleted.')
    }
    var eventType = events.indexOf(newDoc.type) !== -1 ? newDoc.type : events.indexOf(idType) !== -1 ? idType : null
    if (eventType && !isFirstRevision(newDoc)) {
      forbid('Documents of type "' + eventType + '" are events: only a first revision is taken.')
    }
    var types = [newDoc.type, oldDoc && oldDoc.type]
    for (var t = 0; t < types.length; t++) {
      var only = typeof types[t] === 'string' && rules.typeWriters.hasOwnProperty(types[t]) && rules.typeWriters[types[t]]
      if (only && !allowed(only)) forbid('You may not write documents of type "' + types[t] + '".')
    }
    return
  }

  // rules.kind === 'typed': a few known document types, each with its own rights.
  var type = deleting && oldDoc ? oldDoc.type : newDoc.type
  var rule = typeof type === 'string' && rules.types.hasOwnProperty(type) ? rules.types[type] : null
  if (!rule) forbid('Documents of type "' + type + '" do not belong in the ' + rules.realm + ' database.')
  if (!deleting && oldDoc && oldDoc.type !== newDoc.type) forbid('The type of a document cannot change.')
  if (rule.signed) requireSigned()
  if (rule.belongsTo && !deleting) checkBelongsTo(rule.belongsTo)
  if (!deleting) {
    for (var field in rule.fields) {
      if (rule.fields.hasOwnProperty(field)) requireField(newDoc, field, rule.fields[field], ' (' + type + ' document).')
    }
    var id = String(newDoc._id)
    var expectedId = type
    if (typeof rule.id === 'string') {
      expectedId = rule.id
    } else if (rule.id.length === 0) {
      expectedId = id.indexOf(type + ':') === 0 && id.length > type.length + 1 ? id : type + ':<...>'
    } else {
      for (var p = 0; p < rule.id.length; p++) expectedId += ':' + newDoc[rule.id[p]]
    }
    if (id !== expectedId) forbid('The id of this ' + type + ' document must be "' + expectedId + '".')
  }

  var op = deleting ? 'delete' : oldDoc ? 'update' : 'create'
  if (rule.firstRevisionOnly && !isFirstRevision(newDoc)) forbid('Documents of type "' + type + '" are written once: only a first revision is taken.')
  var permission = rule[op]
  if (!permission) forbid('Documents of type "' + type + '" cannot be ' + (op === 'update' ? 'changed' : op + 'd') + '.')
  if (allowed({ roles: permission.roles })) return
  var ownerDoc = op === 'create' ? newDoc : oldDoc
  if (permission.owner && ownerDoc && ownerDoc[permission.owner] === name) {
    var keeps = (op === 'update' && permission.ownerKeeps) || []
    for (var k = 0; k < keeps.length; k++) {
      if (JSON.stringify(newDoc[keeps[k]]) !== JSON.stringify(oldDoc[keeps[k]])) {
        forbid('You may not change "' + keeps[k] + '" of your own ' + type + ' document.')
      }
    }
    return
  }
  if (permission.author && oldDoc && oldDoc.by === name) return
  forbid('You may not ' + op + ' this ' + type + ' document.')
}

/**
 * The source of a self-contained `validate_doc_update` for one database.
 * @param {import('./rules.js').DatabaseRules} rules
 * @returns {string}
 */
export function validateSource(rules) {
  return [
    'function (newDoc, oldDoc, userCtx, secObj) {',
    `  var rules = ${JSON.stringify(rules)};`,
    `  var check = ${checkLobbyWrite.toString()};`,
    '  check(rules, newDoc, oldDoc, userCtx);',
    '}',
  ].join('\n')
}

/**
 * The design document `_design/lobby` of one database.
 * @param {import('./rules.js').DatabaseRules} rules
 */
export function designDocFor(rules) {
  return {
    _id: '_design/lobby',
    language: 'javascript',
    validate_doc_update: validateSource(rules),
  }
}
