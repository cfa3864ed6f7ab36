// main/engine/tf/quat.ts
function quatMultiply(a, b) {
  const [ax, ay, az, aw] = a;
  const [bx, by, bz, bw] = b;
  return [
    aw * bx + ax * bw + ay * bz - az * by,
    aw * by - ax * bz + ay * bw + az * bx,
    aw * bz + ax * by - ay * bx + az * bw,
    aw * bw - ax * bx - ay * by - az * bz
  ];
}
function quatConjugate(q) {
  return [-q[0], -q[1], -q[2], q[3]];
}
function quatNormalize(q) {
  const n = Math.hypot(q[0], q[1], q[2], q[3]);
  if (!Number.isFinite(n) || n < 1e-9) {
    throw new RangeError(`quaternion [${q.join(", ")}] has no rotation (zero or non-finite length)`);
  }
  return [q[0] / n, q[1] / n, q[2] / n, q[3] / n];
}
function quatRotate(q, v) {
  const [x, y, z, w] = q;
  const tx = 2 * (y * v[2] - z * v[1]);
  const ty = 2 * (z * v[0] - x * v[2]);
  const tz = 2 * (x * v[1] - y * v[0]);
  return [
    v[0] + w * tx + (y * tz - z * ty),
    v[1] + w * ty + (z * tx - x * tz),
    v[2] + w * tz + (x * ty - y * tx)
  ];
}
function quatSlerp(a, b, s) {
  let dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
  const sign = dot < 0 ? -1 : 1;
  dot *= sign;
  if (dot > 0.9995) {
    return quatNormalize([0, 1, 2, 3].map((i) => a[i] + s * (sign * b[i] - a[i])));
  }
  const theta = Math.acos(dot);
  const wa = Math.sin((1 - s) * theta) / Math.sin(theta);
  const wb = sign * Math.sin(s * theta) / Math.sin(theta);
  return [0, 1, 2, 3].map((i) => wa * a[i] + wb * b[i]);
}
function identityTransform() {
  return { translationM: [0, 0, 0], rotation: [0, 0, 0, 1] };
}
function composeTransforms(a, b) {
  const t = quatRotate(a.rotation, b.translationM);
  return {
    translationM: [t[0] + a.translationM[0], t[1] + a.translationM[1], t[2] + a.translationM[2]],
    rotation: quatMultiply(a.rotation, b.rotation)
  };
}
function invertTransform(a) {
  const r = quatConjugate(a.rotation);
  const t = quatRotate(r, a.translationM);
  return { translationM: [-t[0], -t[1], -t[2]], rotation: r };
}

