import { readFileSync } from 'node:fs';
import { ITEMS_INDEX_TEMPLATE } from './items-index-template';

describe('items index template', () => {
  it('ships ops/elasticsearch/items-index-template.json equal to the definition the engine installs', () => {
    const file = new URL('../../../../ops/elasticsearch/items-index-template.json', import.meta.url);
    const shipped: unknown = JSON.parse(readFileSync(file, 'utf8'));

    expect(shipped).toEqual(ITEMS_INDEX_TEMPLATE);
  });
});
