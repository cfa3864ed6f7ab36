/**
 * Tiny ONNX models for tests, written in pure TypeScript (hand-encoded protobuf, no dependency).
 *
 * A model has the declared input/output names, dtypes and dims (strings are dynamic dims) and returns
 * constant outputs, optionally shifted by the mean of the first float32 input so a test can see what
 * reached the model. Every input is consumed (0·ReduceSum), so onnxruntime validates the feeds.
 * Outputs can also take their shape from the inputs' shapes at run time (`shapeFrom`) and grow with
 * an input's length (`lengthSlope`), so a tiny decoder can return a KV cache that grows per step and
 * logits whose argmax changes as the sequence grows.
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
  /**
   * The output's shape read from the inputs at run time (instead of `runtimeDims`): a number is a
   * fixed size, `{ input, axis }` is that input's size along that axis. `value` then has 1 element
   * or as many as the last (fixed) dim, broadcast over the others.
   */
  shapeFrom?: Array<number | InputAxis>
  /**
   * float32 outputs only: adds `slope · L`, where L is the size of `input` along `axis` at run time.
   * `slope` has 1 element or as many as the last dim (broadcast like `value`).
   */
  lengthSlope?: InputAxis & { slope: ArrayLike<number> }
  /**
   * With 'input-mean' on a float32 output: the mean is multiplied by these (1 element, or one per
   * last-dim entry) before it is added, so the input can move some elements up and others down.
   */
  meanScale?: ArrayLike<number>
}

