// `npm ci` warns EBADENGINE for every locked package whose `engines.node` excludes the Node it runs on. Machines here
// run Node 20, and package.json promises its `engines` range: every locked package must accept both the oldest
// version of that range and the Node running this test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const readJson = <T>(path: string): T => JSON.parse(readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8')) as T;

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

describe('Node engines', () => {
  const ours = readJson<{ engines: { node: string } }>('package.json').engines.node;
  const locked = Object.entries(readJson<{ packages: Record<string, LockedPackage> }>('package-lock.json').packages).filter(([path]) => path !== '');

  it.each([
    ['the oldest Node package.json allows', semver.minVersion(ours)!.version],
    ['the Node running this test', process.version],
  ])('every locked package accepts %s (%s)', (_label, version) => {
    const refusing = locked.flatMap(([path, pkg]) => {
      const range = pkg.engines && !Array.isArray(pkg.engines) ? pkg.engines.node : undefined;
      return range && !semver.satisfies(version, range) ? [`${path}@${pkg.version} wants node ${range}`] : [];
    });
    expect(refusing).toEqual([]);
  });

  it('runs on a Node inside the range package.json declares', () => {
    expect(semver.satisfies(process.version, ours)).toBe(true);
  });
});
