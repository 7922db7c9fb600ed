/** "lũ lụt, Hà Nội ,  " → ["lũ lụt", "Hà Nội"]: tags are typed comma-separated, each once. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}
