import { type AuditEntryContent, auditEntryHash, canonicalJson, type ChainedAuditEntry, verifyAuditChain } from './audit-chain';

function chain(contents: AuditEntryContent[]): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  for (const content of contents) {
    const prevHash = entries.at(-1)?.hash ?? null;
    entries.push({ ...content, prevHash, hash: auditEntryHash(prevHash, content) });
  }
  return entries;
}

const CASE = '00000000-0000-4000-8000-000000000001';
const entry = (seq: number, after: Record<string, unknown>): AuditEntryContent => ({
  caseId: CASE,
  seq,
  action: seq === 1 ? 'created' : 'updated',
  actorId: null,
  at: `2026-03-0${seq}T01:00:00.000Z`,
  before: seq === 1 ? null : { title: 'Tin đồn về giá điện' },
  after,
});

describe('canonicalJson', () => {
  it('writes the same text whatever the key order, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'hòa' } })).toBe(canonicalJson({ a: { c: 'hòa', d: [1, { y: null, z: true }] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('drops undefined members as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });
});

describe('verifyAuditChain', () => {
  const entries = chain([entry(1, { title: 'Tin đồn về giá điện' }), entry(2, { title: 'Tin đồn tăng giá điện' }), entry(3, { severity: 'high' })]);

  it('finds an untouched chain intact, and an empty one too', () => {
    expect(verifyAuditChain(entries)).toEqual({ intact: true, firstBrokenSeq: null });
    expect(verifyAuditChain([])).toEqual({ intact: true, firstBrokenSeq: null });
  });

  it('names the entry whose content was changed', () => {
    const edited = entries.map((e) => (e.seq === 2 ? { ...e, after: { title: 'Đã sửa' } } : e));
    expect(verifyAuditChain(edited)).toEqual({ intact: false, firstBrokenSeq: 2 });
  });

  it('notices a removed entry and a rewritten hash', () => {
    expect(verifyAuditChain([entries[0]!, entries[2]!])).toEqual({ intact: false, firstBrokenSeq: 3 });
    const rehashed = entries.map(({ prevHash, hash, ...content }) => {
      if (content.seq !== 2) return { ...content, prevHash, hash };
      const forged = { ...content, actorId: CASE };
      return { ...forged, prevHash, hash: auditEntryHash(prevHash, forged) };
    });
    expect(verifyAuditChain(rehashed)).toEqual({ intact: false, firstBrokenSeq: 3 });
  });

  it('chains each hash to its predecessor', () => {
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
