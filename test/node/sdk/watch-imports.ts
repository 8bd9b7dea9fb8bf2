import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

/**
 * For an own-process test (`// npm test: own process`): registers watch-hook.mjs, which reports
 * each module the process resolves from then on and can fail the SDK's import of
 * later-schemas.ts as a browser offline would. Import what the test watches after calling it.
 * Used by the SDK's idle-prefetch and later-schemas-retry tests and by the flow's prefetch test.
 */
export interface ImportWatch {
  /** Every module resolved since the call, as URLs, in order. */
  resolved: string[];
  /** Resolves once every module resolved so far has been reported: the hook reports in order. */
  reported(): Promise<void>;
  /** Tells the hook, and waits for its answer: from then on it fails the import, or not. */
  network(online: boolean): Promise<void>;
}

export function watchImports(): ImportWatch {
  const { port1, port2 } = new MessageChannel();
  const resolved: string[] = [];
  port1.on('message', (message: unknown) => {
    if (typeof message === 'string') resolved.push(message);
  });
  port1.unref();
  register('./watch-hook.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
  let marks = 0;
  return {
    resolved,
    async reported() {
      const mark = `data:text/javascript,export default ${++marks}`;
      await import(mark);
      while (!resolved.includes(mark)) await new Promise((resolve) => setTimeout(resolve, 5));
    },
    network(online) {
      return new Promise((resolve) => {
        const answer = (message: unknown) => {
          if (typeof message === 'string') return;
          port1.off('message', answer);
          port1.unref();
          resolve();
        };
        // Kept alive until the hook answers: nothing else in the process waits for it.
        port1.ref();
        port1.on('message', answer);
        port1.postMessage({ offline: !online });
      });
    },
  };
}
