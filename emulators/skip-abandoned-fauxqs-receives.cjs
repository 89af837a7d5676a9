// Preloaded into fauxqs (node -r): a receive whose caller has gone takes no messages.
//
// fauxqs 2.4.1 answers a long poll (WaitTimeSeconds) by waiting for a send and then taking up to ten messages for it,
// whether or not the caller is still connected. A consumer that stops, is killed or cancels in the middle of its polls
// (a service restarted or shut down, the aggregator's two receivers a queue) leaves polls that take the next messages
// sent: they stay in flight, unseen, for the queue's visibility timeout, and each such receive counts towards the
// redrive to the DLQ. Measured: two abandoned polls held the next 20 messages for the 30 s timeout, and 20,000 messages
// took 29 s to receive and delete instead of 3 (bench/notes/2026-12-04-the-sqs-ceiling-and-a-stopped-consumer-s-long-polls.md). Each request's response is kept at
// hand while it is served, and a queue hands out nothing once the connection of the request it serves has closed:
// checked where messages are taken, so an immediate receive and a woken long poll are both covered.
'use strict';
require('./patched-version.cjs')('fauxqs', '2.4.1', __filename);
const http = require('node:http');
const path = require('node:path');
const { AsyncLocalStorage } = require('node:async_hooks');
const { SqsQueue } = require(path.join(__dirname, 'node_modules/fauxqs/dist/sqs/sqsStore.js'));

const serving = new AsyncLocalStorage();

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, response) {
  return event === 'request' ? serving.run(response, () => emit.apply(this, arguments)) : emit.apply(this, arguments);
};

const dequeue = SqsQueue.prototype.dequeue;
SqsQueue.prototype.dequeue = function (...args) {
  const response = serving.getStore();
  return response !== undefined && response.socket?.destroyed !== false ? [] : dequeue.apply(this, args);
};
