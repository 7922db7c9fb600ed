import { Inject, Injectable } from '@nestjs/common';
import { type TeamView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock } from '@vigil/domain';
import { TeamsRepository } from '@vigil/persistence';

/** Teams that own cases, and who is in them. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(): Promise<TeamView[]> {
    return this.teams.list();
  }

  async create(name: string, memberIds: readonly string[]): Promise<TeamView> {
    await this.checkUsers(memberIds, 'memberIds');
    const created = await this.teams.create(name, [...new Set(memberIds)], this.clock.now());
    if (created.kind === 'exists') throw new VigilError('team_exists', `A team named ${name} exists`, { field: 'name', details: { existingId: created.existingId } });
    return created.team;
  }

  async setMembers(id: string, userIds: readonly string[]): Promise<TeamView> {
    await this.checkUsers(userIds, 'userIds');
    const team = await this.teams.setMembers(id, [...new Set(userIds)]);
    if (!team) throw new VigilError('team_not_found', `No team ${id}`);
    return team;
  }

  private async checkUsers(userIds: readonly string[], field: string): Promise<void> {
    const [unknown] = await this.teams.unknownUsers(userIds);
    if (unknown) throw new VigilError('user_not_found', `No enabled user ${unknown}`, { field });
  }
}
