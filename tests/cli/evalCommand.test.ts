import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/runCli'
import { cotEvalReportSchema } from '../../main/contract/cotEvalSchema'
import evalSet from '../../main/reasoning/eval/evalSet.json'

/**
 * `spatial-lens eval cot --json` prints the report the contract defines. `--llm none` answers with
 * the deterministic question grammar, so no LLM is needed.
 */
describe('spatial-lens eval cot --json', () => {
  it('prints a report that parses with the contract schema: the set questions in order, every kind rated', () => {
    const run = runCli(['eval', 'cot', '--llm', 'none', '--limit', '4', '--json'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const report = cotEvalReportSchema.parse(JSON.parse(run.stdout))
    const firstFour = evalSet.slice(0, 4)
    expect(report.results.map((r) => r.id)).toEqual(firstFour.map((item) => item.id))
    expect(report.results.map((r) => r.expected)).toEqual(firstFour.map((item) => item.expected))
    expect(Object.keys(report.perKind).sort()).toEqual(
      [...new Set(evalSet.map((item) => item.kind))].sort(),
    )
    expect(report.overall.count).toBe(4)
  })

  it('an unknown evaluation is one clear error line', () => {
    const run = runCli(['eval', 'cots', '--json'])
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^error: unknown evaluation "cots"/)
  })
})
