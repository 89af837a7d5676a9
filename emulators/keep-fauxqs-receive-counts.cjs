// Preloaded into fauxqs (node -r): lets a message be made visible again when its SQLite persistence is on.
//
// fauxqs 2.4.1 persists a message made visible again (ChangeMessageVisibility to 0) by writing NULL into its receive
// count, a NOT NULL column: the request fails with a 500, and the message, already taken out of flight, is lost from
// memory until the next start. Clearing only the receipt handle and the visibility deadline (as its own loader does for a
// message whose visibility expired) keeps the receive count, as SQS does, so redrive to the DLQ still counts.
'use strict';
require('./patched-version.cjs')('fauxqs', '2.4.1', __filename);
const path = require('node:path');
const { PersistenceManager } = require(path.join(__dirname, 'node_modules/fauxqs/dist/persistence.js'));

const statements = new WeakMap();
PersistenceManager.prototype.updateMessageReady = function (messageId) {
  if (!statements.has(this)) {
    statements.set(this, this.db.prepare('UPDATE sqs_messages SET receipt_handle = NULL, visibility_deadline = NULL WHERE message_id = ?'));
  }
  statements.get(this).run(messageId);
};
