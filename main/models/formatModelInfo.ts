import type { ModelStatus } from './ModelStore'
import type { ModelFile, TensorSpec } from '../contract/manifestSchema'
import { formatBytes } from './progressDisplay'

/** Size column: exact when every file's size is published, "~" when approximate, "> " when a file's size is unknown. */
export function formatModelSize(
  status: Pick<ModelStatus, 'totalBytes' | 'isSizeLowerBound' | 'isSizeApproximate'>,
): string {
  if (status.totalBytes === null) return 'unknown'
  const prefix = status.isSizeLowerBound ? '> ' : status.isSizeApproximate ? '~' : ''
  return `${prefix}${formatBytes(status.totalBytes)}`
}

/** Status column of `models list` (a model's state, and how it is installed). */
export function formatModelState(
  state: ModelStatus['state'],
  install: ModelStatus['entry']['install'],
): string {
  if (state === 'missing' && install === 'manual') return 'missing (manual)'
  return state
}

/** Fixed-width table; the last column is not padded. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  )
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
  return [line(header), ...rows.map(line)].join('\n')
}

/** The image pre-processing lines, or what feeds a model that takes no image. */
function preprocessLines(entry: ModelStatus['entry']): string[] {
  const pre = entry.preprocess
  if (!pre)
    return [
      '  pre-processing: none (text model; the GGUF file carries its tokenizer and chat template)',
    ]
  return [
    `  pre-processing (${pre.file} → ${pre.input}):`,
    `    resize: ${pre.resize.rule}${sizeText(pre.resize.width, pre.resize.height)}${pre.resize.multipleOf ? `, multiple of ${pre.resize.multipleOf}` : ''}`,
    `      ${pre.resize.description}`,
    `    colour ${pre.colorOrder}, layout ${pre.layout}, scale ${formatNumber(pre.scale)}, mean [${pre.mean.join(', ')}], std [${pre.std.join(', ')}]${pre.padValue ? `, pad ${pre.padValue}` : ''}`,
  ]
}

/** Every manifest field of a model plus its install state, for `models info` (human form). */
export function formatModelInfo(status: ModelStatus): string {
  const entry = status.entry
  const lines = [
    `${entry.id}: ${entry.name}`,
    `  task: ${entry.task}${entry.isOptional ? ' (optional)' : ''}`,
    `  install: ${entry.install}; status: ${formatModelState(status.state, entry.install)}; size: ${formatModelSize(status)}`,
    `  licence: ${entry.licence.id} (${entry.licence.url})${entry.licence.isCommercialUseAllowed ? '' : ' — non-commercial'}`,
    ...(entry.licence.note ? [`    ${entry.licence.note}`] : []),
    `  source: ${entry.provenance.upstream}`,
    `    exported by ${entry.provenance.exportedBy}; revision ${entry.provenance.revision}`,
    `    ${entry.provenance.note}`,
    ...preprocessLines(entry),
    '  files:',
  ]
  status.files.forEach((fileStatus) =>
    lines.push(...formatFile(fileStatus.file, fileStatus.path, fileStatus.state)),
  )
  if (entry.installHint) lines.push(`  install: ${entry.installHint}`)
  if (entry.notes.length > 0) lines.push('  notes:', ...entry.notes.map((note) => `    - ${note}`))
  return lines.join('\n')
}

function formatFile(file: ModelFile, path: string, state: string): string[] {
  const size =
    file.bytes !== null
      ? formatBytes(file.bytes)
      : file.approxBytes
        ? `~${formatBytes(file.approxBytes)}`
        : 'size unknown'
  const lines = [
    `    ${file.role}: ${file.path} (${size}) — ${state} at ${path}`,
    ...file.urls.map((url) => `      url: ${url}`),
    `      sha256: ${file.sha256 ?? 'not published (trust on first use)'}`,
    `      hash source: ${file.hashSource}`,
  ]
  if (file.signature) {
    lines.push(...file.signature.inputs.map((tensor) => `      in  ${formatTensor(tensor)}`))
    lines.push(...file.signature.outputs.map((tensor) => `      out ${formatTensor(tensor)}`))
    lines.push(`      signature source: ${file.signature.source}`)
  }
  return lines
}

function formatTensor(tensor: TensorSpec): string {
  const units = tensor.units ? ` — ${tensor.units}` : ''
  const description = tensor.description ? ` (${tensor.description})` : ''
  return `${tensor.name}: ${tensor.dtype}[${tensor.dims.join(', ')}]${units}${description}`
}

function sizeText(width?: number, height?: number): string {
  return width && height ? ` ${width}×${height} (W×H)` : ''
}

function formatNumber(value: number): string {
  return Math.abs(value - 1 / 255) < 1e-12 ? '1/255' : String(value)
}
