import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

/**
 * For an own-process test (`// npm test: own process`): registers import-hook.mjs, which reports
 * each module the process resolves from then on and, while offline, fails the imports named in
 * `failing`, as a browser offline fails a chunk. Import what the test watches after calling it.
 */
export interface ImportWatch {
  /** Every module resolved since the call, as URLs, in order. */
  resolved: string[];
  /** Resolves once every module resolved so far has been reported: the hook reports in order. */
  reported(): Promise<void>;
  /** Tells the hook, and waits for its answer: from then on it fails those imports, or not. */
  network(online: boolean): Promise<void>;
}

/** An import to fail: `specifier` as written in a module whose URL contains `from`. */
export interface Failing {
  specifier: string;
  from: string;
}

export function watchImports(failing: Failing[] = [], { offline = false } = {}): ImportWatch {
  const { port1, port2 } = new MessageChannel();
  const resolved: string[] = [];
  port1.on('message', (message: unknown) => {
    if (typeof message === 'string') resolved.push(message);
  });
  port1.unref();
  register('./import-hook.mjs', import.meta.url, {
    data: { port: port2, failing, offline },
    transferList: [port2],
  });
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
