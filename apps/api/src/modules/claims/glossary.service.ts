import { Inject, Injectable } from '@nestjs/common';
import { type CreateGlossaryTermRequest, type GlossaryTermView, type TeamPlacesView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock, placeKey } from '@vigil/domain';
import { ClaimMatchingRepository, TeamsRepository } from '@vigil/persistence';
import { glossaryTermView } from './claim-matching.service';

/** The glossary admins maintain, and the places each team owns. */
@Injectable()
export class GlossaryService {
  constructor(
    private readonly claims: ClaimMatchingRepository,
    private readonly teams: TeamsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(): Promise<GlossaryTermView[]> {
    return (await this.claims.glossary()).map(glossaryTermView);
  }

  async create(pair: CreateGlossaryTermRequest, userId: string): Promise<GlossaryTermView> {
    const [added] = await this.claims.addGlossaryTerms([pair], 'confirmed', userId, this.clock.now());
    if (!added) throw new VigilError('glossary_term_exists', `The glossary already pairs "${pair.vi}" with "${pair.en}"`);
    return glossaryTermView(added);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.claims.deleteGlossaryTerm(id))) throw new VigilError('glossary_term_not_found', `No glossary term ${id}`);
  }

  async setTeamPlaces(teamId: string, names: readonly string[]): Promise<TeamPlacesView> {
    if (!(await this.teams.findById(teamId))) throw new VigilError('team_not_found', `No team ${teamId}`);
    await this.claims.setTeamPlaces(teamId, names.map((name) => ({ name, folded: placeKey(name) })));
    return { teamId, places: (await this.claims.teamPlaces(teamId)).map((place) => place.name) };
  }
}
