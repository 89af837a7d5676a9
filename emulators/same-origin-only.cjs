// Preloaded into every emulator (node -r): refuses every HTTP request and WebSocket upgrade that a web page on another
// origin makes. Loopback binding keeps other machines out, not the developer's own browser: dynalite answers any origin
// (Access-Control-Allow-Origin: *, and any made-up signature) and maildev reflects any origin with credentials, so any
// page open in that browser could write the database or read the inbox. SDKs and the AWS CLI send no Origin; the GUIs
// (dynamodb-admin, maildev's inbox) call their own origin. The Host must be a loopback name too, so a page whose own
// name was made to resolve to 127.0.0.1 (DNS rebinding) is no "own origin" either.
'use strict';
const http = require('node:http');

function isLoopbackHost(host) {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || name === '[::1]';
}

function isOwnOrigin(request) {
  if (!isLoopbackHost(request.headers.host)) {
    return false;
  }
  const origin = request.headers.origin;
  if (origin === undefined) {
    return true;
  }
  try {
    const { host, protocol } = new URL(origin);
    return (protocol === 'http:' || protocol === 'https:') && host === request.headers.host;
  } catch {
    return false;
  }
}

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, responseOrSocket, ...rest) {
  if ((event === 'request' || event === 'upgrade') && !isOwnOrigin(request)) {
    const body = 'Cross-origin requests are refused: this emulator serves its own pages and SDKs only.';
    if (event === 'request') {
      responseOrSocket.writeHead(403, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
      responseOrSocket.end(body);
    } else {
      responseOrSocket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    }
    return true;
  }
  return emit.call(this, event, request, responseOrSocket, ...rest);
};
