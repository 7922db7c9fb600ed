import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
const c = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const q = new Queue('jobs', { connection: c, prefix: 'probe' });
const w = new Worker('jobs', async (job) => { console.log('got', job.name, job.data, job.id); }, { connection: c.duplicate(), prefix: 'probe' });
await q.add('collect-source', { sourceId: 'x' }, { jobId: 'collect-source-x-1' });
await q.upsertJobScheduler('every-tick', { every: 60000 }, { name: 'schedule-due-sources', data: {} });
await new Promise(r => setTimeout(r, 1500));
await w.close(); await q.obliterate({ force: true }); await q.close(); c.disconnect();
