import { descendants, linkDensity, parseDocument, visibleText } from './dom-text';
import { TextIndex } from './text-index';

const PAGE = `<!DOCTYPE html><html><head></head><body>
  <div id="story"> <h1>Tiêu đề</h1>
    <p>Đoạn  một\t có <a href="/a">liên   kết</a> ở giữa. </p><p>\u00a0Đoạn hai<br>xuống dòng</p>
    <ul class="links"><li><a href="/b">Tin B</a></li><li> <a href="/c">Tin C</a> </li></ul>
  </div><footer>  <p>Chân trang</p></footer></body></html>`;

function expectIndexAgrees(root: Element, index: TextIndex): void {
  for (const element of [root, ...descendants(root)]) {
    expect(index.text(element)).toBe(visibleText(element));
    expect(index.length(element)).toBe(visibleText(element).length);
    expect(index.linkDensity(element)).toBeCloseTo(linkDensity(element), 10);
  }
}

describe('TextIndex', () => {
  it('answers what visibleText and linkDensity answer, for every element of a page', () => {
    const document = parseDocument(PAGE);
    expectIndexAgrees(document.body, new TextIndex());
  });

  it('stays exact after removals made through it, and knows what was removed', () => {
    const document = parseDocument(PAGE);
    const index = new TextIndex();
    expectIndexAgrees(document.body, index); // fill every value first, so the removals must invalidate them
    const list = document.querySelector('ul')!;
    const firstLink = list.querySelector('a')!;
    index.remove(document.querySelector('footer')!);
    index.remove(list);
    index.remove(document.querySelector('p a')!);
    expectIndexAgrees(document.body, index);
    expect(index.isRemoved(list)).toBe(true);
    expect(index.isRemoved(firstLink)).toBe(true);
    expect(index.isRemoved(document.querySelector('h1')!)).toBe(false);
  });

  it('measures markup nested deeper than the call stack', () => {
    const depth = 20_000;
    const document = parseDocument(`<html><body>${'<div>'.repeat(depth)}<p> nội  dung </p>${'</div>'.repeat(depth)}</body></html>`);
    expect(new TextIndex().text(document.body)).toBe('nội dung');
  });
});
