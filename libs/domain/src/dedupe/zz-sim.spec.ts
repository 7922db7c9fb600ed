import { simhash64, hammingDistance } from './simhash';
let seed = 42;
const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
const vocab = Array.from({ length: 3000 }, (_, i) => `w${i}`);
const words = (n: number) => Array.from({ length: n }, () => vocab[Math.floor(rnd() * vocab.length)]).join(' ');
it('sim', () => {
  for (const n of [150, 300, 600, 1000]) for (const k of [4, 8, 15, 30]) {
    const d: number[] = [];
    for (let t = 0; t < 300; t++) { const body = words(n); d.push(hammingDistance(simhash64(body), simhash64(`${words(k / 2)} ${body} ${words(k / 2)}`))); }
    d.sort((a, b) => a - b);
    console.log(n, k, 'p50', d[150], 'p90', d[270], 'le3', d.filter((x) => x <= 3).length / 300);
  }
  const d: number[] = [];
  for (let t = 0; t < 2000; t++) d.push(hammingDistance(simhash64(words(300)), simhash64(words(300))));
  console.log('unrelated min', Math.min(...d));
});
