// Tests reach loopback only: a lookup of any other host name fails at once, as an unknown host does, without asking
// a resolver. A fixture's public-looking link (https://tin.example.vn/…) then never dials out, and a slow or absent
// resolver on the machine cannot stall a spec. Core modules are shared by every test file in the process.
const dns = require('node:dns');
const { isIP } = require('node:net');
const { syncBuiltinESMExports } = require('node:module');

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);
const GUARDED = Symbol.for('vigil.loopbackOnlyDns');

function isLoopbackName(hostname) {
  return typeof hostname !== 'string' || isIP(hostname) !== 0 || LOOPBACK_NAMES.has(hostname.toLowerCase());
}

function notFound(hostname) {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (tests resolve loopback names only)`), { code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname });
}

if (!dns[GUARDED]) {
  const lookup = dns.lookup;
  dns.lookup = function loopbackOnlyLookup(hostname, options, callback) {
    if (isLoopbackName(hostname)) return lookup.call(this, hostname, options, callback);
    const done = typeof options === 'function' ? options : callback;
    process.nextTick(() => done(notFound(hostname)));
    return {};
  };
  const lookupPromise = dns.promises.lookup;
  dns.promises.lookup = function loopbackOnlyLookup(hostname, options) {
    return isLoopbackName(hostname) ? lookupPromise.call(this, hostname, options) : Promise.reject(notFound(hostname));
  };
  dns[GUARDED] = true;
  syncBuiltinESMExports();
}
