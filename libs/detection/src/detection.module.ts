import { Global, Module } from '@nestjs/common';
import { ItemFlagger } from './item-flagger';
import { RulesCache } from './rules-cache';

/** Watch rules compiled once per process, and the step that flags matching items; the pipeline and the API share it. */
@Global()
@Module({ providers: [RulesCache, ItemFlagger], exports: [RulesCache, ItemFlagger] })
export class DetectionModule {}
