import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { get, IncomingHttpHeaders } from 'node:http';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApp, TestApp } from './support/test-app';

const WEB_DIST = resolve(__dirname, '../../web/dist');
const REPO_ROOT = resolve(__dirname, '../../..');

/**
 * These tests read the real web build, the one `npm start` serves. The API's test target
 * does not build the web first, so build it here if it is missing or predates the
 * precompressed copies.
 */
function ensureWebBuild(): void {
  const assets = join(WEB_DIST, 'assets');
  const built = existsSync(join(WEB_DIST, 'index.html')) && existsSync(assets) && readdirSync(assets).some((name) => name.endsWith('.js.br'));
  if (!built) execFileSync('npm', ['run', 'build', '-w', '@parallel/web'], { cwd: REPO_ROOT, stdio: 'ignore' });
}

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that keeps the bytes as sent (supertest and fetch would decompress them). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((done, fail) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', fail);
    }).on('error', fail);
  });
}

describe('the web client as the API serves it', () => {
  let t: TestApp;
  let script: string;
  let indexHtml: Buffer;

  beforeAll(async () => {
    ensureWebBuild();
    const name = readdirSync(join(WEB_DIST, 'assets')).find((file) => file.endsWith('.js'));
    if (!name) throw new Error(`no script in ${WEB_DIST}/assets`);
    script = name;
    indexHtml = readFileSync(join(WEB_DIST, 'index.html'));
    t = await startTestApp();
  }, 180_000);
  afterAll(() => t.close());

  it('sends the hashed script brotli-compressed to a browser that accepts it, cached for a year', async () => {
    const answer = await rawGet(`${t.url}/assets/${script}`, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });

    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(answer.headers['vary']).toMatch(/Accept-Encoding/i);
    const original = readFileSync(join(WEB_DIST, 'assets', script));
    expect(answer.body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(answer.body).equals(original)).toBe(true);
  });

  it('sends gzip where brotli is not accepted, and the plain file where nothing is', async () => {
    const original = readFileSync(join(WEB_DIST, 'assets', script));

    const gzip = await rawGet(`${t.url}/assets/${script}`, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(original)).toBe(true);

    const notBrotli = await rawGet(`${t.url}/assets/${script}`, { 'Accept-Encoding': 'br;q=0, gzip;q=0.5' });
    expect(notBrotli.headers['content-encoding']).toBe('gzip');

    const plain = await rawGet(`${t.url}/assets/${script}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.equals(original)).toBe(true);
  });

  it('has index.html checked again on every visit, and answers 304 while it is unchanged', async () => {
    const first = await rawGet(`${t.url}/`, { 'Accept-Encoding': 'br' });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/html/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const body = first.headers['content-encoding'] === 'br' ? brotliDecompressSync(first.body) : first.body;
    expect(body.equals(indexHtml)).toBe(true);
    expect(first.headers['etag']).toBeDefined();

    const again = await rawGet(`${t.url}/`, { 'Accept-Encoding': 'br', 'If-None-Match': first.headers['etag']! });
    expect(again.status).toBe(304);
  });

  it.each(['/cases/6f1c2f0e-8d2a-4a8e-9a57-3b1f2c4d5e6f', '/cases/6f1c2f0e-8d2a-4a8e-9a57-3b1f2c4d5e6f/messages', '/invite/some-token', '/no/such/page'])(
    'answers %s with the app, whose router shows the page',
    async (path) => {
      const answer = await rawGet(`${t.url}${path}`);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.body.equals(indexHtml)).toBe(true);
    },
  );

  it('answers a missing hashed file with 404, never with the app', async () => {
    const answer = await rawGet(`${t.url}/assets/index-0000000.js`);
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).not.toMatch(/html/);
  });

  it('leaves /api to the API: an unknown route still answers its JSON 404', async () => {
    const response = await t.http().get('/api/no-such-route').set('Accept', 'text/html').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ statusCode: 404 });
  });
});
