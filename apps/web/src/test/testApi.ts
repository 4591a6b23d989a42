/// <reference types="node" />
// Tests talk to a real HTTP server through the real fetch, so the client is exercised
// exactly as in a browser: status codes, headers and bodies as they arrive on the wire.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedAnswer {
  status: number;
  /** Sent as JSON, unless it is a string (sent as-is, to imitate a proxy's page). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface TestApi {
  baseUrl: string;
  requests: RecordedRequest[];
  close: () => Promise<void>;
}

/** Starts a server on a free loopback port answering "METHOD /path" with canned answers. */
export async function startTestApi(answers: Record<string, CannedAnswer>): Promise<TestApi> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      });
      const answer = answers[`${request.method} ${request.url}`] ?? {
        status: 404,
        body: { statusCode: 404, error: 'Not Found', message: `No canned answer for ${request.method} ${request.url}` },
      };
      const isText = typeof answer.body === 'string';
      response.writeHead(answer.status, {
        'Content-Type': isText ? 'text/html' : 'application/json',
        ...answer.headers,
      });
      response.end(answer.body === undefined ? '' : isText ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
