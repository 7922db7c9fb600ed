import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SettingEntity } from '../entities/setting.entity';

@Injectable()
export class SettingsRepository {
  constructor(@InjectRepository(SettingEntity) private readonly settings: Repository<SettingEntity>) {}

  /** Returns the stored value, storing `candidate` first if none exists; the first writer wins across processes. */
  async getOrInit(key: string, candidate: string): Promise<string> {
    await this.settings.createQueryBuilder().insert().values({ key, value: candidate }).orIgnore().execute();
    const stored = await this.settings.findOneByOrFail({ key });
    return stored.value;
  }
}
