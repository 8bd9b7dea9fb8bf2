import { DEMO_KEYS } from '../engine/index.ts';
import { startHttpServer } from './server.ts';

// `npm run api`: the mock booking API with the demo data on 127.0.0.1 (PORT, default 8787).
const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), not "${process.env.PORT}"`);
  process.exit(1);
}
const running = await startHttpServer({ port, seed: 'demo' });
console.log(`slotkit mock API on ${running.url}`);
console.log(`  owner key:  ${DEMO_KEYS.owner}`);
for (const [name, key] of Object.entries(DEMO_KEYS))
  if (name !== 'owner') console.log(`  widget key (${name}): ${key}`);
const stop = () => void running.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
