// Starts fauxqs (SQS) without its per-request log; port and host come from FAUXQS_PORT and FAUXQS_HOST. With
// FAUXQS_PERSISTENCE=true it keeps its queues and messages in SQLite under FAUXQS_DATA_DIR, so a restart loses none.
import { startFauxqs } from './node_modules/fauxqs/dist/app.js';

const persistent = process.env.FAUXQS_PERSISTENCE === 'true' && process.env.FAUXQS_DATA_DIR;
await startFauxqs({ logger: false, dataDir: persistent ? process.env.FAUXQS_DATA_DIR : undefined });
