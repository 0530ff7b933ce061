/** One printed figure of `npm run bench`. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Context: baseline, ratio, sample size. */
  note?: string;
}

/** A bench file (`bench/*.bench.ts`) exports `run()`. */
export interface BenchModule {
  run(): Promise<BenchResult[]>;
}
