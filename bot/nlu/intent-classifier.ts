/**
 * Multinomial logistic regression over {@link extractFeatures}, trained at start-up from the labelled JSONL in
 * data/ (no binary model is committed). Training is deterministic: fixed example order, fixed step sizes.
 */
import { extractFeatures } from './features.js';
import { INTENT_LABELS, type IntentLabel, type NluRole } from './labels.js';

export interface TrainingExample {
  normalized: string;
  role: NluRole;
  intent: IntentLabel;
}

export interface IntentModel {
  /** Adds the model's logits for `text` into `out` (length = INTENT_LABELS.length). */
  addLogits(text: string, role: NluRole, out: Float64Array): void;
}

const K = INTENT_LABELS.length;
const LABEL_INDEX = new Map<IntentLabel, number>(INTENT_LABELS.map((l, i) => [l, i]));

export function labelIndex(): ReadonlyMap<IntentLabel, number> {
  return LABEL_INDEX;
}

export interface TrainOptions {
  /** Weights smaller than this are dropped at inference (see the sparse weights below). */
  sparsity?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
}

export function trainIntentModel(examples: readonly TrainingExample[], options: TrainOptions = {}): IntentModel {
  const epochs = options.epochs ?? 30;
  const lr0 = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-4;
  const featIndex = new Map<number, number>();
  let size = 0;
  const encoded = examples.map((ex) => {
    const ids = new Set<number>();
    for (const f of extractFeatures(ex.normalized, ex.role)) {
      let id = featIndex.get(f);
      if (id === undefined) featIndex.set(f, (id = size++));
      ids.add(id);
    }
    return { ids: [...ids], y: LABEL_INDEX.get(ex.intent) ?? 0, scale: 1 / Math.sqrt(ids.size) };
  });
  const W = new Float64Array(size * K);
  const bias = new Float64Array(K);
  const logits = new Float64Array(K);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const lr = lr0 / (1 + epoch * 0.15);
    // A fixed stride through the data instead of a random shuffle keeps training reproducible.
    const n = encoded.length;
    const stride = coprimeStride(n);
    for (let t = 0, i = epoch % Math.max(n, 1); t < n; t++, i = (i + stride) % n) {
      const ex = encoded[i];
      if (!ex) continue;
      scoreInto(W, bias, ex.ids, ex.scale, logits);
      softmaxInPlace(logits);
      for (let k = 0; k < K; k++) {
        const g = (logits[k] ?? 0) - (k === ex.y ? 1 : 0);
        if (g === 0) continue;
        bias[k] = (bias[k] ?? 0) - lr * g * 0.1;
        for (const id of ex.ids) {
          const j = id * K + k;
          W[j] = (W[j] ?? 0) * (1 - lr * l2) - lr * g * ex.scale;
        }
      }
    }
  }
  // Sparse weights for inference: per feature only the classes whose weight matters. Softmax training leaves
  // every class a small weight on every feature; dropping the near-zero ones makes scoring ~5x cheaper.
  const threshold = options.sparsity ?? 0.02;
  const offsets = new Int32Array(size + 1);
  const cls: number[] = [];
  const val: number[] = [];
  for (let f = 0; f < size; f++) {
    offsets[f] = cls.length;
    for (let k = 0; k < K; k++) {
      const w = W[f * K + k]!;
      if (Math.abs(w) >= threshold) {
        cls.push(k);
        val.push(w);
      }
    }
  }
  offsets[size] = cls.length;
  const sparseClass = Int32Array.from(cls);
  const sparseValue = Float64Array.from(val);
  // Inference reuses scratch buffers and dedupes feature ids with a stamp array: this runs per message.
  const lookup = createFeatureTable(featIndex);
  const stamp = new Int32Array(size);
  const ids = new Int32Array(1024);
  let epochStamp = 0;
  return {
    addLogits(text, role, out) {
      epochStamp++;
      let count = 0;
      for (const f of extractFeatures(text, role)) {
        const id = lookup(f);
        if (id < 0 || stamp[id] === epochStamp || count >= ids.length) continue;
        stamp[id] = epochStamp;
        ids[count++] = id;
      }
      const scale = count > 0 ? 1 / Math.sqrt(count + 4) : 0;
      for (let k = 0; k < K; k++) out[k]! += bias[k]!;
      for (let j = 0; j < count; j++) {
        const id = ids[j]!;
        for (let e = offsets[id]!, end = offsets[id + 1]!; e < end; e++) out[sparseClass[e]!]! += sparseValue[e]! * scale;
      }
    },
  };
}

/**
 * Feature hash → model row, as an open-addressing table over typed arrays. A Map lookup per feature was the
 * largest single cost of classifying (≈80 features a message); the table gives the same ids several times faster.
 * Features are 30-bit non-negative integers, so -1 marks an empty slot.
 */
function createFeatureTable(index: ReadonlyMap<number, number>): (feature: number) => number {
  let capacity = 1024;
  while (capacity < index.size * 3) capacity <<= 1;
  const mask = capacity - 1;
  const keys = new Int32Array(capacity).fill(-1);
  const values = new Int32Array(capacity);
  const slot = (f: number) => Math.imul(f, 0x9e3779b1) >>> 0;
  for (const [f, id] of index) {
    let i = slot(f) & mask;
    while (keys[i] !== -1) i = (i + 1) & mask;
    keys[i] = f;
    values[i] = id;
  }
  return (f) => {
    for (let i = slot(f) & mask; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === f) return values[i]!;
      if (k === -1) return -1;
    }
  };
}

function scoreInto(W: Float64Array, bias: Float64Array, ids: readonly number[], scale: number, out: Float64Array): void {
  for (let k = 0; k < K; k++) out[k] = bias[k]!;
  for (const id of ids) {
    const base = id * K;
    for (let k = 0; k < K; k++) out[k]! += W[base + k]! * scale;
  }
}

export function softmaxInPlace(v: Float64Array): void {
  let max = -Infinity;
  for (const x of v) if (x > max) max = x;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    const e = Math.exp((v[i] ?? 0) - max);
    v[i] = e;
    sum += e;
  }
  for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) / sum;
}

function coprimeStride(n: number): number {
  if (n <= 2) return 1;
  let s = Math.floor(n * 0.618);
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(s, n) !== 1) s++;
  return s;
}
