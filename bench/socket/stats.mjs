// Percentiles of latency samples (milliseconds), exact: the samples of one phase fit in memory.
export function summarize(samples) {
    const n = samples.length;
    if (n === 0) return { count: 0, p50: null, p95: null, p99: null, max: null, mean: null };
    const sorted = Float64Array.from(samples).sort();
    const at = (q) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += sorted[i];
    return { count: n, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[n - 1], mean: sum / n };
}

export function concat(arrays) {
    let total = 0;
    for (const a of arrays) total += a.length;
    const out = new Float64Array(total);
    let offset = 0;
    for (const a of arrays) {
        out.set(a, offset);
        offset += a.length;
    }
    return out;
}
