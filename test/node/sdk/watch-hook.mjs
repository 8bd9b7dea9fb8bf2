// A resolve hook for idle-prefetch.test.ts: reports every module the process resolves to the
// port the test hands over, so the test sees when a dynamic import starts. Own process only.
let port;

export function initialize(data) {
  port = data.port;
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  port.postMessage(resolved.url);
  return resolved;
}
