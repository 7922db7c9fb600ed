import { readFileSync } from 'node:fs';
import { runParseFeed } from './index';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/parsing/feeds/${name}`, import.meta.url), 'utf8');

describe('vigil parse-feed', () => {
  it('prints the parsed feed as JSON with ISO dates and exits 0', () => {
    const { exitCode, stdout, stderr } = runParseFeed(fixture('rss2.xml'));
    expect(exitCode).toBe(0);
    expect(stderr).toBe('');
    const output = JSON.parse(stdout) as { title: string; link: string; items: Record<string, unknown>[] };
    expect(Object.keys(output)).toEqual(['title', 'link', 'items']);
    expect(output.title).toBe('Tin Nhanh – Thời sự');
    expect(output.link).toBe('https://tinnhanh.example.vn/');
    expect(output.items[0]).toEqual({
      title: 'Bộ Y tế bác bỏ tin đồn về vắc-xin cúm mùa',
      link: 'https://tinnhanh.example.vn/suc-khoe/bo-y-te-bac-bo-tin-don-vac-xin-cum-mua-4812345.html',
      id: 'tn-4812345',
      published: '2026-11-26T01:15:00.000Z',
      updated: '2026-11-26T02:00:00.000Z',
      summary:
        '<img src="/anh/2026/11/vac-xin.jpg" alt=""> Bộ Y tế khẳng định thông tin lan truyền trên mạng xã hội là sai sự thật.',
      content: '<p>Chiều 26/11, Bộ Y tế (hư cấu) khẳng định vắc-xin cúm mùa an toàn.</p>',
    });
    expect(output.items[2]).toMatchObject({ published: '2026-11-26T01:15:00.000Z', updated: null, content: null });
  });

  it('prints Atom and JSON Feed the same way', () => {
    expect(JSON.parse(runParseFeed(fixture('atom.xml')).stdout).items[1]).toEqual({
      title: 'Lịch tiếp công dân tháng 12',
      link: 'https://hoabinhxanh.example.gov.vn/tin-tuc/lich-tiep-cong-dan-thang-12.html',
      id: 'tag:hoabinhxanh.example.gov.vn,2026:tin-20261125',
      published: '2026-11-25T16:20:00.000Z',
      updated: '2026-11-25T16:20:00.000Z',
      summary: 'Lịch tiếp công dân định kỳ.',
      content: null,
    });
    expect(JSON.parse(runParseFeed(fixture('feed.json')).stdout).title).toBe('Kiểm Chứng 24h');
  });

  it('exits 1 with the reason on an unreadable feed', () => {
    expect(runParseFeed('<html><body>Not found</body></html>')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'Unreadable feed: got an HTML page, not a feed\n',
    });
  });
});