// main/engine/tf/tfTree.ts
var TfLookupError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "TfLookupError";
  }
};
var TfTree = class {
  edges = /* @__PURE__ */ new Map();
  options;
  constructor(options = {}) {
    this.options = options;
  }
  /** Adds one transform. Throws RangeError for an empty frame id, a self-loop or a zero quaternion. */
  add(t) {
    const parent = stripSlash(t.parentFrameId);
    const child = stripSlash(t.childFrameId);
    if (parent === "" || child === "") throw new RangeError("transform with an empty frame id");
    if (parent === child) throw new RangeError(`transform from frame "${child}" to itself`);
    const sample2 = {
      timeNs: t.timeNs,
      translationM: [...t.translationM],
      rotation: quatNormalize(t.rotation)
    };
    let edge = this.edges.get(child);
    if (!edge || edge.parentFrameId !== parent || edge.isStatic !== t.isStatic) {
      edge = { parentFrameId: parent, isStatic: t.isStatic, samples: [] };
      this.edges.set(child, edge);
    }
    if (t.isStatic) {
      edge.samples = [sample2];
      return;
    }
    insertSorted(edge.samples, sample2);
    this.trim(edge);
  }
  /** Every frame id the tree knows (parents and children). */
  frameIds() {
    const ids = /* @__PURE__ */ new Set();
    for (const [child, edge] of this.edges) {
      ids.add(child);
      ids.add(edge.parentFrameId);
    }
    return [...ids].sort();
  }
  /** The parent of a frame, or undefined for a root / unknown frame. */
  parentOf(frameId) {
    return this.edges.get(stripSlash(frameId))?.parentFrameId;
  }
  /** True when the frame appears in the tree. */
  hasFrame(frameId) {
    const id = stripSlash(frameId);
    if (this.edges.has(id)) return true;
    for (const edge of this.edges.values()) if (edge.parentFrameId === id) return true;
    return false;
  }
  /**
   * The transform targetFromSource at `timeNs`: maps points in `sourceFrameId` to `targetFrameId`
   * (tf2's lookupTransform(target, source, time)).
   * @throws TfLookupError for unknown frames, frames in different trees, or a time outside the data.
   */
  lookup(targetFrameId, sourceFrameId, timeNs) {
    const target = stripSlash(targetFrameId);
    const source2 = stripSlash(sourceFrameId);
    for (const id of [target, source2]) {
      if (!this.hasFrame(id))
        throw new TfLookupError(
          `frame "${id}" is not in the TF tree (known: ${this.describeFrames()})`
        );
    }
    if (target === source2) return identityTransform();
    const sourceChain = this.chainToRoot(source2);
    const targetChain = this.chainToRoot(target);
    const common = sourceChain.find((id) => targetChain.includes(id));
    if (common === void 0) {
      throw new TfLookupError(
        `frames "${source2}" and "${target}" are not connected (roots "${sourceChain.at(-1)}" and "${targetChain.at(-1)}")`
      );
    }
    const commonFromSource = this.composeUp(sourceChain, common, timeNs);
    const commonFromTarget = this.composeUp(targetChain, common, timeNs);
    return composeTransforms(invertTransform(commonFromTarget), commonFromSource);
  }
  describeFrames() {
    const ids = this.frameIds();
    return ids.length === 0 ? "none" : ids.slice(0, 20).join(", ") + (ids.length > 20 ? ", \u2026" : "");
  }
  chainToRoot(frameId) {
    const chain = [frameId];
    let edge = this.edges.get(frameId);
    while (edge) {
      if (chain.includes(edge.parentFrameId))
        throw new TfLookupError(`TF has a loop through "${edge.parentFrameId}"`);
      chain.push(edge.parentFrameId);
      edge = this.edges.get(edge.parentFrameId);
    }
    return chain;
  }
  /** ancestorFromFrame for chain[0] up to `ancestor` (which is in the chain). */
  composeUp(chain, ancestor, timeNs) {
    let result = identityTransform();
    for (const child of chain) {
      if (child === ancestor) break;
      const edge = this.edges.get(child);
      result = composeTransforms(this.sampleAt(child, edge, timeNs), result);
    }
    return result;
  }
  sampleAt(child, edge, timeNs) {
    const s = edge.samples;
    if (edge.isStatic) return s[0];
    const tolerance = this.options.extrapolationToleranceNs ?? 0n;
    const first = s[0];
    const last = s[s.length - 1];
    if (timeNs <= first.timeNs) {
      if (first.timeNs - timeNs <= tolerance) return first;
      throw this.outside(child, edge, timeNs, "before", first.timeNs - timeNs);
    }
    if (timeNs >= last.timeNs) {
      if (timeNs - last.timeNs <= tolerance) return last;
      throw this.outside(child, edge, timeNs, "after", timeNs - last.timeNs);
    }
    const i = upperBound(s, timeNs);
    const a = s[i - 1];
    const b = s[i];
    const span = Number(b.timeNs - a.timeNs);
    const f = span === 0 ? 0 : Number(timeNs - a.timeNs) / span;
    return {
      translationM: [0, 1, 2].map(
        (k) => a.translationM[k] + f * (b.translationM[k] - a.translationM[k])
      ),
      rotation: quatSlerp(a.rotation, b.rotation, f)
    };
  }
  outside(child, edge, timeNs, side, gapNs) {
    const gapS = (Number(gapNs) / 1e9).toFixed(3);
    return new TfLookupError(
      `no transform ${edge.parentFrameId} \u2192 ${child} at ${formatSeconds(timeNs)}: the query is ${gapS} s ${side} its data (${formatSeconds(edge.samples[0].timeNs)} \u2013 ${formatSeconds(edge.samples[edge.samples.length - 1].timeNs)})`
    );
  }
  trim(edge) {
    const keep = this.options.cacheDurationNs;
    if (keep === void 0 || edge.samples.length < 2) return;
    const newest = edge.samples[edge.samples.length - 1].timeNs;
    let drop = 0;
    while (drop < edge.samples.length - 2 && newest - edge.samples[drop + 1].timeNs > keep) drop++;
    if (drop > 0) edge.samples.splice(0, drop);
  }
};
function stripSlash(id) {
  return id.startsWith("/") ? id.slice(1) : id;
}
function insertSorted(samples, sample2) {
  if (samples.length === 0 || samples[samples.length - 1].timeNs < sample2.timeNs) {
    samples.push(sample2);
    return;
  }
  const i = upperBound(samples, sample2.timeNs);
  if (i > 0 && samples[i - 1].timeNs === sample2.timeNs) samples[i - 1] = sample2;
  else samples.splice(i, 0, sample2);
}
function upperBound(samples, timeNs) {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (samples[mid].timeNs <= timeNs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function formatSeconds(timeNs) {
  return `${(Number(timeNs) / 1e9).toFixed(3)} s`;
}

// main/engine/tf/fromMessage.ts
function rosTimeToNs(stamp) {
  const t = stamp ?? {};
  const sec = t.sec ?? t.secs ?? 0;
  const nsec = t.nanosec ?? t.nsec ?? t.nsecs ?? 0;
  return BigInt(Math.trunc(sec)) * 1000000000n + BigInt(Math.trunc(nsec));
}
function transformsFromTfMessage(message, isStatic) {
  const list = message.transforms;
  if (!Array.isArray(list)) throw new RangeError('TF message has no "transforms" array');
  return list.map((item) => {
    const t = item;
    const tr = t.transform?.translation;
    const rot = t.transform?.rotation;
    if (!tr || !rot || typeof t.header?.frame_id !== "string" || typeof t.child_frame_id !== "string") {
      throw new RangeError("TF transform lacks header.frame_id, child_frame_id or transform");
    }
    return {
      parentFrameId: t.header.frame_id,
      childFrameId: t.child_frame_id,
      timeNs: rosTimeToNs(t.header.stamp),
      translationM: [tr.x, tr.y, tr.z],
      rotation: [rot.x, rot.y, rot.z, rot.w],
      isStatic
    };
  });
}

// main/sources/robot/messageDecoder.ts
import { parse as parseMsgDefinition } from "@foxglove/rosmsg";
import { MessageReader as Ros2Reader } from "@foxglove/rosmsg2-serialization";
import { MessageReader as Ros1Reader } from "@foxglove/rosmsg-serialization";
import protobufjs from "protobufjs";
import descriptor from "protobufjs/ext/descriptor/index.js";
function createMessageDecoder(channel) {
  const text = () => new TextDecoder().decode(channel.data);
  switch (channel.messageEncoding) {
    case "cdr": {
      if (channel.encoding !== "ros2msg")
        throw unsupported(channel, "CDR needs a ros2msg schema (ros2idl is not read)");
      const reader = new Ros2Reader(parseMsgDefinition(text(), { ros2: true }));
      return (data) => reader.readMessage(data);
    }
    case "ros1": {
      const reader = new Ros1Reader(parseMsgDefinition(text()));
      return (data) => reader.readMessage(data);
    }
    case "json": {
      const decoder = new TextDecoder();
      return (data) => JSON.parse(decoder.decode(data));
    }
    case "protobuf": {
      const set = descriptor.FileDescriptorSet.decode(channel.data);
      const root = protobufjs.Root.fromDescriptor(set);
      const type = root.lookupType(channel.name);
      return (data) => type.toObject(type.decode(data), { longs: Number, defaults: true });
    }
    default:
      throw unsupported(channel, `message encoding "${channel.messageEncoding}" is not supported`);
  }
}
function unsupported(channel, why) {
  return new Error(`topic ${channel.topic} (${channel.name}): ${why}`);
}
function stampNs(stamp) {
  if (typeof stamp !== "object" || stamp === null) return void 0;
  const t = stamp;
  const sec = t.sec ?? t.secs ?? t.seconds;
  const nsec = t.nanosec ?? t.nsec ?? t.nsecs ?? t.nanos ?? 0;
  if (typeof sec !== "number" || typeof nsec !== "number") return void 0;
  return BigInt(Math.trunc(sec)) * 1000000000n + BigInt(Math.trunc(nsec));
}
function bytesOf(value, what) {
  if (value instanceof Uint8Array) return value;
  if (typeof value === "string") return new Uint8Array(Buffer.from(value, "base64"));
  if (Array.isArray(value)) return Uint8Array.from(value);
  throw new Error(`${what} has no data bytes`);
}

// main/sources/robot/cameraInfo.ts
function calibrationFromMessage(message) {
  const k = message.k ?? message.K;
  if (!k || k.length !== 9) throw new Error("camera calibration has no 9-element K matrix");
  const fx = Number(k[0]);
  const fy = Number(k[4]);
  if (!(fx > 0 && fy > 0)) {
    throw new Error(
      `camera calibration K has fx=${fx}, fy=${fy}; both must be > 0 (an uncalibrated camera?)`
    );
  }
  const header = message.header;
  const d = message.d ?? message.D ?? [];
  return {
    width: Number(message.width),
    height: Number(message.height),
    fx,
    fy,
    cx: Number(k[2]),
    cy: Number(k[5]),
    distortionModel: String(message.distortion_model ?? ""),
    distortion: Array.from(d, Number),
    frameId: String(header?.frame_id ?? message.frame_id ?? "")
  };
}
var KNOWN_MODELS = ["", "plumb_bob", "rational_polynomial", "equidistant", "kannala_brandt"];
function intrinsicsForImage(calibration, width, height, topic) {
  const warnings = [];
  const c = calibration;
  if (!KNOWN_MODELS.includes(c.distortionModel)) {
    warnings.push(
      `${topic}: unknown distortion model "${c.distortionModel}"; treated as an undistorted pinhole`
    );
  } else if (c.distortion.some((v) => Math.abs(v) > 1e-9)) {
    warnings.push(
      `${topic}: image is not rectified (distortion ${c.distortionModel} \u2260 0); measurements near the edges are less accurate`
    );
  }
  if (c.width === 0 || c.height === 0 || c.width === width && c.height === height) {
    return { intrinsics: { width, height, fx: c.fx, fy: c.fy, cx: c.cx, cy: c.cy }, warnings };
  }
  const sx = width / c.width;
  const sy = height / c.height;
  const mismatch = `${topic}: calibration is for ${c.width}\xD7${c.height} but the image is ${width}\xD7${height}`;
  if (Math.abs(sx - sy) / Math.max(sx, sy) > 0.01) {
    warnings.push(
      `${mismatch}, a different aspect ratio: it probably belongs to another stream; K was scaled per axis (x ${sx.toFixed(4)}, y ${sy.toFixed(4)}) but distances are not trustworthy \u2014 give the matching CameraInfo topic or an intrinsics file`
    );
  } else {
    warnings.push(
      `${mismatch}; intrinsics scaled by ${sx.toFixed(4)} (check that the stream was only resized)`
    );
  }
  return {
    intrinsics: {
      width,
      height,
      fx: c.fx * sx,
      fy: c.fy * sy,
      cx: (c.cx + 0.5) * sx - 0.5,
      cy: (c.cy + 0.5) * sy - 0.5
    },
    warnings
  };
}

// main/sources/robot/compressedImage.ts
import { decode as decodePng } from "fast-png";

// main/sources/colorImage.ts
import sharp from "sharp";

// main/sources/SourceError.ts
var SourceError = class extends Error {
  /** The file (path or upload name) the problem is about, when there is one. */
  file;
  constructor(message, options = {}) {
    super(oneLine(message), options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "SourceError";
    this.file = options.file;
  }
};
function describeCause(error, maxLength = 160) {
  const text = error instanceof Error ? error.message : String(error);
  const line = oneLine(text);
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}\u2026` : line;
}
function oneLine(text) {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  return firstLine.trim();
}

// main/limits.ts
var LIMIT_DEFAULTS = {
  maxImagePixels: { value: 4e7, env: "SPATIAL_LENS_MAX_IMAGE_PIXELS", min: 1 },
  maxCloudPoints: { value: 4e7, env: "SPATIAL_LENS_MAX_CLOUD_POINTS", min: 1 },
  analysisTimeoutMs: { value: 12e4, env: "SPATIAL_LENS_ANALYSIS_TIMEOUT_MS", min: 1 },
  sceneWorkers: { value: 2, env: "SPATIAL_LENS_SCENE_WORKERS", min: 2 },
  sceneCacheBytes: { value: 1024 * 1024 * 1024, env: "SPATIAL_LENS_SCENE_CACHE_BYTES", min: 1 },
  maxLogRecordBytes: { value: 64 * 1024, env: "SPATIAL_LENS_MAX_LOG_RECORD_BYTES", min: 1024 },
  maxLogFileBytes: { value: 256 * 1024 * 1024, env: "SPATIAL_LENS_MAX_LOG_FILE_BYTES", min: 1024 },
  maxListedRecords: { value: 1e4, env: "SPATIAL_LENS_MAX_LISTED_RECORDS", min: 1 }
};
function readLimits(env) {
  const limits = {};
  for (const key of Object.keys(LIMIT_DEFAULTS)) {
    const { value, env: name, min } = LIMIT_DEFAULTS[key];
    const text = env[name]?.trim();
    if (text === void 0 || text === "") {
      limits[key] = value;
      continue;
    }
    const parsed = Number(text);
    if (!Number.isSafeInteger(parsed) || parsed < min) {
      throw new LimitConfigError(
        `${name} must be a whole number \u2265 ${min} (got "${text.slice(0, 40)}"); unset it for the default ${value}`
      );
    }
    limits[key] = parsed;
  }
  return limits;
}
var LimitConfigError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UserError";
  }
};
function currentLimits() {
  return readLimits(process.env);
}

// main/sources/pixelLimit.ts
function assertPixelLimit(width, height, name, maxPixels = currentLimits().maxImagePixels) {
  const pixels = width * height;
  if (pixels <= maxPixels) return;
  throw new SourceError(
    `${name} declares ${width}\xD7${height} = ${formatPixels(pixels)} pixels, over the limit of ${formatPixels(maxPixels)}; downscale the image (and its intrinsics), or raise SPATIAL_LENS_MAX_IMAGE_PIXELS on the machine that analyses it`,
    { file: name }
  );
}
function formatPixels(pixels) {
  return pixels >= 1e6 ? `${(pixels / 1e6).toFixed(1)} M` : String(pixels);
}

// main/sources/colorImage.ts
async function decodeColorImage(bytes, name, maxPixels = currentLimits().maxImagePixels) {
  if (bytes.length === 0) {
    throw new SourceError(
      `${name} is not a readable image (corrupt or unsupported): the file is empty`,
      {
        file: name
      }
    );
  }
  await checkDeclaredSize(bytes, name, maxPixels);
  try {
    const { data, info } = await sharp(bytes, { failOn: "warning", limitInputPixels: maxPixels }).removeAlpha().toColourspace("srgb").raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) {
      throw new Error(`decoded to ${info.channels} channels instead of 3`);
    }
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.length)
    };
  } catch (error) {
    throw new SourceError(
      `${name} is not a readable image (corrupt or unsupported): ${describeCause(error)}; check that the file is complete, or re-export it as PNG or JPEG`,
      { file: name, cause: error }
    );
  }
}
async function checkDeclaredSize(bytes, name, maxPixels) {
  let size;
  try {
    size = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new SourceError(
      `${name} is not a readable image (corrupt or unsupported): ${describeCause(error)}; check that the file is complete, or re-export it as PNG or JPEG`,
      { file: name, cause: error }
    );
  }
  if (size.width !== void 0 && size.height !== void 0)
    assertPixelLimit(size.width, size.height, name, maxPixels);
}

// main/sources/robot/rvl.ts
function decodeRvl(bytes, pixelCount) {
  const words = Math.floor(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, words * 4);
  const out = new Uint16Array(pixelCount);
  let wordIndex = 0;
  let word = 0;
  let nibblesLeft = 0;
  const nextVle = () => {
    let value = 0;
    let shift = 0;
    let nibble;
    do {
      if (nibblesLeft === 0) {
        if (wordIndex >= words)
          throw new Error("RVL data ends before the image is complete (truncated)");
        word = view.getUint32(wordIndex++ * 4, true);
        nibblesLeft = 8;
      }
      nibble = word >>> 28;
      word = word << 4 >>> 0;
      nibblesLeft--;
      value += (nibble & 7) * 2 ** shift;
      shift += 3;
      if (shift > 33) throw new Error("RVL code too long (corrupt data)");
    } while (nibble & 8);
    return value;
  };
  let i = 0;
  let previous = 0;
  while (i < pixelCount) {
    const zeros = nextVle();
    if (i + zeros > pixelCount)
      throw new Error("RVL zero run runs past the image end (corrupt data or wrong size)");
    i += zeros;
    if (i >= pixelCount) break;
    const nonZeros = nextVle();
    if (i + nonZeros > pixelCount)
      throw new Error("RVL value run runs past the image end (corrupt data or wrong size)");
    for (let k = 0; k < nonZeros; k++) {
      const positive = nextVle();
      const delta = positive >>> 1 ^ -(positive & 1);
      previous = previous + delta & 65535;
      out[i++] = previous;
    }
  }
  return out;
}

// main/sources/robot/compressedImage.ts
function isCompressedDepthFormat(format) {
  return /compresseddepth/i.test(format);
}
async function decodeCompressedColor(data, name) {
  return decodeColorImage(data, name);
}
var COMPRESSED_DEPTH_HEADER_BYTES = 12;
function decodeCompressedDepth(format, data) {
  const encoding = format.split(";")[0].trim();
  if (encoding !== "16UC1" && encoding !== "32FC1") {
    throw new Error(
      `compressedDepth encoding "${encoding}" is not 16UC1 or 32FC1 (format "${format}")`
    );
  }
  if (data.length < COMPRESSED_DEPTH_HEADER_BYTES) {
    throw new Error(`compressedDepth data is ${data.length} bytes, shorter than its 12-byte header`);
  }
  const header = new DataView(data.buffer, data.byteOffset, COMPRESSED_DEPTH_HEADER_BYTES);
  const quantA = header.getFloat32(4, true);
  const quantB = header.getFloat32(8, true);
  const body = data.subarray(COMPRESSED_DEPTH_HEADER_BYTES);
  const isRvl = /rvl/i.test(format) || header.getInt32(0, true) === 1;
  const { width, height, values } = isRvl ? readRvl(body) : readPng16(body);
  const out = new Float32Array(width * height);
  for (let i = 0; i < out.length; i++) {
    const v = values[i];
    if (v === 0) continue;
    out[i] = encoding === "16UC1" ? v / 1e3 : quantA / (v - quantB);
    if (!(out[i] > 0 && Number.isFinite(out[i]))) out[i] = 0;
  }
  return { width, height, data: out };
}
function readPng16(body) {
  let png;
  try {
    png = decodePng(body, { checkCrc: true });
  } catch (error) {
    throw new Error(
      `compressedDepth PNG does not decode (${error instanceof Error ? error.message : String(error)})`
    );
  }
  if (png.depth !== 16 || png.channels !== 1) {
    throw new Error(
      `compressedDepth PNG is ${png.depth}-bit with ${png.channels} channels, expected 16-bit grey`
    );
  }
  return { width: png.width, height: png.height, values: png.data };
}
function readRvl(body) {
  if (body.length < 8) throw new Error("compressedDepth RVL data is shorter than its size fields");
  const view = new DataView(body.buffer, body.byteOffset, 8);
  const width = view.getUint32(0, true);
  const height = view.getUint32(4, true);
  if (width === 0 || height === 0 || width * height > 1e8) {
    throw new Error(`compressedDepth RVL size ${width}\xD7${height} is not plausible (corrupt data)`);
  }
  return { width, height, values: decodeRvl(body.subarray(8), width * height) };
}

// main/sources/robot/pointCloud2.ts
var DATATYPES = {
  1: { bytes: 1, read: (v, o) => v.getInt8(o) },
  2: { bytes: 1, read: (v, o) => v.getUint8(o) },
  3: { bytes: 2, read: (v, o, le) => v.getInt16(o, le) },
  4: { bytes: 2, read: (v, o, le) => v.getUint16(o, le) },
  5: { bytes: 4, read: (v, o, le) => v.getInt32(o, le) },
  6: { bytes: 4, read: (v, o, le) => v.getUint32(o, le) },
  7: { bytes: 4, read: (v, o, le) => v.getFloat32(o, le) },
  8: { bytes: 8, read: (v, o, le) => v.getFloat64(o, le) }
};
function decodePointCloud2(message) {
  const width = Number(message.width);
  const height = Number(message.height);
  const pointStep = Number(message.point_step);
  const rowStep = Number(message.row_step);
  const le = !message.is_bigendian;
  const data = message.data;
  const fields = message.fields;
  const pointCount = width * height;
  if (!(pointCount > 0)) throw new Error(`PointCloud2 has no points (${width}\xD7${height})`);
  for (const f of fields) {
    const type = DATATYPES[f.datatype];
    if (!type) throw new Error(`PointCloud2 field "${f.name}" has unknown datatype ${f.datatype}`);
    if (f.offset + type.bytes * Math.max(1, f.count) > pointStep) {
      throw new Error(
        `PointCloud2 field "${f.name}" (offset ${f.offset}) lies outside point_step ${pointStep}`
      );
    }
  }
  const needed = rowStep * (height - 1) + pointStep * width;
  if (rowStep < pointStep * width || data.length < needed) {
    throw new Error(
      `PointCloud2 data is ${data.length} bytes; ${width}\xD7${height} points of ${pointStep} bytes need ${needed} (truncated?)`
    );
  }
  const byName = new Map(fields.map((f) => [f.name, f]));
  for (const axis of ["x", "y", "z"]) {
    if (!byName.has(axis))
      throw new Error(
        `PointCloud2 has no "${axis}" field (fields: ${fields.map((f) => f.name).join(", ")})`
      );
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const offsetOf = (i) => Math.floor(i / width) * rowStep + i % width * pointStep;
  const column = (f, element, out) => {
    const type = DATATYPES[f.datatype];
    const at = f.offset + element * type.bytes;
    for (let i = 0; i < pointCount; i++) out[i] = type.read(view, offsetOf(i) + at, le);
    return out;
  };
  const cols = {
    width,
    height,
    pointCount,
    x: column(byName.get("x"), 0, new Float32Array(pointCount)),
    y: column(byName.get("y"), 0, new Float32Array(pointCount)),
    z: column(byName.get("z"), 0, new Float32Array(pointCount)),
    extra: {}
  };
  const colour = byName.get("rgb") ?? byName.get("rgba");
  if (colour) cols.rgb = packedColour(view, colour, pointCount, offsetOf, le);
  for (const f of fields) {
    if (["x", "y", "z"].includes(f.name) || f === colour) continue;
    const count = Math.max(1, f.count);
    for (let e = 0; e < count; e++) {
      cols.extra[count === 1 ? f.name : `${f.name}_${e}`] = column(
        f,
        e,
        new Float64Array(pointCount)
      );
    }
  }
  return cols;
}
function packedColour(view, f, n, offsetOf, le) {
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const v = view.getUint32(offsetOf(i) + f.offset, le);
    out[i * 3] = v >>> 16 & 255;
    out[i * 3 + 1] = v >>> 8 & 255;
    out[i * 3 + 2] = v & 255;
  }
  return out;
}
function organizedCloudToImages(cols, intrinsics) {
  if (cols.height <= 1) {
    throw new Error(
      `PointCloud2 is unorganized (${cols.width}\xD7${cols.height}); a frame needs an organized cloud (height > 1)`
    );
  }
  const { width, height } = cols;
  const depth = new Float32Array(cols.pointCount);
  for (let i = 0; i < depth.length; i++) {
    const z = cols.z[i];
    depth[i] = Number.isFinite(z) && z > 0 && Number.isFinite(cols.x[i]) && Number.isFinite(cols.y[i]) ? z : 0;
  }
  const rgb = cols.rgb ?? new Uint8Array(cols.pointCount * 3).fill(128);
  const given = intrinsics && intrinsics.width === width && intrinsics.height === height ? intrinsics : void 0;
  return {
    depth: { width, height, data: depth },
    rgb: { width, height, data: rgb },
    intrinsics: given ?? fitIntrinsics(cols, depth),
    fitted: given === void 0
  };
}
function fitIntrinsics(cols, depth) {
  const fit = (coord, pixelOf) => {
    let n = 0, sa = 0, sb = 0, saa = 0, sab = 0;
    for (let i = 0; i < depth.length; i++) {
      if (depth[i] === 0) continue;
      const a = coord[i] / depth[i];
      const b = pixelOf(i);
      n++;
      sa += a;
      sb += b;
      saa += a * a;
      sab += a * b;
    }
    const det = n * saa - sa * sa;
    if (n < 10 || Math.abs(det) < 1e-12)
      throw new Error(
        "PointCloud2 has too few valid points to recover its intrinsics; give a CameraInfo topic"
      );
    const f = (n * sab - sa * sb) / det;
    return { f, c: (sb - f * sa) / n };
  };
  const u = fit(cols.x, (i) => i % cols.width);
  const v = fit(cols.y, (i) => Math.floor(i / cols.width));
  return { width: cols.width, height: cols.height, fx: u.f, fy: v.f, cx: u.c, cy: v.c };
}

// main/sources/robot/rawImage.ts
var COLOUR_CHANNELS = {
  rgb8: { channels: 3, order: [0, 1, 2] },
  bgr8: { channels: 3, order: [2, 1, 0] },
  rgba8: { channels: 4, order: [0, 1, 2] },
  bgra8: { channels: 4, order: [2, 1, 0] },
  mono8: { channels: 1, order: [0, 0, 0] },
  "8UC1": { channels: 1, order: [0, 0, 0] },
  "8UC3": { channels: 3, order: [2, 1, 0] }
  // OpenCV's default channel order is BGR
};
var DEPTH_ENCODINGS = ["16UC1", "mono16", "32FC1"];
function isDepthEncoding(encoding) {
  return DEPTH_ENCODINGS.includes(encoding);
}
function rawToRgb(image) {
  const layout = COLOUR_CHANNELS[image.encoding];
  if (!layout) {
    throw new Error(
      `image encoding "${image.encoding}" is not a colour encoding read here (${Object.keys(COLOUR_CHANNELS).join(", ")})`
    );
  }
  const { width, height } = image;
  checkSize(image, layout.channels);
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = y * image.step;
    for (let x = 0; x < width; x++) {
      const src = row + x * layout.channels;
      const dst = (y * width + x) * 3;
      out[dst] = image.data[src + layout.order[0]];
      out[dst + 1] = image.data[src + layout.order[1]];
      out[dst + 2] = image.data[src + layout.order[2]];
    }
  }
  return { width, height, data: out };
}
function rawToDepth(image) {
  const { width, height, encoding } = image;
  if (!isDepthEncoding(encoding)) {
    throw new Error(
      `image encoding "${encoding}" is not a depth encoding (${DEPTH_ENCODINGS.join(", ")})`
    );
  }
  const isFloat = encoding === "32FC1";
  checkSize(image, isFloat ? 4 : 2);
  const view = new DataView(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  const little = !image.isBigEndian;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * image.step;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (isFloat) {
        const v = view.getFloat32(row + x * 4, little);
        out[i] = Number.isFinite(v) && v > 0 ? v : 0;
      } else {
        out[i] = view.getUint16(row + x * 2, little) / 1e3;
      }
    }
  }
  return { width, height, data: out };
}
function checkSize(image, bytesPerPixel) {
  const { width, height, step, data, encoding } = image;
  if (!(width > 0 && height > 0)) throw new Error(`image has no pixels (${width}\xD7${height})`);
  if (step < width * bytesPerPixel) {
    throw new Error(
      `image step ${step} is smaller than width ${width} \xD7 ${bytesPerPixel} bytes (${encoding})`
    );
  }
  const needed = step * (height - 1) + width * bytesPerPixel;
  if (data.length < needed) {
    throw new Error(
      `image data is ${data.length} bytes, ${width}\xD7${height} ${encoding} needs ${needed} (truncated?)`
    );
  }
}

// main/sources/robot/schemaKinds.ts
var KINDS = {
  "sensor_msgs/Image": "image",
  "foxglove.RawImage": "image",
  "sensor_msgs/CompressedImage": "compressedImage",
  "foxglove.CompressedImage": "compressedImage",
  "sensor_msgs/CameraInfo": "cameraInfo",
  "foxglove.CameraCalibration": "cameraInfo",
  "sensor_msgs/PointCloud2": "pointCloud2",
  "tf2_msgs/TFMessage": "tf",
  "tf/tfMessage": "tf"
};
function schemaKind(schemaName) {
  return KINDS[schemaName.replace("/msg/", "/")] ?? "other";
}
function isStaticTfTopic(topic) {
  return topic === "/tf_static" || topic === "tf_static";
}

// main/sources/robot/frameParts.ts
function messageStamp(message, logTimeNs) {
  const header = message.header;
  const timeNs = stampNs(header?.stamp ?? message.timestamp);
  return {
    timeNs: timeNs !== void 0 && timeNs > 0n ? timeNs : logTimeNs,
    frameId: String(header?.frame_id ?? message.frame_id ?? "")
  };
}
async function decodeFramePart(schemaName, message, name) {
  switch (schemaKind(schemaName)) {
    case "image": {
      const encoding = String(message.encoding);
      const fields = {
        width: Number(message.width),
        height: Number(message.height),
        encoding,
        step: Number(message.step),
        isBigEndian: Boolean(message.is_bigendian),
        data: bytesOf(message.data, name)
      };
      if (isDepthEncoding(encoding)) {
        return {
          kind: "depth",
          depth: rawToDepth(fields),
          depthScale: encoding === "32FC1" ? void 0 : 1e3
        };
      }
      return { kind: "color", rgb: rawToRgb(fields) };
    }
    case "compressedImage": {
      const format = String(message.format ?? "");
      const data = bytesOf(message.data, name);
      if (isCompressedDepthFormat(format)) {
        return {
          kind: "depth",
          depth: decodeCompressedDepth(format, data),
          depthScale: format.startsWith("16UC1") ? 1e3 : void 0
        };
      }
      return { kind: "color", rgb: await decodeCompressedColor(data, name) };
    }
    case "cameraInfo":
      return { kind: "calibration", calibration: calibrationFromMessage(message) };
    case "pointCloud2":
      return { kind: "cloud", cloud: decodePointCloud2(message) };
    default:
      throw new Error(
        `${name}: schema ${schemaName} is not an image, depth, point cloud or camera calibration`
      );
  }
}

// main/sources/robot/pairByTime.ts
var TimePairer = class {
  constructor(toleranceNs, maxQueue = 8) {
    this.toleranceNs = toleranceNs;
    this.maxQueue = maxQueue;
  }
  toleranceNs;
  maxQueue;
  as = [];
  bs = [];
  /** Items that were dropped without a partner. */
  dropped = 0;
  pushA(item) {
    this.as.push(item);
    return this.drain(false);
  }
  pushB(item) {
    this.bs.push(item);
    return this.drain(false);
  }
  /** At the end of the stream: pairs what still can, drops the rest. */
  flush() {
    const pairs = this.drain(true);
    this.dropped += this.as.length + this.bs.length;
    this.as.length = 0;
    this.bs.length = 0;
    return pairs;
  }
  /** Forgets everything (after a seek). */
  clear() {
    this.as.length = 0;
    this.bs.length = 0;
  }
  drain(final) {
    const pairs = [];
    this.as.sort((x, y) => x.timeNs < y.timeNs ? -1 : x.timeNs > y.timeNs ? 1 : 0);
    this.bs.sort((x, y) => x.timeNs < y.timeNs ? -1 : x.timeNs > y.timeNs ? 1 : 0);
    while (this.as.length > 0 && this.bs.length > 0) {
      const a = this.as[0];
      let best = 0;
      for (let j = 1; j < this.bs.length; j++)
        if (abs(this.bs[j].timeNs - a.timeNs) < abs(this.bs[best].timeNs - a.timeNs)) best = j;
      const b = this.bs[best];
      const gap = abs(b.timeNs - a.timeNs);
      const settled = final || this.bs[this.bs.length - 1].timeNs >= a.timeNs;
      if (!settled) break;
      if (gap <= this.toleranceNs) {
        pairs.push({ a, b });
        this.as.shift();
        this.dropped += best;
        this.bs.splice(0, best + 1);
      } else {
        this.as.shift();
        this.dropped++;
        while (this.bs.length > 0 && this.bs[0].timeNs < a.timeNs - this.toleranceNs) {
          this.bs.shift();
          this.dropped++;
        }
      }
    }
    for (const queue of [this.as, this.bs]) {
      while (queue.length > this.maxQueue) {
        queue.shift();
        this.dropped++;
      }
    }
    return pairs;
  }
};
function abs(x) {
  return x < 0n ? -x : x;
}

// main/sources/mcap/openMcap.ts
import { basename } from "node:path";
import { McapIndexedReader, hasMcapPrefix } from "@mcap/core";
import { loadDecompressHandlers } from "@mcap/support";

// main/sources/mcap/fileReadable.ts
import { open } from "node:fs/promises";
var FileReadable = class _FileReadable {
  constructor(handle, sizeBytes) {
    this.handle = handle;
    this.sizeBytes = sizeBytes;
  }
  handle;
  sizeBytes;
  static async open(path2) {
    const handle = await open(path2, "r");
    const stat = await handle.stat();
    return new _FileReadable(handle, BigInt(stat.size));
  }
  async size() {
    return this.sizeBytes;
  }
  async read(offset, size) {
    if (offset + size > this.sizeBytes) {
      throw new Error(
        `read of ${size} bytes at ${offset} runs past the end of the ${this.sizeBytes}-byte file (truncated?)`
      );
    }
    const buffer = new Uint8Array(Number(size));
    let done = 0;
    while (done < buffer.length) {
      const { bytesRead } = await this.handle.read(
        buffer,
        done,
        buffer.length - done,
        Number(offset) + done
      );
      if (bytesRead === 0)
        throw new Error(`file ended at ${Number(offset) + done} bytes (truncated?)`);
      done += bytesRead;
    }
    return buffer;
  }
  async close() {
    await this.handle.close();
  }
};

// main/sources/mcap/openMcap.ts
var MESSAGE_INDEX_CACHE_BYTES = 8 * 1024 * 1024;
async function openMcap(path2) {
  const name = basename(path2);
  let readable;
  try {
    readable = await FileReadable.open(path2);
  } catch (error) {
    throw new SourceError(`cannot open ${name}: ${describeCause(error)}`, {
      file: path2,
      cause: error
    });
  }
  try {
    const size = await readable.size();
    const head = await readable.read(0n, size < 16n ? size : 16n);
    if (!hasMcapPrefix(new DataView(head.buffer, head.byteOffset, head.byteLength))) {
      throw new SourceError(`${name} is not an MCAP file: ${notMcapAdvice(head)}`, { file: path2 });
    }
    const reader = await McapIndexedReader.Initialize({
      readable,
      decompressHandlers: await loadDecompressHandlers(),
      messageIndexCacheSizeBytes: MESSAGE_INDEX_CACHE_BYTES
    });
    return { reader, readable, name };
  } catch (error) {
    await readable.close().catch(() => void 0);
    if (error instanceof SourceError) throw error;
    throw new SourceError(
      `${name} cannot be opened as an indexed MCAP (${describeCause(error)}): the file is truncated, corrupt or has no summary; recover it with \`mcap recover in.mcap -o fixed.mcap\` (the mcap CLI), then open the result`,
      { file: path2, cause: error }
    );
  }
}
function notMcapAdvice(head) {
  const text = new TextDecoder("latin1").decode(head);
  if (text.startsWith("SQLite format 3")) {
    return "it is a rosbag2 SQLite (.db3) bag, which this app does not read; convert it with `ros2 bag convert` (storage_id mcap) or record with `ros2 bag record -s mcap`";
  }
  if (text.startsWith("#ROSBAG V2.0"))
    return "it is a ROS 1 bag; open it as a .bag (TF is read from ROS 1 bags) or convert it with `mcap convert in.bag out.mcap`";
  return "it does not start with the MCAP magic bytes";
}
async function listMcapTopics(reader) {
  const counts = reader.statistics?.channelMessageCounts;
  const topics2 = [];
  const byTopic = /* @__PURE__ */ new Map();
  for (const channel of reader.channelsById.values()) {
    const schema = reader.schemasById.get(channel.schemaId);
    const count = counts ? Number(counts.get(channel.id) ?? 0n) : void 0;
    const existing = byTopic.get(channel.topic);
    if (existing) {
      if (existing.messageCount !== void 0 && count !== void 0) existing.messageCount += count;
      continue;
    }
    const info = {
      topic: channel.topic,
      schemaName: schema?.name ?? "",
      schemaEncoding: schema?.encoding ?? "",
      messageEncoding: channel.messageEncoding,
      messageCount: count
    };
    byTopic.set(channel.topic, info);
    topics2.push(info);
  }
  for (const info of topics2) {
    if (info.messageCount === 0) continue;
    info.startNs = await firstLogTime(reader, info.topic, false);
    info.endNs = await firstLogTime(reader, info.topic, true);
    if (info.messageCount !== void 0 && info.messageCount > 1 && info.startNs !== void 0 && info.endNs > info.startNs) {
      info.rateHz = (info.messageCount - 1) * 1e9 / Number(info.endNs - info.startNs);
    }
  }
  return topics2.sort((a, b) => a.topic.localeCompare(b.topic));
}
async function firstLogTime(reader, topic, reverse) {
  for await (const message of reader.readMessages({ topics: [topic], reverse }))
    return message.logTime;
  return void 0;
}
function chunkMemoryBound(reader) {
  let compressed = 0;
  let uncompressed = 0;
  for (const c of reader.chunkIndexes) {
    compressed = Math.max(compressed, Number(c.compressedSize));
    uncompressed = Math.max(uncompressed, Number(c.uncompressedSize));
  }
  return {
    largestChunkBytes: uncompressed,
    boundBytes: compressed + uncompressed + MESSAGE_INDEX_CACHE_BYTES
  };
}

