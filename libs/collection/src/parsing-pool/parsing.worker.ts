import type { MessagePort } from 'node:worker_threads';
import { runParsingTask } from './parsing-task-runner';
import type { ParsingTask, TimedParsingOutcome } from './parsing-tasks';

/**
 * Entry of each parsing-pool thread: piscina calls the default export with one task. It says when the task
 * starts (the pool's time limit counts from then, not from a thread's start-up or a wait in the queue) and how long
 * it ran, and it imports the parsers directly, not the collection index, so a thread loads no Nest, database or HTTP code.
 */
export default function parsingWorker({ task, started }: { task: ParsingTask; started: MessagePort }): TimedParsingOutcome {
  started.postMessage(Date.now());
  started.close();
  const startedAt = performance.now();
  const outcome = runParsingTask(task);
  return { outcome, elapsedMs: performance.now() - startedAt };
}
