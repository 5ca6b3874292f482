/**
 * The service's side of documents.ts: uploads, new versions and re-plans checked in an IO worker thread,
 * so that a province's parse and check (most of a second) never holds the event loop. A refused document
 * comes back as the error the HTTP layer answers with (InvalidDocumentError 422, RefusedInputError 400/413).
 */
import type { Change } from '../domain/changes.js';
import type { Weights } from '../domain/index.js';
import { type CheckedDivisions, type CheckedScenario, type RegionOutline, refusalError } from './documents.js';
import { DEFAULT_SCAN_LIMITS, type ScanLimits } from './json-scan.js';
import { IoWorker, type IoWorkerOptions } from './offload.js';
import type { IoResult } from './tasks.js';
import type { TableLimits } from './table.js';

export class DocumentWorker {
  private readonly io: IoWorker;

  constructor(
    private readonly scan: ScanLimits = DEFAULT_SCAN_LIMITS,
    options: IoWorkerOptions = {},
  ) {
    this.io = new IoWorker(2, options);
  }

  /**
   * An uploaded scenario's bytes, in pieces as they arrived (each moved to the worker when it is a buffer
   * of its own: the caller must not use it afterwards): joined there, pre-scanned, parsed and checked.
   */
  async checkScenario(body: AsyncIterable<Uint8Array>): Promise<CheckedScenario> {
    return this.document(await this.io.run({ op: 'check-scenario', scan: this.scan }, body)).scenario;
  }

  /**
   * An uploaded workbook's bytes (as checkScenario takes a JSON body's), with the divisions registry's text
   * when one is loaded: read, made into a scenario and checked in the worker. `limits`: how much is read.
   */
  async checkWorkbook(body: AsyncIterable<Uint8Array>, divisions: string | undefined, limits?: TableLimits): Promise<CheckedScenario> {
    async function* both() {
      yield* body;
      if (divisions !== undefined) yield divisions;
    }
    return this.document(await this.io.run({ op: 'workbook-import', ...(limits ? { limits } : {}) }, both())).scenario;
  }

  /** A workbook: the blank template, or a stored scenario (its parts, as the store reads them) as the workbook. */
  async workbook(scenario?: AsyncIterable<string>): Promise<{ body: Uint8Array; scenarioName: string }> {
    const result = scenario ? await this.io.run({ op: 'workbook-export' }, scenario) : await this.io.run({ op: 'workbook-template' });
    if (result.op !== 'export') throw new Error('the io worker answered another task');
    return { body: result.body, scenarioName: result.scenarioName };
  }

  /** An uploaded divisions registry's bytes, as checkScenario: read, checked and indexed in the worker. */
  async checkDivisions(body: AsyncIterable<Uint8Array>): Promise<CheckedDivisions> {
    const result = await this.io.run({ op: 'check-divisions', scan: this.scan }, body);
    if (result.op !== 'divisions') throw new Error('the io worker answered another task');
    if (!result.ok) throw refusalError(result.refusal);
    return result.divisions;
  }

  /** A new version of a stored scenario (its parts, as the store reads them): the changes applied and the result checked. */
  async applyChanges(scenario: AsyncIterable<string>, changes: Change[]): Promise<CheckedScenario> {
    return this.document(await this.io.run({ op: 'apply-changes', changes }, scenario)).scenario;
  }

  /** A stored scenario's regions (ids, levels, parents), for a re-plan's scope. */
  async outline(scenario: AsyncIterable<string>): Promise<{ regions: RegionOutline[] }> {
    const result = await this.io.run({ op: 'outline' }, scenario);
    if (result.op !== 'outline') throw new Error('the io worker answered another task');
    return { regions: result.regions };
  }

  /** A re-plan's scenario (replanScenario) from a stored scenario and solution, with the solution's own weights. */
  async replan(scenario: AsyncIterable<string>, solution: AsyncIterable<string>, changes: Change[], scope: string | undefined): Promise<{ scenario: CheckedScenario; weights: Partial<Weights> }> {
    let scenarioParts = 0;
    async function* both() {
      for await (const part of scenario) {
        scenarioParts++;
        yield part;
      }
      yield* solution;
    }
    const task = () => ({ op: 'replan' as const, scenarioParts, changes, ...(scope === undefined ? {} : { scope }) });
    const result = this.document(await this.io.run(task, both()));
    return { scenario: result.scenario, weights: result.weights ?? {} };
  }

  close(): Promise<void> {
    return this.io.close();
  }

  private document(result: IoResult): { scenario: CheckedScenario; weights?: Partial<Weights> } {
    if (result.op !== 'document') throw new Error('the io worker answered another task');
    if (!result.ok) throw refusalError(result.refusal);
    return { scenario: result.scenario, ...(result.weights ? { weights: result.weights } : {}) };
  }
}