// main/sources/mcap/resilientMessages.ts
async function* resilientMessages(reader, options) {
  let startTime = options.startTime;
  let lastTime;
  let errors = 0;
  for (; ; ) {
    try {
      for await (const message of reader.readMessages({
        topics: options.topics,
        startTime,
        validateCrcs: true
      })) {
        lastTime = message.logTime;
        yield message;
      }
      return;
    } catch (error) {
      errors++;
      const from = lastTime === void 0 ? startTime ?? 0n : lastTime + 1n;
      const bad = reader.chunkIndexes.filter((c) => c.messageEndTime >= from).sort((a, b) => a.messageStartTime < b.messageStartTime ? -1 : 1)[0];
      const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
      if (!bad || errors > (options.maxErrors ?? 100)) {
        options.onError(`reading stopped at ${from} ns: ${why}`);
        return;
      }
      options.onError(
        `chunk at byte ${bad.chunkStartOffset} (${bad.messageStartTime}\u2013${bad.messageEndTime} ns) is unreadable (${why}); skipped`
      );
      startTime = bad.messageEndTime + 1n;
    }
  }
}

// main/sources/mcap/assembleFrame.ts
async function assembleFrame(color, depth, calibration, fileName, topics2) {
  const stamp = stampOf(color);
  const warnings = [];
  const colorPart = await decodeFramePart(
    color.schemaName,
    color.message,
    `${color.topic} @ ${seconds(stamp)}`
  );
  const base = {
    cameraId: topics2.colorTopic,
    timestampNs: stamp,
    sourceDescription: `${fileName} ${color.topic} @ ${seconds(stamp)}`
  };
  const calibrated = (width, height) => {
    if (!calibration) {
      throw new Error(
        `${color.topic}: no camera calibration (CameraInfo / CameraCalibration topic) for the frame at ${seconds(stamp)}; name one with --camera-info-topic`
      );
    }
    const result = intrinsicsForImage(
      calibration,
      width,
      height,
      topics2.cameraInfoTopic ?? "calibration"
    );
    warnings.push(...result.warnings);
    return result.intrinsics;
  };
  if (colorPart.kind === "cloud") {
    const given = calibration ? calibrated(colorPart.cloud.width, colorPart.cloud.height) : void 0;
    const images = organizedCloudToImages(colorPart.cloud, given);
    if (images.fitted)
      warnings.push(
        `${color.topic}: intrinsics fitted to the organized point cloud (no matching CameraInfo)`
      );
    const frame2 = {
      ...base,
      rgb: images.rgb,
      depth: images.depth,
      intrinsics: images.intrinsics,
      depthSource: "pointcloud"
    };
    return { frame: frame2, cameraFrameId: color.frameId, warnings };
  }
  if (colorPart.kind !== "color")
    throw new Error(`${color.topic}: is not a colour image topic (it holds ${colorPart.kind})`);
  const rgb = colorPart.rgb;
  const intrinsics = calibrated(rgb.width, rgb.height);
  if (!depth) {
    return {
      frame: { ...base, rgb, intrinsics, depthSource: "monocular" },
      cameraFrameId: color.frameId,
      warnings
    };
  }
  const depthPart = await decodeFramePart(
    depth.schemaName,
    depth.message,
    `${depth.topic} @ ${seconds(stampOf(depth))}`
  );
  let depthImage;
  let depthScale;
  if (depthPart.kind === "depth") {
    depthImage = depthPart.depth;
    depthScale = depthPart.depthScale;
  } else if (depthPart.kind === "cloud") {
    depthImage = organizedCloudToImages(depthPart.cloud, intrinsics).depth;
  } else {
    throw new Error(`${depth.topic}: is not a depth topic (it holds ${depthPart.kind})`);
  }
  if (depthImage.width !== rgb.width || depthImage.height !== rgb.height) {
    throw new Error(
      `${depth.topic} is ${depthImage.width}\xD7${depthImage.height} but ${color.topic} is ${rgb.width}\xD7${rgb.height}: use a depth topic registered to the colour camera (e.g. aligned_depth_to_color)`
    );
  }
  const frame = {
    ...base,
    rgb,
    depth: depthImage,
    intrinsics,
    depthSource: depthPart.kind === "cloud" ? "pointcloud" : "sensor",
    depthScale
  };
  return { frame, cameraFrameId: color.frameId, warnings };
}
function stampOf(m) {
  return m.timeNs ?? m.logTimeNs;
}
function seconds(ns) {
  return `${(Number(ns) / 1e9).toFixed(3)} s`;
}

