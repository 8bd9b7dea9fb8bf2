// npm test: own process (it registers a module resolve hook, which is process-wide)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SlotkitNetworkError } from '../../../src/sdk/errors.ts';
import { watchImports } from '../import-watch.ts';
import { aHold } from '../schemas/wire-values.ts';
import { clientWith, ok } from './helpers.ts';

/**
 * The later steps' schemas (later-schemas.ts) that could not be imported (offline) are imported
 * again by the next call that needs them: the visitor's retry works once the network is back.
 * The import watch fails the import while the test says offline.
 */
const { network } = watchImports([{ specifier: './later-schemas.ts', from: '/src/sdk/' }]);

test('a call whose schemas could not be imported fails, and the next call imports them', async () => {
  const { client, calls } = clientWith([ok(aHold)]);
  await network(false);
  const error = await client.getHold('hold_1').catch((caught: unknown) => caught);
  assert.ok(error instanceof SlotkitNetworkError, `offline: ${String(error)}`);
  assert.equal(calls.length, 0, 'nothing was sent');
  await network(true);
  assert.deepEqual(await client.getHold('hold_1'), aHold, 'back online, the same call works');
  assert.equal(calls.length, 1);
});
