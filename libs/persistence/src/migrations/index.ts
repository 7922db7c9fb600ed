import { InitialSchema1764220000000 } from './1764220000000-initial-schema';

/** Applied in order at start; each is reviewed SQL with a down step. */
export const MIGRATIONS = [InitialSchema1764220000000];
