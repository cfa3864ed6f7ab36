/**
 * Tiny ONNX models for tests, written in pure TypeScript (hand-encoded protobuf, no dependency).
 *
 * A model has the declared input/output names, dtypes and dims (strings are dynamic dims) and returns
 * constant outputs, optionally shifted by the mean of the first float32 input so a test can see what
 * reached the model. Every input is consumed (0·ReduceSum), so onnxruntime validates the feeds.
 * IR version 8, default-domain opset 17.
 */

export interface TinyTensorSpec {
  name: string
  type: 'float32' | 'int64' | 'int32' | 'uint8' | 'bool'
  /** Numbers are static dims; strings are dynamic (symbolic) dims. */
  dims: (number | string)[]
}

export interface TinyOutputSpec extends TinyTensorSpec {
  /** Constant content broadcast to the output's shape at run time (length = product of the static dims, or 1 to broadcast). Default zeros. */
  value?: ArrayLike<number>
  /** 'input-mean': output = value + mean of all elements of the first float32 input (so tests can see what reached the model). 'none' (default): output = value, still computed in a way that consumes every input (e.g. + 0·ReduceSum) so ORT validates the inputs. */
  dependsOn?: 'none' | 'input-mean'
  /** For outputs with dynamic dims: the concrete shape the output takes at run time. */
  runtimeDims?: number[]
}

const ELEM_TYPE = { float32: 1, uint8: 2, int32: 6, int64: 7, bool: 9 } as const
const ATTR_INT = 2
const WIRE_VARINT = 0
const WIRE_BYTES = 2
const utf8 = new TextEncoder()

// ---- protobuf primitives -------------------------------------------------------------------

function varint(value: number | bigint): number[] {
  // Negative int64 values are encoded as 10-byte two's complement, as protobuf does.
  let v = BigInt.asUintN(64, BigInt(value))
  const out: number[] = []
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80)
    v >>= 7n
  }
  out.push(Number(v))
  return out
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

function fieldVarint(field: number, value: number | bigint): Uint8Array {
  return Uint8Array.from([...varint((field << 3) | WIRE_VARINT), ...varint(value)])
}

function fieldBytes(field: number, bytes: Uint8Array): Uint8Array {
  return concat([
    Uint8Array.from([...varint((field << 3) | WIRE_BYTES), ...varint(bytes.length)]),
    bytes,
  ])
}

function fieldString(field: number, text: string): Uint8Array {
  return fieldBytes(field, utf8.encode(text))
}

// ---- ONNX messages (field numbers from onnx.proto) -------------------------------------------

function tensorProto(
  name: string,
  type: TinyTensorSpec['type'],
  dims: number[],
  values: ArrayLike<number>,
): Uint8Array {
  let raw: Uint8Array
  if (type === 'float32') raw = new Uint8Array(Float32Array.from(values).buffer)
  else if (type === 'int64')
    raw = new Uint8Array(
      BigInt64Array.from(Array.from(values, (v) => BigInt(Math.trunc(v)))).buffer,
    )
  else if (type === 'int32') raw = new Uint8Array(Int32Array.from(values).buffer)
  else if (type === 'uint8') raw = Uint8Array.from(values)
  else raw = Uint8Array.from(values, (v) => (v ? 1 : 0))
  return concat([
    ...dims.map((d) => fieldVarint(1, d)),
    fieldVarint(2, ELEM_TYPE[type]),
    fieldString(8, name),
    fieldBytes(9, raw),
  ])
}

function valueInfo(spec: TinyTensorSpec): Uint8Array {
  const dims = spec.dims.map((d) =>
    fieldBytes(1, typeof d === 'number' ? fieldVarint(1, d) : fieldString(2, d)),
  )
  const tensorType = concat([fieldVarint(1, ELEM_TYPE[spec.type]), fieldBytes(2, concat(dims))])
  return concat([fieldString(1, spec.name), fieldBytes(2, fieldBytes(1, tensorType))])
}

function intAttribute(name: string, value: number): Uint8Array {
  return concat([fieldString(1, name), fieldVarint(3, value), fieldVarint(20, ATTR_INT)])
}

interface NodeSpec {
  op: string
  inputs: string[]
  output: string
  attributes?: Record<string, number>
}

function nodeProto(node: NodeSpec): Uint8Array {
  return concat([
    ...node.inputs.map((i) => fieldString(1, i)),
    fieldString(2, node.output),
    fieldString(3, `${node.op}_${node.output}`),
    fieldString(4, node.op),
    ...Object.entries(node.attributes ?? {}).map(([k, v]) => fieldBytes(5, intAttribute(k, v))),
  ])
}

// ---- graph construction ----------------------------------------------------------------------

interface Graph {
  nodes: NodeSpec[]
  initializers: Uint8Array[]
}

function product(dims: number[]): number {
  return dims.reduce((a, b) => a * b, 1)
}

/** The shape the constant takes: full runtime shape, the static dims with 1 at dynamic ones, or a scalar. */
function constantShape(out: TinyOutputSpec, runtime: number[], length: number): number[] {
  if (length === product(runtime)) return runtime
  const staticShape = out.dims.map((d) => (typeof d === 'number' ? d : 1))
  if (length === product(staticShape) && staticShape.length === runtime.length) return staticShape
  if (length === 1) return []
  throw new Error(
    `buildTinyModel: output ${out.name} value has ${length} elements; expected 1, ${product(runtime)} (shape [${runtime}]) or ${product(staticShape)} (static dims)`,
  )
}

