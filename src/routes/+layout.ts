// Tok renders in the browser from IndexedDB: the server sends one prerendered shell (see
// routes/shell) that the service worker also serves offline, and pages never wait on it.
export const ssr = false;
export const prerender = false;
