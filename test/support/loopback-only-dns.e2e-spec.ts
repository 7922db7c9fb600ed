import { lookup as lookupCallback } from 'node:dns';
import { lookup } from 'node:dns/promises';

// The suite's DNS guard (test/support/loopback-only-dns.cjs, a Jest setup file): names other than loopback fail
// as unknown hosts, at once, however the code under test resolves them.
describe('Tests resolve loopback names only', () => {
  it('refuses a public name through the promise API, the callback API and fetch', async () => {
    await expect(lookup('tin.example.vn', { all: true })).rejects.toMatchObject({ code: 'ENOTFOUND', hostname: 'tin.example.vn' });
    await expect(new Promise((resolve, reject) => lookupCallback('songhong.example.vn', (error, address) => (error ? reject(error) : resolve(address))))).rejects.toMatchObject({
      code: 'ENOTFOUND',
    });
    await expect(fetch('http://baochi.example.vn/tin.html')).rejects.toMatchObject({ cause: { code: 'ENOTFOUND' } });
  });

  it('still resolves localhost and passes address literals through', async () => {
    const addresses = (await lookup('localhost', { all: true })).map((answer) => answer.address);
    expect(addresses.some((address) => address === '127.0.0.1' || address === '::1')).toBe(true);
    await expect(lookup('127.0.0.1')).resolves.toMatchObject({ address: '127.0.0.1', family: 4 });
  });
});
