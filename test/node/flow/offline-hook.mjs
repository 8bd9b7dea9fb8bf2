// A resolve hook for the flow-offline tests: flow.ts's imports of the parts named in `data`
// fail, as a script tag's chunk would when the network is gone (the other parts import
// holding.ts themselves, so they still load). Registered by the test file, in its own process.
let offline = [];

export function initialize(data) {
  offline = data.offline;
}

export async function resolve(specifier, context, next) {
  if (offline.includes(specifier) && context.parentURL?.endsWith('/src/flow/flow.ts')) {
    throw new Error(`offline: ${specifier}`);
  }
  return next(specifier, context);
}
