/// <reference lib="webworker" />
// Checks a record off the page's main thread, so that a long record does not freeze the screen.
import { verifyChain, type ChainToVerify } from './verifyChain';

self.onmessage = (event: MessageEvent<ChainToVerify>) => {
  try {
    self.postMessage({ ok: true, result: verifyChain(event.data) });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