function addOutput(g: Graph, out: TinyOutputSpec, zeroDep: string, mean: string | undefined): void {
  const runtime = out.runtimeDims ?? out.dims.map((d) => (typeof d === 'number' ? d : 1))
  if (runtime.length !== out.dims.length) {
    throw new Error(
      `buildTinyModel: output ${out.name} runtimeDims [${runtime}] must have rank ${out.dims.length}`,
    )
  }
  const values = out.value ?? [0]
  const p = `${out.name}__`
  // Float outputs add in float32; the others add in int64 (exact for integer constants), then cast.
  const workType = out.type === 'float32' ? 'float32' : 'int64'
  g.initializers.push(
    tensorProto(`${p}value`, workType, constantShape(out, runtime, values.length), values),
  )
  g.initializers.push(tensorProto(`${p}shape`, 'int64', [runtime.length], runtime))
  let shift = zeroDep
  if (out.dependsOn === 'input-mean') {
    if (!mean)
      throw new Error(
        `buildTinyModel: output ${out.name} depends on the input mean but no input is float32`,
      )
    g.nodes.push({ op: 'Add', inputs: [zeroDep, mean], output: `${p}meanShift` })
    shift = `${p}meanShift`
  }
  if (workType === 'int64') {
    g.nodes.push({
      op: 'Cast',
      inputs: [shift],
      output: `${p}shiftInt`,
      attributes: { to: ELEM_TYPE.int64 },
    })
    shift = `${p}shiftInt`
  }
  g.nodes.push({ op: 'Add', inputs: [`${p}value`, shift], output: `${p}sum` })
  const expanded = out.type === workType ? out.name : `${p}expanded`
  if (out.dims.some((d) => typeof d === 'string')) {
    // Expand to the runtime shape, then Reshape by a computed (not constant) shape: ORT's shape
    // inference then knows only the rank and keeps the declared dynamic dims in the model's metadata.
    g.nodes.push({ op: 'Expand', inputs: [`${p}sum`, `${p}shape`], output: `${p}full` })
    g.nodes.push({
      op: 'Cast',
      inputs: [zeroDep],
      output: `${p}zeroInt`,
      attributes: { to: ELEM_TYPE.int64 },
    })
    g.nodes.push({ op: 'Add', inputs: [`${p}shape`, `${p}zeroInt`], output: `${p}runtimeShape` })
    g.nodes.push({ op: 'Reshape', inputs: [`${p}full`, `${p}runtimeShape`], output: expanded })
  } else {
    g.nodes.push({ op: 'Expand', inputs: [`${p}sum`, `${p}shape`], output: expanded })
  }
  if (expanded !== out.name) {
    g.nodes.push({
      op: 'Cast',
      inputs: [expanded],
      output: out.name,
      attributes: { to: ELEM_TYPE[out.type] },
    })
  }
}

/**
 * Builds a tiny ONNX model (serialized ModelProto bytes; the caller owns them). Throws on a spec that
 * cannot be built (value length not matching the shape, 'input-mean' without a float32 input).
 */
export function buildTinyModel(spec: {
  inputs: TinyTensorSpec[]
  outputs: TinyOutputSpec[]
  producer?: string
}): Uint8Array {
  const g: Graph = { nodes: [], initializers: [] }
  g.initializers.push(tensorProto('tiny__zero', 'float32', [], [0]))
  const sums: string[] = []
  for (const input of spec.inputs) {
    const asFloat = input.type === 'float32' ? input.name : `${input.name}__float`
    if (asFloat !== input.name) {
      g.nodes.push({
        op: 'Cast',
        inputs: [input.name],
        output: asFloat,
        attributes: { to: ELEM_TYPE.float32 },
      })
    }
    g.nodes.push({
      op: 'ReduceSum',
      inputs: [asFloat],
      output: `${input.name}__sum`,
      attributes: { keepdims: 0 },
    })
    sums.push(`${input.name}__sum`)
  }
  if (sums.length > 0) g.nodes.push({ op: 'Sum', inputs: sums, output: 'tiny__inputSum' })
  const zeroDep = 'tiny__zeroDep'
  g.nodes.push({
    op: 'Mul',
    inputs: [sums.length > 0 ? 'tiny__inputSum' : 'tiny__zero', 'tiny__zero'],
    output: zeroDep,
  })

  const firstFloat = spec.inputs.find((i) => i.type === 'float32')
  let mean: string | undefined
  if (firstFloat && spec.outputs.some((o) => o.dependsOn === 'input-mean')) {
    mean = 'tiny__inputMean'
    g.nodes.push({
      op: 'ReduceMean',
      inputs: [firstFloat.name],
      output: mean,
      attributes: { keepdims: 0 },
    })
  }
  for (const out of spec.outputs) addOutput(g, out, zeroDep, mean)

  const graph = concat([
    ...g.nodes.map((n) => fieldBytes(1, nodeProto(n))),
    fieldString(2, 'tiny'),
    ...g.initializers.map((t) => fieldBytes(5, t)),
    ...spec.inputs.map((i) => fieldBytes(11, valueInfo(i))),
    ...spec.outputs.map((o) => fieldBytes(12, valueInfo(o))),
  ])
  const opset = fieldVarint(2, 17)
  return concat([
    fieldVarint(1, 8),
    fieldString(2, spec.producer ?? 'spatial-lens-tests'),
    fieldBytes(7, graph),
    fieldBytes(8, opset),
  ])
}
