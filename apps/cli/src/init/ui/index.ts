export { runWizard, type WizardIo } from './run-wizard.js';
export type { WizardPreview, WizardProps, WizardResult } from './Wizard.js';
export type { FixedQuestion } from './steps.js';
