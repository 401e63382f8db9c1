// Node resolve hook (module.register): the bare specifier 'electron' becomes the stand-in.
// Everything else resolves as Node would, so the main bundle's other imports must really be
// there (from the app's own node_modules in the packaged layout).
let standIn = '';
let updaterStandIn = '';

export function initialize(data) {
  standIn = data.standIn;
  updaterStandIn = data.updaterStandIn;
}

export function resolve(specifier, context, next) {
  // Through the rest of the chain, so tsx (registered before) resolves and compiles the .ts file.
  if (specifier === 'electron') return next(standIn, context);
  // electron-updater is CommonJS and require()s 'electron', which this hook cannot reach; the
  // real package's presence in the app is checked by main-bundle-imports.test.ts instead.
  if (specifier === 'electron-updater') return next(updaterStandIn, context);
  return next(specifier, context);
}
