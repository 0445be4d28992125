// What tests/e2e/photoUploads.spec.ts bundles and runs in the browser: the phone's photo module
// and the user database it works on.
export { TokDb } from '../../../src/lib/client/db';
export * from '../../../src/lib/client/inspector/photos';
