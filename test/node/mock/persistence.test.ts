/**
 * `npm run api -- --data <file>` as a child process: every booking the API acknowledged is there
 * after a kill -9 and a restart, even a kill in the middle of writes; a data file that cannot be
 * loaded stops the start with its name and is left untouched.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { KEYS, basic } from './harness.ts';

interface Cli {
  child: ChildProcess;
  url: string;
}

function spawnCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/mock/cli.ts', ...args], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Starts the CLI and waits for the line that says where it listens. */
async function startCli(args: string[], env: Record<string, string> = {}): Promise<Cli> {
  const started = spawnCli(args, env);
  const url = await new Promise<string>((resolve, reject) => {
    started.child.stdout!.on('data', () => {
      const match = /on (http:\/\/\S+\/v2)/.exec(started.output().stdout);
      if (match) resolve(match[1]!);
    });
    void started.exited.then((code) =>
      reject(new Error(`the CLI exited (${code}): ${started.output().stderr}`)),
    );
  });
  return { child: started.child, url };
}

function killHard(cli: Cli): Promise<void> {
  return new Promise((resolve) => {
    if (cli.child.exitCode !== null || cli.child.signalCode !== null) return resolve();
    cli.child.once('exit', () => resolve());
    cli.child.kill('SIGKILL');
  });
}

const DAY = 86_400_000;

/** An owner's class on the demo data, a few days ahead, at its own hour so none collide. */
async function book(url: string, index: number): Promise<string | undefined> {
  const start = Math.ceil(Date.now() / DAY) * DAY + 3 * DAY + index * 3_600_000;
  const response = await fetch(`${url}/bookings`, {
    method: 'POST',
    headers: { Authorization: basic(KEYS.owner), 'Content-Type': 'application/json' },
    body: JSON.stringify({
      graph: 'group_owner',
      project_id: 'proj_yoga',
      resource_id: 'res_doc',
      settings: { max_seats: 5 },
      ignore_capacity: true,
      event: {
        start: new Date(start).toISOString(),
        end: new Date(start + 1_800_000).toISOString(),
        what: `Persisted class ${index}`,
      },
    }),
  });
  if (response.status !== 201) return undefined;
  return ((await response.json()) as { data: { id: string } }).data.id;
}

async function bookingIds(url: string): Promise<Set<string>> {
  const response = await fetch(`${url}/bookings?graph=group_owner`, {
    headers: { Authorization: basic(KEYS.owner) },
  });
  const { data } = (await response.json()) as { data: Array<{ id: string }> };
  return new Set(data.map((booking) => booking.id));
}

// The bound is for the whole suite: eight CLI starts under `--import tsx`, each 3-10 s on a
// loaded two-core machine. It only catches a hang; a lost booking fails on its own assertion.
describe('npm run api --data: nothing acknowledged is lost', { timeout: 300_000 }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'slotkit-data-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('bookings made, kill -9, restart: every acknowledged booking is there', async () => {
    const file = join(dir, 'plain.json');
    const first = await startCli(['--data', file]);
    const acknowledged: string[] = [];
    try {
      for (let index = 0; index < 10; index++) {
        const id = await book(first.url, index);
        assert.ok(id, `booking ${index} was made`);
        acknowledged.push(id);
      }
    } finally {
      await killHard(first);
    }
    const second = await startCli(['--data', file]);
    try {
      const ids = await bookingIds(second.url);
      for (const id of acknowledged) assert.ok(ids.has(id), `booking ${id} survived`);
    } finally {
      await killHard(second);
    }
  });

  test('kill -9 while bookings are being written, three times over: the file always loads, with every acknowledged booking', async () => {
    const file = join(dir, 'busy.json');
    const acknowledged: string[] = [];
    let index = 100;
    for (let round = 0; round < 3; round++) {
      const cli = await startCli(['--data', file]);
      const ids = await bookingIds(cli.url);
      for (const id of acknowledged) assert.ok(ids.has(id), `round ${round}: ${id} survived`);
      // Eight writers at once, killed while they are still going.
      let stop = false;
      const writers = Array.from({ length: 8 }, async () => {
        while (!stop) {
          const id = await book(cli.url, index++).catch(() => undefined);
          if (id && !stop) acknowledged.push(id);
          else if (!id) return;
        }
      });
      // A moment of writing and a few bookings acknowledged, however slow the machine is.
      const [started, before] = [Date.now(), acknowledged.length];
      const writing = () => Date.now() - started;
      while (
        writing() < 600 + round * 250 ||
        (acknowledged.length - before < 3 && writing() < 15_000)
      )
        await new Promise((resolve) => setTimeout(resolve, 50));
      await killHard(cli);
      stop = true;
      await Promise.all(writers);
    }
    assert.ok(acknowledged.length >= 8, `${acknowledged.length} bookings acknowledged`);
    const last = await startCli([], { SLOTKIT_DATA: file });
    try {
      const ids = await bookingIds(last.url);
      const lost = acknowledged.filter((id) => !ids.has(id));
      assert.deepEqual(lost, [], 'no acknowledged booking is lost');
    } finally {
      await killHard(last);
    }
  });

  test('a moved clock is kept too', async () => {
    const file = join(dir, 'clock.json');
    const first = await startCli(['--data', file]);
    let moved: string;
    try {
      const response = await fetch(`${first.url}/_mock/clock`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ advance: '30 days' }),
      });
      moved = ((await response.json()) as { data: { now: string } }).data.now;
    } finally {
      await killHard(first);
    }
    const second = await startCli(['--data', file]);
    try {
      const response = await fetch(`${second.url}/_mock/clock`);
      const now = ((await response.json()) as { data: { now: string } }).data.now;
      const drift = Date.parse(now) - Date.parse(moved);
      assert.ok(drift >= 0 && drift < 60_000, `the clock is where it was left (${drift} ms on)`);
    } finally {
      await killHard(second);
    }
  });

  for (const [label, content] of [
    ['not JSON', '{"version":1,"store":'],
    ['not a snapshot', '{"hello":"world"}'],
  ] as const) {
    test(`a data file that is ${label} stops the start, names the file, and is left as it was`, async () => {
      const file = join(dir, `broken-${label.replaceAll(' ', '-')}.json`);
      writeFileSync(file, content);
      const started = spawnCli(['--data', file]);
      const code = await started.exited;
      assert.equal(code, 1);
      const { stderr, stdout } = started.output();
      assert.ok(stderr.includes(file), stderr);
      assert.match(stderr, /left as it is/);
      assert.doesNotMatch(stdout, /mock API on/);
      assert.equal(readFileSync(file, 'utf8'), content, 'not overwritten');
    });
  }

  test('without --data the start says the data is in memory only', async () => {
    const started = spawnCli([]);
    try {
      await new Promise<void>((resolve) =>
        started.child.stdout!.on('data', () => {
          if (/in memory only/.test(started.output().stdout)) resolve();
        }),
      );
    } finally {
      started.child.kill('SIGKILL');
      await started.exited;
    }
  });
});
