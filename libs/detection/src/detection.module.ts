import { Global, Module } from '@nestjs/common';
import { ItemFlagger } from './item-flagger';
import { RulesCache } from './rules-cache';
import { SpikeMonitor } from './spike-monitor';

/** Watch rules compiled once per process, and the step that flags matching items; the pipeline and the API share it. */
@Global()
@Module({ providers: [RulesCache, ItemFlagger, SpikeMonitor], exports: [RulesCache, ItemFlagger, SpikeMonitor] })
export class DetectionModule {}
