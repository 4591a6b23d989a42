import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';

/**
 * The Node response under a Fastify reply, for a handler that streams into it itself (the
 * exports' PDF and zip, written as they are made): Fastify lets go of the reply, and the
 * headers set so far (the security headers, `Cache-Control`) are carried over to it.
 */
function takeRawResponse(reply: FastifyReply): ServerResponse {
  void reply.hijack();
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) reply.raw.setHeader(name, value);
  }
  return reply.raw;
}

/**
 * Streams a download made as it is written (`write`) as the attachment `fileName`; a failure
 * once bytes are out can only end the connection, which the browser shows as a failed download.
 */
export async function streamDownload(reply: FastifyReply, contentType: string, fileName: string, write: (response: ServerResponse) => Promise<unknown>): Promise<void> {
  const response = takeRawResponse(reply);
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  await write(response).catch((error: unknown) => response.destroy(error instanceof Error ? error : undefined));
}
