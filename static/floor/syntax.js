// Parsed only by browsers at Tok's floor (Chrome 87, Safari 14, Firefox 83): older ones fail to
// parse this file, so the flag stays unset and floor/check.js says so. A file of its own because
// the Content-Security-Policy allows neither inline scripts nor eval.
var a = {};
a.b ??= 1;
self.tokSyntaxOk = a?.b === 1;