// main/sources/mcap/mcapFrameSource.ts
var DEFAULT_TOLERANCE_NS = 20000000n;
var McapFrameSource = class _McapFrameSource {
  constructor(opened, frameTopics, tfTopics) {
    this.opened = opened;
    this.frameTopics = frameTopics;
    this.tfTopics = tfTopics;
    this.reader = opened.reader;
    this.description = `${opened.name} ${frameTopics.colorTopic}${frameTopics.depthTopic ? ` + ${frameTopics.depthTopic}` : ""}`;
  }
  opened;
  frameTopics;
  tfTopics;
  description;
  /** Every transform read so far (static ones first); query it at a frame's time. */
  tf = new TfTree();
  reader;
  decoders = /* @__PURE__ */ new Map();
  counters = {
    framesEmitted: 0,
    framesDropped: 0,
    decodeErrors: 0
  };
  seekNs;
  seekRequested = false;
  closed = false;
  topicList;
  /**
   * Opens `path` and checks the topics.
   * @throws SourceError when the file does not open or a topic is missing (the message lists the camera topics).
   */
  static async open(path2, topics2) {
    const opened = await openMcap(path2);
    try {
      const list = await listMcapTopics(opened.reader);
      const check = (topic, role) => {
        if (topic !== void 0 && !list.some((t) => t.topic === topic)) {
          throw new SourceError(
            `${opened.name} has no ${role} topic "${topic}"; its topics: ${describeTopics(list)}`,
            { file: path2 }
          );
        }
      };
      check(topics2.colorTopic, "colour");
      check(topics2.depthTopic, "depth");
      check(topics2.cameraInfoTopic, "camera info");
      const cameraInfoTopic = topics2.cameraInfoTopic ?? findCameraInfoTopic(list, topics2.colorTopic);
      const tfTopics = list.filter((t) => schemaKind(t.schemaName) === "tf").map((t) => t.topic);
      const source2 = new _McapFrameSource(
        opened,
        {
          ...topics2,
          cameraInfoTopic,
          pairToleranceNs: topics2.pairToleranceNs ?? DEFAULT_TOLERANCE_NS
        },
        tfTopics
      );
      source2.topicList = list;
      return source2;
    } catch (error) {
      await opened.readable.close();
      throw error;
    }
  }
  async topics() {
    this.topicList ??= await listMcapTopics(this.reader);
    return this.topicList;
  }
  stats() {
    return { ...this.counters };
  }
  seek(timeNs) {
    this.seekNs = timeNs;
    this.seekRequested = true;
  }
  timeRange() {
    const s = this.reader.statistics;
    if (s && s.messageCount > 0n) return { startNs: s.messageStartTime, endNs: s.messageEndTime };
    const chunks = this.reader.chunkIndexes;
    if (chunks.length === 0) return void 0;
    return {
      startNs: chunks.reduce(
        (m, c) => c.messageStartTime < m ? c.messageStartTime : m,
        chunks[0].messageStartTime
      ),
      endNs: chunks.reduce(
        (m, c) => c.messageEndTime > m ? c.messageEndTime : m,
        chunks[0].messageEndTime
      )
    };
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.opened.readable.close();
  }
  async *[Symbol.asyncIterator]() {
    const pending = [];
    await this.readStaticTf(pending);
    for (; ; ) {
      this.seekRequested = false;
      const restart = yield* this.run(this.seekNs, pending);
      if (!restart) return;
    }
  }
  /** One pass from `startNs`; returns true when a seek interrupted it. */
  async *run(startNs, pending) {
    const t = this.frameTopics;
    let calibration = await this.initialCalibration(startNs);
    const pairer = new TimePairer(t.pairToleranceNs);
    const wanted = [t.colorTopic, t.depthTopic, t.cameraInfoTopic, ...this.tfTopics].filter(
      (x) => !!x
    );
    const cloudOnly = t.depthTopic === void 0 || t.depthTopic === t.colorTopic;
    const messages = resilientMessages(this.reader, {
      topics: [...new Set(wanted)],
      startTime: startNs,
      onError: (m) => this.fail(m)
    });
    for await (const raw of messages) {
      if (this.seekRequested) return true;
      const channel = this.reader.channelsById.get(raw.channelId);
      const message = this.decode(raw.channelId, raw.data);
      if (!message) continue;
      const schemaName = this.reader.schemasById.get(channel.schemaId)?.name ?? "";
      if (this.tfTopics.includes(channel.topic) && schemaKind(schemaName) === "tf") {
        if (!isStaticTfTopic(channel.topic)) this.addTf(message, false, pending);
        continue;
      }
      if (channel.topic === t.cameraInfoTopic && channel.topic !== t.colorTopic) {
        calibration = this.safe(() => calibrationFromMessage(message)) ?? calibration;
        continue;
      }
      const { timeNs, frameId } = messageStamp(message, raw.logTime);
      const value = {
        message,
        schemaName,
        topic: channel.topic,
        frameId,
        logTimeNs: raw.logTime,
        timeNs
      };
      const stamped = { timeNs, value };
      if (cloudOnly) {
        const frame = await this.emit(stamped.value, void 0, calibration, pending);
        if (frame) yield frame;
        continue;
      }
      const pairs = channel.topic === t.colorTopic ? pairer.pushA(stamped) : pairer.pushB(stamped);
      for (const pair of pairs) {
        const frame = await this.emit(pair.a.value, pair.b.value, calibration, pending);
        if (frame) yield frame;
      }
      this.counters.framesDropped = pairer.dropped;
    }
    for (const pair of pairer.flush()) {
      const frame = await this.emit(pair.a.value, pair.b.value, calibration, pending);
      if (frame) yield frame;
    }
    this.counters.framesDropped = pairer.dropped;
    return false;
  }
  async emit(color, depth, calibration, pending) {
    try {
      const assembled = await assembleFrame(
        color,
        depth,
        calibration,
        this.opened.name,
        this.frameTopics
      );
      this.counters.framesEmitted++;
      return { ...assembled, transforms: pending.splice(0) };
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
      return void 0;
    }
  }
  decode(channelId, data) {
    let decoder = this.decoders.get(channelId);
    if (decoder === void 0) {
      const channel = this.reader.channelsById.get(channelId);
      const schema = this.reader.schemasById.get(channel.schemaId);
      decoder = this.safe(
        () => createMessageDecoder({
          topic: channel.topic,
          name: schema?.name ?? "",
          encoding: schema?.encoding ?? "",
          data: schema?.data ?? new Uint8Array(),
          messageEncoding: channel.messageEncoding
        })
      ) ?? null;
      this.decoders.set(channelId, decoder);
    }
    if (decoder === null) return void 0;
    const d = decoder;
    return this.safe(() => d(data));
  }
  addTf(message, isStatic, pending) {
    const transforms = this.safe(() => transformsFromTfMessage(message, isStatic)) ?? [];
    for (const t of transforms) {
      const added = this.safe(() => {
        this.tf.add(t);
        return true;
      });
      if (added) pending.push(t);
    }
  }
  async readStaticTf(pending) {
    const topics2 = this.tfTopics.filter(isStaticTfTopic);
    if (topics2.length === 0) return;
    for await (const raw of resilientMessages(this.reader, {
      topics: topics2,
      onError: (m) => this.fail(m)
    })) {
      const message = this.decode(raw.channelId, raw.data);
      if (message) this.addTf(message, true, pending);
    }
  }
  /** The last calibration at or before `startNs`, else the first in the file (it may trail the first image). */
  async initialCalibration(startNs) {
    const topic = this.frameTopics.cameraInfoTopic;
    if (!topic) return void 0;
    const attempts = startNs === void 0 ? [{}] : [{ endTime: startNs, reverse: true }, {}];
    for (const range of attempts) {
      for await (const raw of this.reader.readMessages({ topics: [topic], ...range })) {
        const message = this.decode(raw.channelId, raw.data);
        const calibration = message && this.safe(() => calibrationFromMessage(message));
        if (calibration) return calibration;
      }
    }
    return void 0;
  }
  safe(fn) {
    try {
      return fn();
    } catch (error) {
      this.fail(error instanceof Error ? error.message.split("\n")[0] : String(error));
      return void 0;
    }
  }
  fail(message) {
    this.counters.decodeErrors++;
    this.counters.lastError = message;
  }
};
function findCameraInfoTopic(topics2, colorTopic) {
  const candidates = topics2.filter((t) => schemaKind(t.schemaName) === "cameraInfo");
  const shared = (t) => {
    let i = 0;
    while (i < t.topic.length && t.topic[i] === colorTopic[i]) i++;
    return colorTopic.slice(0, i).lastIndexOf("/");
  };
  return candidates.sort((a, b) => shared(b) - shared(a) || a.topic.localeCompare(b.topic))[0]?.topic;
}
function describeTopics(list) {
  if (list.length === 0) return "none";
  return list.map((t) => `${t.topic} (${t.schemaName}, ${t.messageCount ?? "?"} msgs)`).join(", ");
}

