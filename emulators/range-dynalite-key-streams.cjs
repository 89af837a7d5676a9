// Preloaded into dynalite (node -r): reads a sub-database's keys from its own key range instead of the whole store.
//
// dynalite 4 keeps every table's items, indexes and tags in one LevelDB, each sub-database under a prefix of its own
// ("table~", "item-<table>~", ...). Its sub-databases read their values from their range, but their keys by reading
// every key of the store and dropping the other prefixes' on its one JavaScript thread: each ListTables passed over
// every item stored. dynamodb-admin's page lists the tables, and the AppHost probes that page for health, so as a
// soak's data grew the probe took seconds of the thread the pipeline waits on, then timed out after 10 s.
'use strict';
require('./patched-version.cjs')('dynalite', '4.0.0', __filename);
const path = require('node:path');
const { Transform } = require('node:stream');

const dynalite = path.dirname(require.resolve('dynalite/package.json'));
const db = require(path.join(dynalite, 'db'));
const create = db.create;

// How dynalite names each sub-database (db/index.js); a prefix is the name and '~', which no table name contains.
const SubDatabases = {
  getItemDb: (table) => `item-${table}`,
  getIndexDb: (type, table, index) => `index-${type.toLowerCase()}~${table}~${index}`,
  getTagDb: (resource) => `tag-${resource}`,
};

db.create = function (options) {
  return ranged(create.call(this, options));
};

function ranged(store) {
  keysInRange(store, store.tableDb, 'table');
  for (const [method, nameOf] of Object.entries(SubDatabases)) {
    const get = store[method];
    store[method] = function (...args) {
      return keysInRange(store, get.apply(this, args), nameOf(...args));
    };
  }
  // recreate() builds a new store with dynalite's own create and copies its members over this one.
  const recreate = store.recreate;
  store.recreate = function (...args) {
    recreate.apply(this, args);
    ranged(this);
  };
  return store;
}

function keysInRange(store, subDb, name) {
  if (subDb.keysInRange) return subDb;
  const prefix = `${name}~`;
  subDb.createKeyStream = function (options = {}) {
    const range = {};
    for (const bound of ['gt', 'gte', 'lt', 'lte']) {
      if (options[bound] !== undefined) range[bound] = prefix + options[bound];
    }
    if (range.gt === undefined && range.gte === undefined) range.gte = prefix;
    // '\x7f' follows '~': every key that begins with the prefix sorts below it, whatever characters follow.
    if (range.lt === undefined && range.lte === undefined) range.lt = `${name}\x7f`;
    return store.db.createKeyStream({ ...options, ...range }).pipe(new Transform({
      objectMode: true,
      transform(key, _encoding, done) {
        done(null, key.slice(prefix.length));
      },
    }));
  };
  subDb.keysInRange = true;
  return subDb;
}
