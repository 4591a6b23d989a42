import type { ChainVerification } from '@parallel/domain';
import type { ChainToVerify } from './verifyChain';

type WorkerAnswer = { ok: true; result: ChainVerification } | { ok: false; message: string };

function inWorker(chain: ChainToVerify): Promise<ChainVerification> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.result);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the checking worker could not run'));
    };
    worker.postMessage(chain);
  });
}

async function onThisThread(chain: ChainToVerify): Promise<ChainVerification> {
  const { verifyChain } = await import('./verifyChain');
  return verifyChain(chain);
}

/**
 * Recomputes every hash of the record in this browser, with Parallel's server out of the
 * loop: in a worker where the browser has them, otherwise here (loaded on demand either way).
 */
export async function verifyInBrowser(chain: ChainToVerify): Promise<ChainVerification> {
  if (typeof Worker === 'undefined') return onThisThread(chain);
  try {
    return await inWorker(chain);
  } catch {
    // A worker that cannot start (an old browser, a strict policy) must not leave the record unchecked.
    return onThisThread(chain);
  }
}
