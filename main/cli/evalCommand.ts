import { parseArgs } from 'node:util'
import { join } from 'node:path'
import evalSet from '../reasoning/eval/evalSet.json'
import { loadEvalScenes } from '../reasoning/eval/evalScenes'
import { engineSceneFromEval } from '../reasoning/eval/evalEngineScene'
import {
  answerFromText,
  grammarEvalAnswer,
  runEval,
  type EvalItem,
  type EvalReport,
} from '../reasoning/eval'
import { askWithReasoning } from '../reasoning/orchestrator'
import { createChatModel, describeLlmError, parseLlmSpec } from '../reasoning/connectors'
import { packageRoot } from '../app/paths'
import type { Scene } from '../engine/types'
import { UserError } from '../app/userError'
import { EVAL_VSR_USAGE, runEvalVsrCommand } from './evalVsrCommand'
import { EVAL_SCENES_USAGE, runEvalScenesCommand } from './evalScenesCommand'
import { cotEvalReportSchema, type CotEvalReport } from '../contract/cotEvalSchema'

// The contract mirrors the evaluation's report: fail to compile when they drift apart.
type Fits<A extends B, B> = A
export type CotEvalReportFitsContract = [
  Fits<EvalReport, CotEvalReport>,
  Fits<CotEvalReport, EvalReport>,
]

export const EVAL_USAGE = `npx spatial-lens eval cot --llm SPEC [--llm-threads N] [--limit N] [--fixtures DIR] [--json]
  Runs the ${evalSet.length}-question chain-of-thought set (synthetic tabletop and SUN RGB-D ground truth) through the
  LLM orchestrator and prints success rates per question kind: within 0.5×–2× (SpatialVLM) and within ±10 %.
  SPEC: ollama:<model> | ollama:http://host:port#model | openai:http://host:port/v1#model | openai:<model>
  | none: the deterministic question grammar alone (no LLM; questions it does not cover count as declined)
${EVAL_SCENES_USAGE}
${EVAL_VSR_USAGE}`

/** `spatial-lens eval cot` (the chain-of-thought evaluation with a real LLM) and `eval scenes` (3D box accuracy). */
export async function runEvalCommand(
  argv: string[],
  print: (text: string) => void,
): Promise<number> {
  if (argv[0] === 'vsr') return runEvalVsrCommand(argv.slice(1), print)
  if (argv[0] === 'scenes') return runEvalScenesCommand(argv.slice(1), print)
  if (argv[0] !== 'cot')
    throw new UserError(`unknown evaluation "${argv[0] ?? ''}":\n${EVAL_USAGE}`)
  const values = parseCotArgs(argv.slice(1))
  if (!values.llm)
    throw new UserError(
      `eval cot needs an LLM: --llm ollama:<model>, --llm openai:http://host:port/v1#model or --llm llama:<model id or .gguf>`,
    )
  if (values.llm === 'none') return runGrammarEval(values, print)
  const limit = checkedLimit(values.limit)
  const threads = values['llm-threads'] === undefined ? undefined : Number(values['llm-threads'])
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1))
    throw new UserError(`--llm-threads must be a whole number ≥ 1 (got "${values['llm-threads']}")`)
  const connection = createChatModel(parseLlmSpec(values.llm), { threads })
  const { model } = connection
  const scenes = evalScenes(values.fixtures)
  const items = (evalSet as EvalItem[]).slice(0, limit)
  const report = await runEval(
    items,
    async (item) => {
      const scene = sceneOf(scenes, item)
      const result = await askWithReasoning(scene, item.question, {
        model,
        maxSteps: 10,
        timeoutMs: 180_000,
        describeError: (error) => describeLlmError(error, connection).message,
      })
      const answer = answerFromText(result.answer)
      const named = scene.objects.find((o) =>
        result.answer.toLowerCase().includes(o.name.toLowerCase()),
      )
      return { ...answer, label: named?.name }
    },
    {
      onResult: (result, index, total) => {
        if (!values.json)
          print(
            `[${index + 1}/${total}] ${result.id}: ${result.isWithin2x ? 'within 0.5×–2×' : 'outside 0.5×–2×'}${result.error ? ` (${result.error})` : ''}`,
          )
      },
    },
  )
  print(values.json ? reportJson(report) : describeReport(report, values.llm))
  return 0
}

/** `eval cot` options. @throws UserError (with the usage) for an unknown or malformed one. */
function parseCotArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        llm: { type: 'string' },
        'llm-threads': { type: 'string' },
        limit: { type: 'string' },
        fixtures: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }).values
  } catch (error) {
    throw new UserError(`${(error as Error).message.split('\n')[0]}\n${EVAL_USAGE}`)
  }
}

/** How many questions of the set to run (`--limit`, default all). @throws UserError for a bad number. */
function checkedLimit(text: string | undefined): number {
  const limit = text === undefined ? evalSet.length : Number(text)
  if (!(Number.isInteger(limit) && limit > 0))
    throw new UserError(`--limit must be a positive whole number (got "${text}")`)
  return limit
}

/** The evaluation's scenes by id, from `fixtures` (default the package's tests/fixtures). */
function evalScenes(fixtures: string | undefined): Map<string, Scene> {
  return new Map(
    loadEvalScenes(fixtures ?? join(packageRoot(), 'tests', 'fixtures')).map((s) => [
      s.id,
      engineSceneFromEval(s),
    ]),
  )
}

function sceneOf(scenes: Map<string, Scene>, item: EvalItem): Scene {
  const scene = scenes.get(item.scene)
  if (!scene) throw new Error(`scene ${item.scene} is not in the fixtures`)
  return scene
}

/** `eval cot --llm none`: the same set answered by the deterministic grammar, scored the same way. */
async function runGrammarEval(
  values: { limit?: string; fixtures?: string; json?: boolean },
  print: (text: string) => void,
): Promise<number> {
  const limit = checkedLimit(values.limit)
  const scenes = evalScenes(values.fixtures)
  const report = await runEval((evalSet as EvalItem[]).slice(0, limit), async (item) =>
    grammarEvalAnswer(sceneOf(scenes, item), item.question),
  )
  print(values.json ? reportJson(report) : describeReport(report, 'the question grammar (no LLM)'))
  return 0
}

/** `--json`: the report, checked against the contract's schema first. */
function reportJson(report: EvalReport): string {
  return JSON.stringify(cotEvalReportSchema.parse(report), null, 2)
}

function describeReport(report: EvalReport, llm: string): string {
  const lines = [`chain-of-thought evaluation with ${llm}:`]
  const row = (name: string, rates: EvalReport['overall']) =>
    `  ${name.padEnd(24)} ${String(rates.count).padStart(3)} questions  0.5×–2×: ${(100 * rates.rate2x).toFixed(0)} %  ±10 %: ${(100 * rates.rate10Percent).toFixed(0)} %`
  for (const [kind, rates] of Object.entries(report.perKind))
    if (rates.count > 0) lines.push(row(kind, rates))
  lines.push(row('overall', report.overall))
  return lines.join('\n')
}
