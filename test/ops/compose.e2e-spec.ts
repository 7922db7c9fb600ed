// docker-compose.yml, the Dockerfile and ops/env.example cannot be run here (no Docker engine), so this spec
// pins down their shape and keeps them in step with the variables libs/config declares.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@vigil/config';
import { load } from 'js-yaml';

const repoFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const readRepoFile = (path: string) => readFileSync(repoFile(path), 'utf8');

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | { target?: number; published?: string | number }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  deploy?: { replicas?: number };
  volumes?: string[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const INFRASTRUCTURE = ['postgres', 'redis', 'elasticsearch'] as const;
const APPLICATIONS = ['api', 'ingestor'] as const;
const EDGE = ['proxy'] as const;
/** Variables the compose file substitutes that Vigil itself never reads. */
const COMPOSE_ONLY_VARIABLES = ['POSTGRES_PASSWORD'];

const composeText = readRepoFile('docker-compose.yml');
const compose = load(composeText) as ComposeFile;
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};

/** Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?error}` substitution, enough for this file. */
function interpolate(value: string, variables: Record<string, string | undefined>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-?])([^}]*))?\}/g, (_match, name: string, kind?: string, arg?: string) => {
    const current = variables[name];
    if (current !== undefined && current !== '') return current;
    if (kind === '?') throw new Error(`${name}: ${arg ?? 'required'}`);
    return kind === '-' ? (arg ?? '') : '';
  });
}

function environmentOf(name: string, variables: Record<string, string | undefined> = {}): Record<string, string> {
  const raw = service(name).environment ?? {};
  const entries = Array.isArray(raw)
    ? raw.map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as const;
      })
    : Object.entries(raw).map(([key, value]) => [key, value === null ? '' : String(value)] as const);
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolate(value, variables)]));
}

const commandTokens = (command: ComposeService['command']): string[] =>
  Array.isArray(command) ? command : (command ?? '').split(/\s+/).filter(Boolean);

function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0] ?? image;
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon === -1 ? undefined : lastSegment.slice(colon + 1);
}

/** Names declared as keys of the zod object passed to `environmentSchema`, read from the source text. */
function declaredConfigVariables(): string[] {
  const source = readRepoFile('libs/config/src/vigil-config.ts');
  const block = /const environmentSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(source)?.[1];
  if (!block) throw new Error('environmentSchema = z.object({...}) not found in libs/config/src/vigil-config.ts');
  return [...block.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*:/gm)].map((match) => match[1] as string);
}

/** `NAME=value` lines of ops/env.example, each with the comment line just above it. */
function documentedVariables(): Map<string, string> {
  const lines = readRepoFile('ops/env.example').split('\n');
  const documented = new Map<string, string>();
  lines.forEach((line, index) => {
    const name = /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1];
    if (name) documented.set(name, lines[index - 1] ?? '');
  });
  return documented;
}

