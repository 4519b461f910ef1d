/** Millicores of a Kubernetes CPU quantity ("500m", "1", "1.5"). */
export function millicores(cpu: string): number {
  return cpu.endsWith("m") ? Number(cpu.slice(0, -1)) : Math.round(Number(cpu) * 1000);
}

/** Mebibytes of a Kubernetes memory quantity ("512Mi", "2Gi"). */
export function mebibytes(memory: string): number {
  return memory.endsWith("Gi") ? Number(memory.slice(0, -2)) * 1024 : Number(memory.slice(0, -2));
}
