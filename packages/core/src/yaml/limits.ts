/** Bounds that keep hostile input (huge, deep or alias-bomb files) cheap to reject. */
export interface YamlLimits {
  /** Largest file accepted, in bytes. Real workflows are well under 100 KiB. */
  readonly maxBytes: number;
  /** Deepest collection nesting accepted. GitHub workflows rarely exceed 10. */
  readonly maxDepth: number;
  /** Most nodes the document may expand to once every alias is followed. */
  readonly maxExpandedNodes: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxBytes: 1024 * 1024,
  maxDepth: 256,
  maxExpandedNodes: 200_000,
};
