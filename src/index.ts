// Public ESM entry, side-effect free. Exports land with the components and the SDK.
export {};
