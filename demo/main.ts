/**
 * The sandbox's entry: start the mock API in this page, put the saved engine state back, then
 * mount the app (and with it the widget), so the widget never sees the world before the restore.
 */
import '../src/define.ts';
import './sandbox-app.ts';
import { loadRescued, loadSettings, restoreSnapshot, saveSnapshot } from './persist.ts';
import { startSandboxMock } from './sandbox-mock.ts';
import { applyScenario } from './scenarios.ts';

const root = document.getElementById('sandbox')!;

try {
  const mock = await startSandboxMock();
  const restored = await restoreSnapshot(mock);
  const settings = loadSettings();
  applyScenario(mock, settings.scenario);
  if (restored.outcome !== 'restored') await saveSnapshot(mock);
  const app = document.createElement('sandbox-app');
  app.mock = mock;
  app.settings = settings;
  // Kept until the visitor discards it, on this visit and the next ones.
  app.rescued = restored.outcome === 'unloadable' ? restored.rescued : await loadRescued();
  root.replaceChildren(app);
} catch (error) {
  const message = document.createElement('p');
  message.className = 'boot';
  message.setAttribute('role', 'alert');
  message.textContent = `The mock booking engine could not start: ${(error as Error).message}. The sandbox needs service workers (a secure context: https or localhost).`;
  root.replaceChildren(message);
  throw error;
}
