import { Module } from '@nestjs/common';
import { CaseDeadlinePlanner } from './case-deadline-planner';
import { SlaPolicyStore } from './sla-policy.store';

/** Case deadlines for the code that changes cases: planning them in the case's transaction, and reading them for views. */
@Module({
  providers: [SlaPolicyStore, CaseDeadlinePlanner],
  exports: [SlaPolicyStore, CaseDeadlinePlanner],
})
export class DeadlinesModule {}