/** An input's size along one axis, read at run time. */
export interface InputAxis {
  input: string
  axis: number
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

/** A 1-element int64 tensor holding the size of `input` along `axis` (Shape → Gather). */
function inputSize(g: Graph, prefix: string, source: InputAxis): string {
  const base = `${prefix}${source.input}_${source.axis}`
  g.initializers.push(tensorProto(`${base}_index`, 'int64', [1], [source.axis]))
  g.nodes.push({ op: 'Shape', inputs: [source.input], output: `${base}_shape` })
  g.nodes.push({ op: 'Gather', inputs: [`${base}_shape`, `${base}_index`], output: `${base}_size` })
  return `${base}_size`
}

/** The constant broadcast by shapeFrom/lengthSlope outputs: a scalar, or one value per last-dim entry. */
function lastAxisShape(out: TinyOutputSpec, what: string, length: number): number[] {
  if (length === 1) return []
  const last = (out.shapeFrom ?? out.dims).at(-1)
  if (typeof last === 'number' && last === length) return [length]
  throw new Error(
    `buildTinyModel: output ${out.name} ${what} has ${length} elements; expected 1 or the last dim (${JSON.stringify(last)})`,
  )
}

/**
 * The term added to an output's constant: 0·(every input), plus the first float32 input's mean
 * (times meanScale) for 'input-mean'; cast to int64 for non-float outputs.
 */
function addShift(
  g: Graph,
  out: TinyOutputSpec,
  zeroDep: string,
  mean: string | undefined,
  workType: 'float32' | 'int64',
  lastAxis: (what: string, length: number) => number[],
): string {
  const p = `${out.name}__`
  let shift = zeroDep
  if (out.dependsOn === 'input-mean') {
    if (!mean)
      throw new Error(
        `buildTinyModel: output ${out.name} depends on the input mean but no input is float32`,
      )
    let term = mean
    if (out.meanScale) {
      if (workType !== 'float32')
        throw new Error(`buildTinyModel: output ${out.name} meanScale needs a float32 output`)
      g.initializers.push(
        tensorProto(
          `${p}meanScale`,
          'float32',
          lastAxis('meanScale', out.meanScale.length),
          out.meanScale,
        ),
      )
      g.nodes.push({ op: 'Mul', inputs: [`${p}meanScale`, mean], output: `${p}scaledMean` })
      term = `${p}scaledMean`
    }
    g.nodes.push({ op: 'Add', inputs: [zeroDep, term], output: `${p}meanShift` })
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
  return shift
}

/** out = value + 0·inputs (+ slope · L), expanded to a shape computed from the inputs' shapes. */
function addShapedOutput(
  g: Graph,
  out: TinyOutputSpec,
  zeroDep: string,
  mean: string | undefined,
): void {
  const shapeFrom = out.shapeFrom!
  if (shapeFrom.length !== out.dims.length) {
    throw new Error(
      `buildTinyModel: output ${out.name} shapeFrom must have rank ${out.dims.length}`,
    )
  }
  const p = `${out.name}__`
  const values = out.value ?? [0]
  const workType = out.type === 'float32' ? 'float32' : 'int64'
  g.initializers.push(
    tensorProto(`${p}value`, workType, lastAxisShape(out, 'value', values.length), values),
  )
  const parts = shapeFrom.map((dim, k) => {
    if (typeof dim !== 'number') return inputSize(g, `${p}dim${k}_`, dim)
    g.initializers.push(tensorProto(`${p}dim${k}`, 'int64', [1], [dim]))
    return `${p}dim${k}`
  })
  g.nodes.push({ op: 'Concat', inputs: parts, output: `${p}shape`, attributes: { axis: 0 } })
  const shift = addShift(g, out, zeroDep, mean, workType, (what, n) => lastAxisShape(out, what, n))
  g.nodes.push({ op: 'Add', inputs: [`${p}value`, shift], output: `${p}sum` })
  const sum = addLengthSlope(g, out, `${p}sum`)
  const expanded = out.type === workType ? out.name : `${p}expanded`
  g.nodes.push({ op: 'Expand', inputs: [sum, `${p}shape`], output: expanded })
  if (expanded !== out.name) {
    g.nodes.push({
      op: 'Cast',
      inputs: [expanded],
      output: out.name,
      attributes: { to: ELEM_TYPE[out.type] },
    })
  }
}

/** `sum + slope · L` when the output has a lengthSlope; returns the tensor name to expand. */
function addLengthSlope(g: Graph, out: TinyOutputSpec, sum: string): string {
  const slope = out.lengthSlope
  if (!slope) return sum
  if (out.type !== 'float32') {
    throw new Error(`buildTinyModel: output ${out.name} lengthSlope needs a float32 output`)
  }
  const p = `${out.name}__slope_`
  const size = inputSize(g, p, slope)
  g.initializers.push(
    tensorProto(
      `${p}values`,
      'float32',
      lastAxisShape(out, 'slope', slope.slope.length),
      slope.slope,
    ),
  )
  g.nodes.push({
    op: 'Cast',
    inputs: [size],
    output: `${p}length`,
    attributes: { to: ELEM_TYPE.float32 },
  })
  g.nodes.push({ op: 'Mul', inputs: [`${p}values`, `${p}length`], output: `${p}term` })
  g.nodes.push({ op: 'Add', inputs: [sum, `${p}term`], output: `${p}total` })
  return `${p}total`
}

function addOutput(g: Graph, out: TinyOutputSpec, zeroDep: string, mean: string | undefined): void {
  if (out.shapeFrom) {
    addShapedOutput(g, out, zeroDep, mean)
    return
  }
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
  const shift = addShift(g, out, zeroDep, mean, workType, (what, n) =>
    n === 1 ? [] : constantShape({ ...out, name: `${out.name} ${what}` }, runtime, n),
  )
  g.nodes.push({ op: 'Add', inputs: [`${p}value`, shift], output: `${p}sum` })
  const sum = addLengthSlope(g, out, `${p}sum`)
  const expanded = out.type === workType ? out.name : `${p}expanded`
  if (out.dims.some((d) => typeof d === 'string')) {
    // Expand to the runtime shape, then Reshape by a computed (not constant) shape: ORT's shape
    // inference then knows only the rank and keeps the declared dynamic dims in the model's metadata.
    g.nodes.push({ op: 'Expand', inputs: [sum, `${p}shape`], output: `${p}full` })
    g.nodes.push({
      op: 'Cast',
      inputs: [zeroDep],
      output: `${p}zeroInt`,
      attributes: { to: ELEM_TYPE.int64 },
    })
    g.nodes.push({ op: 'Add', inputs: [`${p}shape`, `${p}zeroInt`], output: `${p}runtimeShape` })
    g.nodes.push({ op: 'Reshape', inputs: [`${p}full`, `${p}runtimeShape`], output: expanded })
  } else {
    g.nodes.push({ op: 'Expand', inputs: [sum, `${p}shape`], output: expanded })
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
