import { parseArgs } from 'node:util'
import { availableParallelism } from 'node:os'
import { UserError } from '../app/userError'
import { SynthPlanError } from '../synth/plan'
import { DEFAULT_FILTERS } from '../synth/generateSamples'
import { runSynth, type SynthOptions, type SynthSummary } from '../synth/runSynth'
import { formatSample, readManifest, readSamples } from '../synth/datasetReader'
import { sceneFromSample } from '../contract/sceneFromSample'
import { answerQuestion } from '../engine/answers/answerQuestion'

export const SYNTH_USAGE = `Usage:
  spatial-lens synth INPUT... --out DIR [--seed N] [--workers N] [--detector nanodet|owlv2|none]
                     [--min-points N] [--max-pairs N] [--keep-planeless] [--with-points]
                     [--color-topic T] [--depth-topic T] [--camera-info-topic T] [--every N]   (MCAP inputs)
  spatial-lens synth --show DIR [SAMPLE_ID [--ask QUESTION]]   (list samples; one sample with its scene; ask it)
INPUT: folders of colour PNG/JPEG + depth PNG + intrinsics.json (paired like the app's folder source),
colour-only folders (depth from the installed depth model), PCD files or folders of them, MCAP recordings
(a job per colour frame, or per N-th with --every; the topics are picked when a file has one colour + one depth
image topic, and the pick is printed).
Writes DIR/shards/<job>.jsonl (LLaVA/ShareGPT conversations), DIR/images (copies), DIR/manifest.json.
Rerunning the same command resumes: finished frames (their shard exists) are skipped.`

/** The command line. @throws UserError (with the usage) for an unknown or malformed option. */
function parseSynthArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        show: { type: 'string' },
        ask: { type: 'string' },
        seed: { type: 'string', default: '0' },
        workers: { type: 'string' },
        detector: { type: 'string', default: 'nanodet' },
        'min-points': { type: 'string', default: String(DEFAULT_FILTERS.minPoints) },
        'max-pairs': { type: 'string', default: String(DEFAULT_FILTERS.maxPairs) },
        'keep-planeless': { type: 'boolean', default: false },
        'with-points': { type: 'boolean', default: false },
        'color-topic': { type: 'string' },
        'depth-topic': { type: 'string' },
        'camera-info-topic': { type: 'string' },
        every: { type: 'string', default: '1' },
        help: { type: 'boolean', default: false },
      },
    })
  } catch (error) {
    throw new UserError(`${(error as Error).message}\n${SYNTH_USAGE}`)
  }
}

/** `spatial-lens synth …` (argv is what follows "synth"). Returns the exit code (1 when a frame failed). */
export async function runSynthCommand(
  argv: string[],
  print: (text: string) => void,
): Promise<number> {
  const { values, positionals } = parseSynthArgs(argv)
  if (values.help) {
    print(SYNTH_USAGE)
    return 0
  }
  if (values.show !== undefined) return showDataset(values.show, positionals[0], values.ask, print)
  if (positionals.length === 0 || !values.out)
    throw new UserError(`synth needs inputs and --out\n${SYNTH_USAGE}`)
  if (!['nanodet', 'owlv2', 'none'].includes(values.detector))
    throw new UserError(`--detector must be nanodet, owlv2 or none (got ${values.detector})`)
  try {
    const summary = await runSynth(synthOptions(values, positionals, values.out))
    printRun(summary, values.out, print)
    return summary.failures.length > 0 ? 1 : 0
  } catch (error) {
    if (error instanceof SynthPlanError) throw new UserError(error.message)
    throw error
  }
}

/** The run's options from the flags (numbers checked). @throws UserError for a flag that is not a whole number. */
function synthOptions(
  values: ReturnType<typeof parseSynthArgs>['values'],
  inputs: string[],
  outDir: string,
): SynthOptions {
  return {
    inputs,
    outDir,
    seed: wholeNumber(values.seed, '--seed', 0),
    workers: wholeNumber(values.workers ?? String(availableParallelism()), '--workers', 1),
    filters: {
      minPoints: wholeNumber(values['min-points'], '--min-points', 0),
      maxPairs: wholeNumber(values['max-pairs'], '--max-pairs', 1),
      requirePlane: !values['keep-planeless'],
      minObjects: 2,
    },
    perception: { detector: values.detector as 'nanodet' | 'owlv2' | 'none' },
    withPoints: values['with-points'],
    mcap: {
      topics: {
        colorTopic: values['color-topic'],
        depthTopic: values['depth-topic'],
        cameraInfoTopic: values['camera-info-topic'],
      },
      every: wholeNumber(values.every, '--every', 1),
    },
    log: (text) => process.stderr.write(text),
    isTty: process.stderr.isTTY === true,
  }
}

/** What a run did: counts, the topics picked, drops and failures, and where the manifest is. */
function printRun(summary: SynthSummary, outDir: string, print: (text: string) => void): void {
  const { counts } = summary.manifest
  print(
    `synth: ${summary.ranJobs} frames run, ${summary.skippedJobs} already done; dataset: ${counts.frames} frames (${counts.framesKept} kept), ${counts.samples} QA pairs, ${Object.keys(counts.perType).length} question types, in ${summary.seconds.toFixed(1)} s`,
  )
  for (const note of summary.manifest.notes.filter((n) => n.includes(': using colour topic ')))
    print(note)
  const dropped = Object.entries(counts.dropped).map(([key, value]) => `${key} ${value}`)
  if (dropped.length > 0) print(`dropped: ${dropped.join(', ')}`)
  for (const failure of summary.failures) print(`failed: ${failure.jobId}: ${failure.message}`)
  print(`manifest: ${outDir}/manifest.json`)
}

async function showDataset(
  folder: string,
  id: string | undefined,
  question: string | undefined,
  print: (text: string) => void,
): Promise<number> {
  const manifest = await readManifest(folder)
  const samples = await readSamples(folder, manifest)
  if (id !== undefined) {
    const sample = samples.find((candidate) => candidate.id === id)
    if (!sample) throw new UserError(`no sample ${id} in ${folder}`)
    print(formatSample(sample))
    // A new question on the stored scene (the same engine as `ask`; no source frame needed).
    if (question !== undefined)
      print(`\nQ: ${question}\nA: ${answerQuestion(sceneFromSample(sample.scene), question).text}`)
    return 0
  }
  print(
    `${folder}: ${manifest.counts.samples} samples from ${manifest.counts.frames} frames, seed ${manifest.seed}, version ${manifest.version}`,
  )
  for (const sample of samples)
    print(
      `${sample.id}  ${sample.question_type.padEnd(20)} ${sample.conversations[0].value.replace('<image>\n', '')}`,
    )
  return 0
}

function wholeNumber(text: string, flag: string, min: number): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < min)
    throw new UserError(`${flag} must be a whole number ≥ ${min} (got ${text})`)
  return value
}
