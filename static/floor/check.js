// Runs in every browser, old ones included, so it is written in ES5. Svelte 5 and our bundles
// need Chrome 87 / Safari 14 / Firefox 83: below that, say so plainly instead of a blank page.
(function () {
	var ok =
		self.tokSyntaxOk === true &&
		typeof Promise.any === 'function' &&
		typeof String.prototype.replaceAll === 'function';
	if (!ok) document.documentElement.className += ' tok-unsupported';
})();
