import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SettingEntity } from '../entities/setting.entity';
import type { Transaction } from './transactions';

@Injectable()
export class SettingsRepository {
  constructor(@InjectRepository(SettingEntity) private readonly settings: Repository<SettingEntity>) {}

  /**
   * Returns the stored value, storing `candidate` first if none exists; the first writer wins across processes.
   * Inside a caller's transaction when given (the embedded database has one connection: a read beside it would wait).
   */
  async getOrInit(key: string, candidate: string, tx?: Transaction): Promise<string> {
    const settings = tx ? tx.manager.getRepository(SettingEntity) : this.settings;
    await settings.createQueryBuilder().insert().values({ key, value: candidate }).orIgnore().execute();
    const stored = await settings.findOneByOrFail({ key });
    return stored.value;
  }

  /** Stores `value` under `key`, replacing what was there. */
  async put(key: string, value: string): Promise<void> {
    await this.settings.createQueryBuilder().insert().values({ key, value }).orUpdate(['value'], ['key']).execute();
  }
}
