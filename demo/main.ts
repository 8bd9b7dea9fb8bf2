/**
 * The sandbox's entry: start the mock API in this page, put the saved engine state back, then
 * mount the app (and with it the widget), so the widget never sees the world before the restore.
 */
import '../src/define.ts';
import './sandbox-app.ts';
import { loadSettings, restoreSnapshot, saveSnapshot } from './persist.ts';
import { startSandboxMock } from './sandbox-mock.ts';
import { applyScenario } from './scenarios.ts';

const root = document.getElementById('sandbox')!;

try {
  const mock = await startSandboxMock();
  const restored = await restoreSnapshot(mock);
  const settings = loadSettings();
  applyScenario(mock, settings.scenario);
  if (restored !== 'restored') await saveSnapshot(mock);
  const app = document.createElement('sandbox-app');
  app.mock = mock;
  app.settings = settings;
  if (restored === 'corrupt') {
    app.startNote =
      'The saved sandbox state could not be loaded, so it was cleared: you are on fresh demo data.';
  }
  root.replaceChildren(app);
} catch (error) {
  const message = document.createElement('p');
  message.className = 'boot';
  message.setAttribute('role', 'alert');
  message.textContent = `The mock booking engine could not start: ${(error as Error).message}. The sandbox needs service workers (a secure context: https or localhost).`;
  root.replaceChildren(message);
  throw error;
}
