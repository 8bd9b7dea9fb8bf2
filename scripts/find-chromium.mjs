// Finds a Chromium for the browser tests. Playwright's and puppeteer's own downloads do not
// work on this machine, so we rely on a system browser and install Debian's when we can.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

// /usr/lib/chromium/chromium is the real binary; /usr/bin/chromium is a wrapper script that
// prints a harmless warning on every launch.
const candidates = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
const onPath = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function which(name) {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = result.stdout.trim();
  return result.status === 0 && path ? path : undefined;
}

/** Returns the path of a usable Chromium, or undefined. */
export function locateChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    // An explicit but wrong CHROME_PATH is a mistake to report, not to paper over.
    if (!isExecutable(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} is not an executable`);
    return fromEnv;
  }
  return candidates.find(isExecutable) ?? onPath.map(which).find(Boolean);
}

function canInstall() {
  return process.platform === 'linux' && process.getuid?.() === 0 && Boolean(which('apt-get'));
}

/**
 * Returns a Chromium path, installing Debian's chromium first when none is found and we are
 * root with apt-get. Otherwise exits with one line saying how to get a browser.
 */
export function ensureChromium({ log = console.error } = {}) {
  const found = locateChromium();
  if (found) return found;
  if (canInstall()) {
    log('[find-chromium] no Chromium found: running apt-get update && apt-get install -y chromium');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // stdout goes to stderr so callers that capture our stdout only get the path.
    const stdio = ['ignore', process.stderr, process.stderr];
    execFileSync('apt-get', ['update'], { stdio, env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio,
      env,
    });
    const installed = locateChromium();
    if (installed) {
      log(`[find-chromium] installed ${installed}`);
      return installed;
    }
  }
  console.error(
    'No Chromium found: install one (e.g. `sudo apt-get install chromium`) or set CHROME_PATH to a Chrome/Chromium binary.',
  );
  process.exit(1);
}

// `node scripts/find-chromium.mjs` prints the path, for shell use.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(ensureChromium());
}
