/**
 * What a bench scenario is: a name (`--scenarios a,b`), a title, an optional check of what the machine
 * lacks (Postgres, Redis, Chromium, a data file …) and a run that returns its result. run.ts keeps the
 * table of scenarios (SCENARIOS); adding one is one entry there plus its own file.
 */
import type { LoadParams } from './load.js';

export interface ScenarioContext {
  /** The load parameters of the collaboration scenarios (--clients, --docs, …; BENCH_QUICK=1: smaller). */
  params: LoadParams;
  /** The AUTH_SECRET given to servers the bench starts. */
  secret: string;
  quick: boolean;
  log: (line: string) => void;
}

export type ScenarioOutcome =
  | {
      status: 'ran';
      /** Goes into the JSON result under `scenarios.<name>.data`. */
      data: unknown;
      /** Markdown lines of the scenario's section (tables, ratios, targets). */
      markdown: string[];
      /** Broken results (the run exits 1). */
      failures?: string[];
      /** Results to read with care (a busy machine). */
      warnings?: string[];
    }
  | { status: 'skipped'; reason: string };

export interface Scenario {
  name: string;
  title: string;
  /** Why it cannot run on this machine or with these flags; null (or absent): it can. */
  unavailable?: () => Promise<string | null> | string | null;
  run(ctx: ScenarioContext): Promise<ScenarioOutcome>;
}
