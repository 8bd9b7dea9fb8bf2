// A resolve hook for own-process tests, registered by watch-imports.ts: reports every module
// the process resolves to the port the test hands over, and while the test says
// `{ offline: true }` fails the SDK's import of later-schemas.ts, as a browser offline would.
let port;
let offline = false;

export function initialize(data) {
  port = data.port;
  port.on('message', (message) => {
    offline = message.offline;
    port.postMessage({ offline });
  });
  port.unref();
}

export async function resolve(specifier, context, next) {
  if (offline && specifier === './later-schemas.ts' && context.parentURL?.includes('/src/sdk/'))
    throw new Error(`offline: ${specifier}`);
  const resolved = await next(specifier, context);
  port.postMessage(resolved.url);
  return resolved;
}
