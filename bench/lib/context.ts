export interface BenchContext {
  quick: boolean;
  postgres: boolean;
  log(message: string): void;
}