// <stdin>
var path = process.argv[2];
var peak = process.memoryUsage().rss;
var sample = () => {
  const r = process.memoryUsage().rss;
  if (r > peak) peak = r;
};
var baselineRss = process.memoryUsage().rss;
var t0 = performance.now();
var source = await McapFrameSource.open(path, { colorTopic: "/camera/color/image_raw", depthTopic: "/camera/aligned_depth_to_color/image_raw" });
var openMs = performance.now() - t0;
sample();
var afterOpenRss = process.memoryUsage().rss;
var topics = await source.topics();
var bound = chunkMemoryBound(source.reader);
var t1 = performance.now();
var frames = 0;
var checksum = 0;
for await (const f of source) {
  frames++;
  checksum += f.frame.depth.data[240 * 640 + 320];
  sample();
}
var streamS = (performance.now() - t1) / 1e3;
await source.close();
console.log(JSON.stringify({
  openMs,
  topicsListed: topics.length,
  frames,
  streamSeconds: streamS,
  framesPerSecond: frames / streamS,
  stats: source.stats(),
  baselineRssMiB: baselineRss / 2 ** 20,
  afterOpenRssMiB: afterOpenRss / 2 ** 20,
  peakRssMiB: peak / 2 ** 20,
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
  chunkBoundMiB: bound.boundBytes / 2 ** 20,
  largestChunkMiB: bound.largestChunkBytes / 2 ** 20,
  checksum
}));
