/** A generated bundle: files with paths relative to the output folder. Writing it is the host's job. */
export interface BundleFile {
  /** Relative POSIX path inside the bundle (`prometheus/leaf-eu/prometheus.yml`); never absolute, never `..`. */
  readonly path: string;
  readonly contents: string;
  /** True for run files that must be executable (mode 0755). */
  readonly executable?: boolean;
  /** True for the prometheus.yml of an agent: checked with `promtool check config --agent`. */
  readonly agent?: boolean;
}

export interface Bundle {
  readonly files: readonly BundleFile[];
}

/** Name of the marker file that identifies a folder as a PromTopo bundle (safe to replace on export). */
export const BUNDLE_MARKER = '.promtopo-bundle';
