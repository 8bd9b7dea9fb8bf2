// A module resolve hook for own-process tests, registered by import-watch.ts: reports every
// module the process resolves to the port the test hands over, and while the test says offline
// fails the imports it named (a specifier, from a module whose URL contains `from`), as a
// browser offline fails a chunk: the SDK's later-schemas.ts, the flow's later parts.
let port;
let failing = [];
let offline = false;

export function initialize(data) {
  port = data.port;
  failing = data.failing;
  offline = data.offline;
  port.on('message', (message) => {
    offline = message.offline;
    port.postMessage({ offline });
  });
  port.unref();
}

export async function resolve(specifier, context, next) {
  const fails = failing.some(
    (one) => one.specifier === specifier && context.parentURL?.includes(one.from),
  );
  if (offline && fails) throw new Error(`offline: ${specifier}`);
  const resolved = await next(specifier, context);
  port.postMessage(resolved.url);
  return resolved;
}
