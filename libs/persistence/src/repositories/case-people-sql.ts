/** A user as case rows carry them (`{ id, username, displayName }`, or null), built in SQL from a joined `users` alias. */
export function personJson(alias: string): string {
  return `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'username', ${alias}.username, 'displayName', ${alias}.display_name) END`;
}

export interface PersonRow {
  id: string;
  username: string;
  displayName: string;
}
