// Starts fauxqs (SQS) without its per-request log; port and host come from FAUXQS_PORT and FAUXQS_HOST.
import { startFauxqs } from './node_modules/fauxqs/dist/app.js';

await startFauxqs({ logger: false });
