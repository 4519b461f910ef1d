import qualityPackage from "../../quality/package.json";

/** The version of the quality runner this repository builds (quality/package.json): the image tag the blueprint schedules. */
export const QUALITY_RUNNER_VERSION: string = qualityPackage.version;

/** An image reference's tag, if any (`registry:5000/a/b:1.2.3` → `1.2.3`; a digest or no tag → undefined). */
export function imageTag(image: string): string | undefined {
  if (image.includes("@")) return undefined;
  const last = image.slice(image.lastIndexOf("/") + 1);
  const at = last.lastIndexOf(":");
  return at >= 0 ? last.slice(at + 1) : undefined;
}

/**
 * The runner image the quality CronJobs run: mesh.yaml names the repository the platform pushes to; the tag is
 * the version built from this repository (a digest, immutable, is used as given).
 */
export function qualityRunnerImage(configured: string): string {
  if (configured.includes("@") || imageTag(configured) !== undefined) return configured;
  return `${configured}:${QUALITY_RUNNER_VERSION}`;
}
