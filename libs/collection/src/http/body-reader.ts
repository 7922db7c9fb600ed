import { pipeline, Transform, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FetchError, formatBytes, toMiB } from './fetch-error';

export interface ReadBodyOptions {
  url: string;
  contentEncoding: string | null;
  maxBytes: number;
  /** Keep the first maxBytes instead of failing (robots.txt: parse what fits). */
  truncate: boolean;
}

/** Marks the compressed stream going over the cap, before decompression. */
class CompressedCapExceeded extends Error {}

/**
 * Reads a response body within maxBytes, counted twice: on the bytes received and on the bytes
 * after gzip/deflate/br decoding, so a small compressed bomb fails as soon as its output passes the
 * cap. Decoding is streamed with backpressure, so memory stays near the cap whatever the server sends.
 */
export async function readBody(body: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const decoders = createDecoders(options);
  const chunks: Buffer[] = [];
  let size = 0;
  let source: Readable = body;
  if (decoders.length > 0) {
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received > options.maxBytes) done(new CompressedCapExceeded());
        else done(null, chunk);
      },
    });
    source = pipeline([body, counter, ...decoders], () => undefined) as unknown as Readable;
  }
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (size + chunk.length > options.maxBytes) {
        if (!options.truncate) {
          const after = decoders.length > 0 ? ' once decompressed' : '';
          throw new FetchError('too-large', `${options.url} sent more than ${formatBytes(options.maxBytes)}${after}`, { failureParams: { limitMiB: toMiB(options.maxBytes) } });
        }
        chunks.push(chunk.subarray(0, options.maxBytes - size));
        size = options.maxBytes;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } catch (error) {
    if (error instanceof CompressedCapExceeded) {
      if (options.truncate) return Buffer.concat(chunks, size);
      throw new FetchError('too-large', `${options.url} sent more than ${formatBytes(options.maxBytes)}`, { failureParams: { limitMiB: toMiB(options.maxBytes) } });
    }
    if (isZlibError(error)) {
      throw new FetchError('network', `The compressed body from ${options.url} is corrupt`, { cause: error, failureCode: 'body_corrupt' });
    }
    throw error;
  } finally {
    discard(body);
    for (const decoder of decoders) decoder.destroy();
  }
  return Buffer.concat(chunks, size);
}

/** Decoders in the order they must run: Content-Encoding lists codings in the order applied. */
function createDecoders(options: ReadBodyOptions): Transform[] {
  const codings = (options.contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  return codings.reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return createGunzip();
      case 'deflate':
        return createInflate();
      case 'br':
        return createBrotliDecompress();
      default:
        throw new FetchError('unsupported-content-type', `${options.url} used an unsupported content encoding "${coding}"`, {
          failureCode: 'content_encoding_unsupported',
        });
    }
  });
}

/** Stops reading a body we no longer want; undici reports that as an error nobody needs to hear. */
export function discard(body: Readable): void {
  if (body.destroyed) return;
  body.on('error', () => undefined);
  body.destroy();
}

function isZlibError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  // zlib reports Z_DATA_ERROR and friends; brotli reports ERR__ERROR_FORMAT_… codes.
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__ERROR') || code.startsWith('ERR_BROTLI'));
}
