// Preloaded into fauxqs (node -r): lets its SQLite persistence sync to disk at checkpoints instead of at every message.
//
// fauxqs 2.4.1 keeps its messages in SQLite in WAL mode with SQLite's default synchronous=FULL, and every send, receive,
// visibility change and delete is a transaction of its own, run synchronously on the one thread that serves every
// request: each waited for an fsync, and every queue with it. On this machine a statement took 267 µs against 59 µs
// with synchronous=NORMAL (bench/README.md). In WAL mode NORMAL still loses no committed message when fauxqs stops or is
// killed, since the log is in the operating system's hands; only a crash of the operating system itself may take back the
// last transactions, which a development backend can afford (real SQS keeps its own durability).
'use strict';
require('./patched-version.cjs')('fauxqs', '2.4.1', __filename);
const path = require('node:path');
const { PersistenceManager } = require(path.join(__dirname, 'node_modules/fauxqs/dist/persistence.js'));

const prepareStatements = PersistenceManager.prototype.prepareStatements;
PersistenceManager.prototype.prepareStatements = function () {
  this.db.exec('PRAGMA synchronous = NORMAL');
  return prepareStatements.call(this);
};
