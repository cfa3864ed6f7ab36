/**
 * The smallest useful ONNX model — y = Identity(x), x and y float32 [1] — encoded by hand, so that
 * provider probing needs no file on disk. IR version 8, default-domain opset 17 (field numbers from
 * onnx.proto).
 */

const utf8 = new TextEncoder()

function varint(value: number): number[] {
  const out: number[] = []
  let v = value
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80)
    v >>>= 7
  }
  out.push(v)
  return out
}

function varintField(field: number, value: number): number[] {
  return [...varint(field << 3), ...varint(value)]
}

function bytesField(field: number, bytes: number[]): number[] {
  return [...varint((field << 3) | 2), ...varint(bytes.length), ...bytes]
}

function stringField(field: number, text: string): number[] {
  return bytesField(field, [...utf8.encode(text)])
}

/** ValueInfoProto: name, TypeProto{tensor_type{elem_type FLOAT, shape{dim{dim_value 1}}}}. */
function floatVector(name: string): number[] {
  const shape = bytesField(1, varintField(1, 1))
  const tensorType = [...varintField(1, 1), ...bytesField(2, shape)]
  return [...stringField(1, name), ...bytesField(2, bytesField(1, tensorType))]
}

/** Serialized ModelProto bytes (a fresh copy per call; the caller owns it). */
export function probeModelBytes(): Uint8Array {
  const node = [...stringField(1, 'x'), ...stringField(2, 'y'), ...stringField(4, 'Identity')]
  const graph = [
    ...bytesField(1, node),
    ...stringField(2, 'probe'),
    ...bytesField(11, floatVector('x')),
    ...bytesField(12, floatVector('y')),
  ]
  const model = [
    ...varintField(1, 8),
    ...stringField(2, 'spatial-lens-probe'),
    ...bytesField(7, graph),
    ...bytesField(8, varintField(2, 17)),
  ]
  return Uint8Array.from(model)
}