describe('docker-compose.yml', () => {
  it('runs exactly postgres, redis, elasticsearch, api, ingestor and the proxy', () => {
    expect(Object.keys(compose.services).sort()).toEqual([...INFRASTRUCTURE, ...APPLICATIONS, ...EDGE].sort());
  });

  it('builds api and ingestor from the same Dockerfile into one image', () => {
    const [api, ingestor] = APPLICATIONS.map(service);
    expect(api?.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(ingestor?.build).toEqual(api?.build);
    expect(ingestor?.image).toBe(api?.image);
    expect(commandTokens(api?.command)).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(commandTokens(ingestor?.command)).toEqual(['node', 'dist/apps/ingestor/src/main.js']);
  });

  it('runs two APIs listening on every interface, reached only through the proxy on port 3000', () => {
    expect(service('api').deploy?.replicas).toBe(2);
    expect(service('api').ports).toBeUndefined();
    expect(environmentOf('api', { ADMIN_PASSWORD: 'x'.repeat(12) })).toMatchObject({ HOST: '0.0.0.0', PORT: '3000', VIGIL_TRUST_PROXY: '1' });
    expect(service('proxy').ports).toEqual(['3000:3000']);
    expect(service('proxy').volumes).toEqual(['./ops/proxy/nginx.conf:/etc/nginx/nginx.conf:ro']);
    expect(service('proxy').depends_on).toEqual({ api: { condition: 'service_healthy' } });
  });

  it('proxies WebSocket upgrades and keeps a client on one API (socket.io long-polling needs it)', () => {
    const nginx = readRepoFile('ops/proxy/nginx.conf');
    const upstream = /upstream vigil_api \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect(upstream).toMatch(/^\s*ip_hash;$/m);
    expect(upstream).toMatch(/^\s*server api:3000 resolve;$/m);
    expect(nginx).toMatch(/proxy_pass http:\/\/vigil_api;/);
    expect(nginx).toMatch(/proxy_http_version 1\.1;/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
  });

  it('runs two ingestors and publishes no port from them', () => {
    expect(service('ingestor').deploy?.replicas).toBe(2);
    expect(service('ingestor').ports).toBeUndefined();
  });

  it.each(APPLICATIONS)('points %s at the postgres, redis and elasticsearch services', (name) => {
    const environment = environmentOf(name, { ADMIN_PASSWORD: 'x'.repeat(12) });
    const url = (variable: string) => new URL(environment[variable] ?? 'missing:');
    expect(url('DATABASE_URL')).toMatchObject({ protocol: 'postgres:', hostname: 'postgres', port: '5432' });
    expect(url('REDIS_URL')).toMatchObject({ protocol: 'redis:', hostname: 'redis', port: '6379' });
    expect(url('ELASTICSEARCH_URL')).toMatchObject({ protocol: 'http:', hostname: 'elasticsearch', port: '9200' });
  });

  it.each(APPLICATIONS)('starts %s only once every infrastructure service is healthy', (name) => {
    expect(service(name).depends_on).toEqual(
      Object.fromEntries(INFRASTRUCTURE.map((dependency) => [dependency, { condition: 'service_healthy' }])),
    );
  });

  it.each(APPLICATIONS)('gives %s an environment that Vigil accepts at start', (name) => {
    const declared = new Set(declaredConfigVariables());
    const environment = environmentOf(name, { ADMIN_PASSWORD: 'a long enough passphrase' });
    expect(Object.keys(environment).filter((key) => !declared.has(key))).toEqual([]);
    expect(() => loadConfig(environment)).not.toThrow();
  });

  it('refuses to start the API without ADMIN_PASSWORD', () => {
    expect(() => environmentOf('api', {})).toThrow(/ADMIN_PASSWORD: set ADMIN_PASSWORD/);
    expect(composeText).toContain('${ADMIN_PASSWORD:?set ADMIN_PASSWORD}');
  });

  it('runs Redis as BullMQ needs it: noeviction, append-only file', () => {
    const tokens = commandTokens(service('redis').command).join(' ');
    expect(tokens).toMatch(/--maxmemory-policy noeviction\b/);
    expect(tokens).toMatch(/--appendonly yes\b/);
  });

  it('runs Elasticsearch as a single node without security and with a fixed heap', () => {
    const environment = environmentOf('elasticsearch');
    expect(environment['discovery.type']).toBe('single-node');
    expect(environment['xpack.security.enabled']).toBe('false');
    const heap = /-Xms(\d+[mg]) -Xmx(\d+[mg])/.exec(environment.ES_JAVA_OPTS ?? '');
    expect(heap?.[1]).toBeDefined();
    expect(heap?.[1]).toBe(heap?.[2]);
  });

  it.each(INFRASTRUCTURE)('health-checks %s', (name) => {
    const check = service(name).healthcheck;
    expect(check?.disable).not.toBe(true);
    const test = commandTokens(check?.test);
    expect(test.length).toBeGreaterThan(1);
    expect(test[0]).not.toBe('NONE');
  });

  it('health-checks PostgreSQL with pg_isready', () => {
    expect(commandTokens(service('postgres').healthcheck?.test).join(' ')).toContain('pg_isready');
  });

  it.each(Object.keys(compose.services))('pins the image tag of %s', (name) => {
    const image = service(name).image;
    expect(image).toBeDefined();
    const tag = imageTag(image ?? '');
    expect(tag).toBeDefined();
    expect(tag).not.toBe('latest');
    if (!service(name).build) expect(tag).toMatch(/^\d+\.\d+/);
  });

  it('keeps infrastructure data in named volumes', () => {
    expect(Object.keys(compose.volumes ?? {}).sort()).toEqual(['elasticsearch-data', 'postgres-data', 'redis-data']);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readRepoFile('Dockerfile');

  it('builds on a pinned Node 20 image and runs as a non-root user on port 3000', () => {
    const baseImage = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1] ?? '';
    expect(baseImage).toMatch(/^node:20\.\d+/);
    const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((match) => match[1]);
    expect(stages).toEqual(['${NODE_IMAGE}', '${NODE_IMAGE}']);
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((match) => match[1]);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
  });

  // Without a ceiling, V8 on a large host lets the heap grow to 4x the live data between full collections.
  it('gives both processes the heap limits the npm start scripts give them, and node honours them', () => {
    const heapOptions = /^\s*NODE_OPTIONS="([^"]+)"/m.exec(dockerfile)?.[1] ?? '';
    expect(heapOptions).toMatch(/^--max-old-space-size=\d+ --max-semi-space-size=\d+$/);
    for (const name of APPLICATIONS) expect(environmentOf(name, { ADMIN_PASSWORD: 'x'.repeat(12) })).not.toHaveProperty('NODE_OPTIONS');
    const scripts = Object.values((JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> }).scripts);
    const launches = scripts.flatMap((script) => [...script.matchAll(/\bnode (.*?) ?dist\/apps\/(?:api|ingestor)\/src\/main\.js/g)].map((match) => match[1]));
    expect(launches).toEqual([heapOptions, heapOptions, heapOptions]);
    const [oldSpaceMiB, semiSpaceMiB] = [...heapOptions.matchAll(/=(\d+)/g)].map((match) => Number(match[1]));
    // The young generation is two semi-spaces, measured after enough allocation to grow it to its limit.
    const probe = `const a = []; for (let i = 0; i < 3e6; i++) a.push({ i });
      const newSpace = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
      console.log(JSON.stringify([v8.getHeapStatistics().heap_size_limit / 1048576, newSpace / 1048576]))`;
    const [limitMiB, newSpaceMiB] = JSON.parse(execFileSync(process.execPath, ['-e', probe], { env: { ...process.env, NODE_OPTIONS: heapOptions } }).toString()) as number[];
    expect(limitMiB).toBeGreaterThanOrEqual(oldSpaceMiB!);
    expect(limitMiB).toBeLessThan(oldSpaceMiB! + 128);
    expect(newSpaceMiB).toBeGreaterThan(0);
    expect(newSpaceMiB).toBeLessThanOrEqual(2 * semiSpaceMiB!);
  });
});

describe('ops/env.example', () => {
  const declared = declaredConfigVariables();
  const documented = documentedVariables();

  it('finds the variables in the configuration source', () => {
    expect(declared).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'REDIS_URL', 'ELASTICSEARCH_URL', 'LOG_LEVEL']));
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('documents every variable the configuration declares, each with a comment', () => {
    expect(declared.filter((name) => !documented.has(name))).toEqual([]);
    const uncommented = [...documented].filter(([, comment]) => !/^#\s*\S/.test(comment)).map(([name]) => name);
    expect(uncommented).toEqual([]);
  });

  it('documents nothing the configuration no longer declares', () => {
    const known = new Set([...declared, ...COMPOSE_ONLY_VARIABLES]);
    expect([...documented.keys()].filter((name) => !known.has(name))).toEqual([]);
  });

  it('documents every variable docker-compose.yml substitutes', () => {
    const substituted = new Set([...composeText.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] as string));
    expect([...substituted].filter((name) => !documented.has(name))).toEqual([]);
  });
});
