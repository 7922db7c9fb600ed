import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * One database transaction that several repositories write in together (a flag and the live event announcing it),
 * opaque outside persistence: callers pass it along, only repositories use its manager.
 */
export class Transaction {
  constructor(readonly manager: EntityManager) {}
}

/** Opens transactions for work that spans repositories: all of it commits, or none of it does. */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction((manager) => work(new Transaction(manager)));
  }
}

/** The caller's transaction when there is one, else a transaction of the repository's own. */
export function within<T>(tx: Transaction | undefined, own: EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return tx ? work(tx.manager) : own.transaction(work);
}
