import { publishChoices, type Ecosystem, type PublishTarget } from '@slsa-kit/generator';

/** A question that a command-line flag can answer, so that the wizard does not ask it. */
export type FixedQuestion = 'ecosystem' | 'provenance' | 'publish' | 'trigger';

/** One screen of the wizard. */
export type StepId = 'facts' | 'ecosystem' | 'buildCommand' | 'artifacts' | 'provenance' | 'publish' | 'trigger' | 'preview' | 'confirm';

/** Whether `publish` is one of the targets offered for `ecosystem`. */
export function publishFits(publish: PublishTarget, ecosystem: Ecosystem): boolean {
  return publishChoices(ecosystem).some((c) => c.value === publish);
}

/** The publish question's default: `wanted` when the ecosystem allows it, else the ecosystem's first target. */
export function defaultPublish(wanted: PublishTarget, ecosystem: Ecosystem): PublishTarget {
  return publishFits(wanted, ecosystem) ? wanted : publishChoices(ecosystem)[0]!.value;
}

/**
 * The wizard's screens, in order. Only the ecosystem reshapes the list, and every screen it adds
 * or removes comes after the ecosystem question, so an index into the list stays valid while the
 * user moves forward. A fixed publish target is still asked when it does not fit the chosen
 * ecosystem (`--publish pypi` with Go), because writing it would produce answers the generator
 * rejects; it is decided from the flag's value so that answering it does not drop the screen.
 * `unchanged` (the file is already up to date) drops the confirmation: there is nothing to write.
 */
export function wizardSteps(fixed: ReadonlySet<FixedQuestion>, fixedPublish: PublishTarget, ecosystem: Ecosystem, unchanged: boolean): StepId[] {
  const steps: StepId[] = ['facts'];
  if (!fixed.has('ecosystem')) steps.push('ecosystem');
  if (ecosystem === 'generic') steps.push('buildCommand', 'artifacts');
  if (!fixed.has('provenance')) steps.push('provenance');
  if (!fixed.has('publish') || !publishFits(fixedPublish, ecosystem)) steps.push('publish');
  if (!fixed.has('trigger')) steps.push('trigger');
  steps.push('preview');
  if (!unchanged) steps.push('confirm');
  return steps;
}
