/** Where one `${{ … }}` sits in a string: `start` at `$`, `end` just after the closing `}}`. */
export interface TemplateRange {
  readonly start: number;
  readonly end: number;
}

/** A `${{` with no closing `}}`; `openString` is the quote of a string literal left open, if any. */
export interface UnclosedTemplate {
  readonly start: number;
  readonly openString?: number;
}

/** The `${{ … }}` templates of a string, and the first unclosed one (which ends the scan). */
export interface TemplateScan {
  readonly templates: readonly TemplateRange[];
  readonly unclosed?: UnclosedTemplate;
}

/**
 * Finds every `${{ … }}` in a scalar value the way the runner does: the first `}}` that is not
 * inside a single-quoted string literal closes the expression, so `${{ format('}}') }}` is one
 * template. Inside a literal, `''` is an escaped quote, not the end of the string.
 */
export function scanTemplates(value: string): TemplateScan {
  const templates: TemplateRange[] = [];
  let from = 0;
  for (;;) {
    const open = value.indexOf('${{', from);
    if (open < 0) return { templates };
    let stringAt = -1;
    let close = -1;
    for (let i = open + 3; i < value.length && close < 0; i++) {
      const c = value[i];
      if (stringAt >= 0) {
        if (c !== "'") continue;
        if (value[i + 1] === "'") i++;
        else stringAt = -1;
      } else if (c === "'") stringAt = i;
      else if (c === '}' && value[i + 1] === '}') close = i;
    }
    if (close < 0) {
      return { templates, unclosed: stringAt >= 0 ? { start: open, openString: stringAt } : { start: open } };
    }
    templates.push({ start: open, end: close + 2 });
    from = close + 2;
  }
}
