import { parseArgs } from 'node:util';
import { DEMO_KEYS } from '../engine/index.ts';
import { DataFileError } from './data-file.ts';
import { startHttpServer } from './server.ts';

/**
 * `npm run api`: the mock booking API with the demo data on 127.0.0.1 (PORT, default 8787).
 *   --data <file>        keep the data in <file> across restarts (or SLOTKIT_DATA); else in memory
 *   --mock-origin <url>  a page origin that may call /_mock/* (repeatable; or SLOTKIT_MOCK_ORIGINS,
 *                        comma-separated)
 */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values: { data?: string; 'mock-origin'?: string[] };
try {
  ({ values } = parseArgs({
    options: {
      data: { type: 'string' },
      'mock-origin': { type: 'string', multiple: true },
    },
  }));
} catch (error) {
  fail(
    `${(error as Error).message}\nUsage: npm run api -- [--data <file>] [--mock-origin <origin>]...`,
  );
}

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  fail(`PORT must be a port number (0-65535), not "${process.env.PORT}"`);
}

const mockOrigins = [
  ...(process.env.SLOTKIT_MOCK_ORIGINS ?? '').split(','),
  ...(values['mock-origin'] ?? []),
]
  .map((origin) => origin.trim())
  .filter(Boolean);
for (const origin of mockOrigins) {
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  if (parsed?.origin !== origin) {
    fail(
      `--mock-origin / SLOTKIT_MOCK_ORIGINS: "${origin}" is not an origin such as http://localhost:5173`,
    );
  }
}

const dataFile = values.data ?? (process.env.SLOTKIT_DATA || undefined);
let running;
try {
  running = await startHttpServer({ port, seed: 'demo', mockOrigins, dataFile });
} catch (error) {
  if (error instanceof DataFileError) fail(error.message);
  throw error;
}
console.log(`slotkit mock API on ${running.url}`);
console.log(
  dataFile ? `  data kept in: ${dataFile}` : '  data in memory only (--data <file> to keep it)',
);
console.log(`  owner key:  ${DEMO_KEYS.owner}`);
for (const [name, key] of Object.entries(DEMO_KEYS))
  if (name !== 'owner') console.log(`  widget key (${name}): ${key}`);
const stop = () => void running.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
