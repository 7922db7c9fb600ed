import type { MessagePort } from 'node:worker_threads';
import { type ParsingOutcome, type ParsingTask, runParsingTask } from './parsing-tasks';

/**
 * Entry of each parsing-pool thread: piscina calls the default export with one task. It says when the task
 * starts (the pool's time limit counts from then, not from a thread's start-up or a wait in the queue), and it
 * imports the parsers directly, not the collection index, so a thread loads no Nest, database or HTTP code.
 */
export default function parsingWorker({ task, started }: { task: ParsingTask; started: MessagePort }): ParsingOutcome {
  started.postMessage(null);
  started.close();
  return runParsingTask(task);
}
