import { escalationLevelName, LEADER_LEVEL, levelAfterReminder, levelAtBreach, rolesAtLevel, rolesHearingBreach } from './escalation-ladder';

describe('escalation ladder', () => {
  it('sends a first missed stage to the reviewer on duty', () => {
    expect(escalationLevelName(levelAtBreach(0))).toBe('reviewer');
  });

  it('sends each further unmet stage one rung higher, up to the leaders', () => {
    expect(escalationLevelName(levelAtBreach(1))).toBe('leader');
    expect(levelAtBreach(3)).toBe(LEADER_LEVEL);
  });

  it('climbs one rung per unanswered reminder and stays with the leaders', () => {
    expect(escalationLevelName(levelAfterReminder(1))).toBe('leader');
    expect(levelAfterReminder(LEADER_LEVEL)).toBe(LEADER_LEVEL);
  });

  it('reaches leaders only at the top rung', () => {
    expect(rolesAtLevel(0)).not.toContain('leader');
    expect(rolesAtLevel(1)).toContain('reviewer');
    expect(rolesAtLevel(2)).toContain('leader');
  });

  it('tells the leaders of every breach, from the first rung on, besides the rung it reaches', () => {
    expect(rolesHearingBreach(1)).toEqual(expect.arrayContaining([...rolesAtLevel(1), 'leader']));
    expect(rolesHearingBreach(0)).toContain('leader');
    expect(rolesHearingBreach(2)).toEqual(rolesAtLevel(2));
  });
});
