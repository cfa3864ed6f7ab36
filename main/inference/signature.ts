/**
 * Checks that a model file has the signature its code expects, and that a caller's tensors fit the
 * model, each failure as one ModelError line naming the tensor, the expected and the actual spec.
 */
import { ModelError } from './ModelError'
import type { ModelSignature, TensorData, TensorSpec } from './types'

/** Who the message is about and how to fix a mismatching file. */
export interface SignatureContext {
  /** Model id or file name used in messages. */
  model: string
  modelPath?: string
  /** Default: "re-download the model or update its manifest entry". */
  fix?: string
}

/** "float32 [1, 3, 416, 416]"; dynamic dims print as their name or "?". */
export function formatSpec(spec: Pick<TensorSpec, 'type' | 'dims'>): string {
  return `${spec.type} [${spec.dims.map((d) => (typeof d === 'number' && d < 0 ? '?' : d)).join(', ')}]`
}

function isDynamic(dim: number | string): boolean {
  return typeof dim === 'string' || dim < 0
}

/** Dims agree when ranks match and every dim fixed on both sides is equal. */
function dimsCompatible(expected: (number | string)[], actual: (number | string)[]): boolean {
  if (expected.length !== actual.length) return false
  return expected.every((d, i) => isDynamic(d) || isDynamic(actual[i]) || d === actual[i])
}

function compare(role: 'input' | 'output', expected: TensorSpec[], actual: TensorSpec[]): string[] {
  const problems: string[] = []
  for (const want of expected) {
    const have = actual.find((s) => s.name === want.name)
    if (!have) {
      const names = actual.map((s) => `'${s.name}'`).join(', ') || 'none'
      problems.push(`${role} '${want.name}' missing (model ${role}s: ${names})`)
    } else if (have.type !== want.type || !dimsCompatible(want.dims, have.dims)) {
      problems.push(`${role} '${want.name}' is ${formatSpec(have)}, expected ${formatSpec(want)}`)
    }
  }
  return problems
}

/**
 * Throws a ModelError (kind 'signature') when `actual` (from describe()) does not have every expected
 * input and output with the expected type and compatible dims, or needs an input we do not expect.
 * Extra outputs are fine. Dynamic dims on either side match anything.
 */
export function checkSignature(
  expected: ModelSignature,
  actual: ModelSignature,
  context: SignatureContext,
): void {
  const problems = [
    ...compare('input', expected.inputs, actual.inputs),
    ...compare('output', expected.outputs, actual.outputs),
  ]
  for (const have of actual.inputs) {
    if (!expected.inputs.some((s) => s.name === have.name)) {
      problems.push(`model needs an unexpected input '${have.name}' ${formatSpec(have)}`)
    }
  }
  if (problems.length === 0) return
  throw new ModelError({
    kind: 'signature',
    problem: `model ${context.model} has the wrong signature: ${problems.join('; ')}`,
    fix: context.fix ?? 're-download the model or update its manifest entry',
    modelPath: context.modelPath,
  })
}

const ARRAY_FOR_TYPE = {
  float32: Float32Array,
  int64: BigInt64Array,
  int32: Int32Array,
  uint8: Uint8Array,
  bool: Uint8Array,
} as const

/** Problem with one tensor as plain data (wrong array class, or length ≠ product of dims), or undefined. */
export function tensorDataProblem(name: string, tensor: TensorData): string | undefined {
  const arrayClass = ARRAY_FOR_TYPE[tensor.type]
  if (!arrayClass) return `tensor '${name}' has unsupported type ${String(tensor.type)}`
  if (!(tensor.data instanceof arrayClass)) {
    return `tensor '${name}' is ${tensor.type} but its data is a ${tensor.data?.constructor?.name ?? typeof tensor.data}`
  }
  if (!tensor.dims.every((d) => Number.isInteger(d) && d >= 0)) {
    return `tensor '${name}' has invalid dims [${tensor.dims.join(', ')}]`
  }
  const count = tensor.dims.reduce((a, b) => a * b, 1)
  if (tensor.data.length !== count) {
    return `tensor '${name}' has ${tensor.data.length} elements but dims [${tensor.dims.join(', ')}] need ${count}`
  }
  return undefined
}

/**
 * Throws a ModelError (kind 'input') unless `inputs` has exactly the model's inputs, each with the
 * model's type and a shape that fits (fixed dims equal, dynamic dims any size).
 */
export function checkInputs(
  signature: ModelSignature,
  inputs: Record<string, TensorData>,
  context: SignatureContext,
): void {
  const fail = (problem: string, fix: string): never => {
    throw new ModelError({
      kind: 'input',
      problem: `model ${context.model}: ${problem}`,
      fix,
      modelPath: context.modelPath,
    })
  }
  const expectedNames = signature.inputs.map((s) => `'${s.name}'`).join(', ')
  for (const name of Object.keys(inputs)) {
    if (!signature.inputs.some((s) => s.name === name)) {
      fail(`it has no input '${name}'`, `pass its inputs ${expectedNames}`)
    }
  }
  for (const spec of signature.inputs) {
    const tensor = inputs[spec.name]
    if (!tensor)
      fail(`input '${spec.name}' is missing`, `pass ${formatSpec(spec)} as '${spec.name}'`)
    const problem = tensorDataProblem(spec.name, tensor)
    if (problem) fail(problem, 'build the tensor with matching type, dims and data length')
    if (tensor.type !== spec.type || !dimsCompatible(spec.dims, tensor.dims)) {
      fail(
        `input '${spec.name}' is ${formatSpec(tensor)}, the model expects ${formatSpec(spec)}`,
        `pass a ${formatSpec(spec)} tensor`,
      )
    }
  }
}
