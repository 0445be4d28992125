// The app shell: prerendered once, precached by the service worker and served for every
// navigation. With ssr off it holds no page content; the router renders the URL asked for.
export const prerender = true;
